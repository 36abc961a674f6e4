CREATE TABLE "audit_seals" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"key_id" text NOT NULL,
	"mac" text NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "encryption_keys" ADD COLUMN "purpose" text DEFAULT 'data' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "encryption_keys_one_active_mac_key" ON "encryption_keys" USING btree ("purpose") WHERE purpose <> 'data' and status = 'active';--> statement-breakpoint
-- Seals are append-only like the audit rows; neither table can be emptied by TRUNCATE (which
-- row triggers never see). Restore, which runs as the tables' owner into an empty installation,
-- disables the TRUNCATE triggers inside its own transaction (ALTER TABLE needs ownership, which
-- the runtime role must not have); a transaction-local setting checked here would let any role
-- lift the rule.
CREATE FUNCTION homeward_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% rejected)', TG_TABLE_NAME, TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_seals_append_only
  BEFORE UPDATE OR DELETE ON audit_seals
  FOR EACH ROW EXECUTE FUNCTION homeward_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate
  BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION homeward_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_seals_no_truncate
  BEFORE TRUNCATE ON audit_seals
  FOR EACH STATEMENT EXECUTE FUNCTION homeward_append_only();
--> statement-breakpoint
-- The append lock now also returns the id of the active audit MAC key, so sealing a row costs
-- no extra round trip, and the newest seal's seq: when seals outlive deleted rows, the next row
-- goes after them and leaves a visible gap instead of failing on the seal's key. Always one row;
-- seq and hash are NULL on an empty chain.
DROP FUNCTION hw_audit_lock_head(bigint);
--> statement-breakpoint
CREATE FUNCTION hw_audit_lock_head(lock_id bigint)
  RETURNS TABLE (seq bigint, hash text, key_id text)
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(lock_id);
  RETURN QUERY
    SELECT greatest(h.seq, s.seq), h.hash, k.id
    FROM (SELECT 1) AS one
    LEFT JOIN LATERAL (SELECT a.seq, a.hash FROM audit_events a ORDER BY a.seq DESC LIMIT 1) h
      ON true
    LEFT JOIN LATERAL (SELECT x.seq FROM audit_seals x ORDER BY x.seq DESC LIMIT 1) s ON true
    LEFT JOIN LATERAL (SELECT e.id FROM encryption_keys e
                        WHERE e.purpose = 'audit_mac' AND e.status = 'active' LIMIT 1) k
      ON true;
END
$$;
