-- Guardian name and best-interest note (consents), event outcome, task title and plan action
-- are encrypted at rest from now on, in new `_enc` columns (see src/lib/encrypted-fields.ts).
-- A migration cannot encrypt (the key is not in the database), so the old plain columns stay
-- for now, nullable and never written again: at start-up, after the migrations, Homeward
-- encrypts any value still in them and empties them, in one audited transaction
-- (encryptLegacyPlaintext in src/domain/keys). A later migration drops them.
ALTER TABLE "case_consents" ADD COLUMN "guardian_name_enc" text;--> statement-breakpoint
ALTER TABLE "case_consents" ADD COLUMN "best_interest_note_enc" text;--> statement-breakpoint
ALTER TABLE "case_events" ADD COLUMN "outcome_enc" text;--> statement-breakpoint
ALTER TABLE "case_tasks" ADD COLUMN "title_enc" text;--> statement-breakpoint
ALTER TABLE "case_tasks" ALTER COLUMN "title" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "case_plan_items" ADD COLUMN "action_enc" text;--> statement-breakpoint
ALTER TABLE "case_plan_items" ALTER COLUMN "action" DROP NOT NULL;--> statement-breakpoint
-- case_consents stays append-only (0004), with one exception: a transaction that declares
-- `set_config('homeward.reencrypt', 'on', true)` (key rotation, and the start-up step above) may
-- replace the ciphertexts of a version and empty its old plain columns, and change nothing
-- else. The trigger is replaced rather than disabled, so no other write slips through.
-- The migration that drops guardian_name and best_interest_note must replace it again.
CREATE OR REPLACE FUNCTION homeward_consent_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  probe case_consents%ROWTYPE;
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('homeward.reencrypt', true) = 'on' THEN
    probe := NEW;
    probe.guardian_name_enc := OLD.guardian_name_enc;
    probe.best_interest_note_enc := OLD.best_interest_note_enc;
    IF NEW.guardian_name IS NULL THEN
      probe.guardian_name := OLD.guardian_name;
    END IF;
    IF NEW.best_interest_note IS NULL THEN
      probe.best_interest_note := OLD.best_interest_note;
    END IF;
    IF probe IS NOT DISTINCT FROM OLD THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'case_consents is append-only (% rejected)', TG_OP;
END;
$$;
