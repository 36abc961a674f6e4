-- Consent records are versioned and never overwritten (a withdrawal is a new version): the
-- database refuses UPDATE and DELETE too, like the audit log.
CREATE OR REPLACE FUNCTION homeward_consent_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case_consents is append-only (% rejected)', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER case_consents_append_only
  BEFORE UPDATE OR DELETE ON case_consents
  FOR EACH ROW EXECUTE FUNCTION homeward_consent_append_only();
