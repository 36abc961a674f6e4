CREATE TABLE "referral_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"referral_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"organisation_id" uuid,
	"actor_user_id" uuid,
	"note_enc" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_packets" (
	"referral_id" uuid PRIMARY KEY NOT NULL,
	"schema_version" integer NOT NULL,
	"categories" text[] NOT NULL,
	"consent_terms" jsonb NOT NULL,
	"key_enc" text,
	"body_sealed" text,
	"frozen_at" timestamp with time zone NOT NULL,
	"destroyed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"from_organisation_id" uuid NOT NULL,
	"to_organisation_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"recipient_case_id" uuid,
	"service_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"categories" text[] NOT NULL,
	"purpose" text NOT NULL,
	"reason_enc" text NOT NULL,
	"urgency" text NOT NULL,
	"status" text NOT NULL,
	"consent_id" uuid,
	"respond_by" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"declined_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"outcome" text,
	"review_required_since" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_packets" ADD CONSTRAINT "referral_packets_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_from_organisation_id_organisations_id_fk" FOREIGN KEY ("from_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_to_organisation_id_organisations_id_fk" FOREIGN KEY ("to_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_recipient_case_id_cases_id_fk" FOREIGN KEY ("recipient_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referral_events_referral_idx" ON "referral_events" USING btree ("referral_id","at","id");--> statement-breakpoint
CREATE INDEX "referrals_outbox_idx" ON "referrals" USING btree ("from_organisation_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "referrals_inbox_idx" ON "referrals" USING btree ("to_organisation_id","updated_at","id") WHERE "referrals"."status" <> 'draft';--> statement-breakpoint
CREATE INDEX "referrals_case_idx" ON "referrals" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "referrals_recipient_case_idx" ON "referrals" USING btree ("recipient_case_id") WHERE "referrals"."recipient_case_id" is not null;--> statement-breakpoint
CREATE INDEX "referrals_open_respond_by_idx" ON "referrals" USING btree ("respond_by") WHERE "referrals"."status" = 'sent';--> statement-breakpoint
-- The status history of a referral is append-only, like consents (0004, 0008): the database
-- refuses UPDATE and DELETE, except a re-encryption (`homeward.reencrypt` on) that replaces the
-- ciphertext of `note_enc` and changes nothing else.
CREATE OR REPLACE FUNCTION homeward_referral_events_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  probe referral_events%ROWTYPE;
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('homeward.reencrypt', true) = 'on' THEN
    probe := NEW;
    probe.note_enc := OLD.note_enc;
    IF probe IS NOT DISTINCT FROM OLD THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'referral_events is append-only (% rejected)', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER referral_events_append_only
  BEFORE UPDATE OR DELETE ON referral_events
  FOR EACH ROW EXECUTE FUNCTION homeward_referral_events_append_only();
