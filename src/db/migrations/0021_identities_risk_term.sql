-- Search filters by risk level inside the GIN index of identity words, as it does by nationality
-- (0009): the identity carries its case's risk level and `@risk:` + level joins its words, so a
-- search with a risk filter no longer joins every candidate identity to its case.
-- PostgreSQL 15 cannot change a generated expression, so the column is made again (dropping it
-- drops its index); the risk level is filled before, so the table is rewritten once more only.
DROP INDEX IF EXISTS "case_identities_terms_gin";
--> statement-breakpoint
ALTER TABLE "case_identities" DROP COLUMN "terms";
--> statement-breakpoint
ALTER TABLE "case_identities" ADD COLUMN "risk_level" text;
--> statement-breakpoint
UPDATE "case_identities" i SET "risk_level" = c."risk_level" FROM "cases" c WHERE c."id" = i."case_id";
--> statement-breakpoint
ALTER TABLE "case_identities" ADD COLUMN "terms" text[] GENERATED ALWAYS AS (string_to_array(name_key, ' ') || string_to_array(latin_key, ' ') || array_remove(ARRAY['@' || nationality, '@risk:' || risk_level], NULL)) STORED NOT NULL;
--> statement-breakpoint
CREATE INDEX "case_identities_terms_gin" ON "case_identities" USING gin ("terms") WITH (fastupdate = off);
--> statement-breakpoint
-- A new identity takes its case's risk level (unless the writer gives it); generated columns are
-- computed after BEFORE triggers, so `terms` has it.
CREATE FUNCTION hw_identity_risk_level() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.risk_level IS NULL THEN
    SELECT c.risk_level INTO NEW.risk_level FROM cases c WHERE c.id = NEW.case_id;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "case_identities_risk_level" BEFORE INSERT ON "case_identities"
  FOR EACH ROW EXECUTE FUNCTION hw_identity_risk_level();
--> statement-breakpoint
-- Whoever changes a case's risk level, its identities follow.
CREATE FUNCTION hw_case_risk_level() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE case_identities SET risk_level = NEW.risk_level WHERE case_id = NEW.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "cases_risk_level" AFTER UPDATE OF "risk_level" ON "cases"
  FOR EACH ROW WHEN (OLD.risk_level IS DISTINCT FROM NEW.risk_level)
  EXECUTE FUNCTION hw_case_risk_level();
--> statement-breakpoint
-- A statement that calls this is never planned in parallel: PostgreSQL plans no parallel query
-- for a statement with a PARALLEL UNSAFE function, and checks that before the call is folded to
-- `true`. Search needs it: its candidate tiers are a UNION ALL read in order until a cap, and a
-- parallel append (which `parallel_workers = 0` on the tables does not prevent: it runs whole
-- branches in workers) would read them all at once.
CREATE FUNCTION hw_serial_plan() RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL UNSAFE AS $$
  SELECT true
$$;
