-- National referral mechanism (NRM) tracking. nrm_steps and nrm_holidays hold platform admins'
-- edits over the shipped data (src/domain/nrm/jurisdictions.json), installation-wide;
-- nrm_settings the organisation's "upcoming" horizon (no row: 7 days). A referral keeps its
-- steps with the figure in force when it was made (nrm_referral_steps) and its decisions.
CREATE TABLE "nrm_decisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"outcome" text NOT NULL,
	"decided_on" date NOT NULL,
	"decision_maker" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nrm_decisions_kind_key" UNIQUE("referral_id","kind")
);
--> statement-breakpoint
CREATE TABLE "nrm_holidays" (
	"jurisdiction" text NOT NULL,
	"date" date NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"removed" boolean DEFAULT false NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nrm_holidays_jurisdiction_date_pk" PRIMARY KEY("jurisdiction","date")
);
--> statement-breakpoint
CREATE TABLE "nrm_referral_steps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"step" text NOT NULL,
	"kind" text NOT NULL,
	"duration" integer,
	"unit" text,
	"clock_starts_at" text NOT NULL,
	"starts_on" text,
	"ends_with" text,
	"status" text NOT NULL,
	"status_note" text,
	"source" text NOT NULL,
	"as_of" date NOT NULL,
	"started_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"due_on" date,
	"closed_at" timestamp with time zone,
	CONSTRAINT "nrm_referral_steps_step_key" UNIQUE("referral_id","step")
);
--> statement-breakpoint
CREATE TABLE "nrm_referrals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"jurisdiction" text NOT NULL,
	"referred_at" timestamp with time zone NOT NULL,
	"authority" text NOT NULL,
	"status" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nrm_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"upcoming_days" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nrm_steps" (
	"jurisdiction" text NOT NULL,
	"step" text NOT NULL,
	"kind" text NOT NULL,
	"duration" integer,
	"unit" text,
	"clock_starts_at" text NOT NULL,
	"starts_on" text,
	"ends_with" text,
	"rule" text NOT NULL,
	"status" text NOT NULL,
	"status_note" text,
	"source" text NOT NULL,
	"notes" text NOT NULL,
	"as_of" date NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nrm_steps_jurisdiction_step_pk" PRIMARY KEY("jurisdiction","step")
);
--> statement-breakpoint
ALTER TABLE "nrm_decisions" ADD CONSTRAINT "nrm_decisions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nrm_decisions" ADD CONSTRAINT "nrm_decisions_referral_id_nrm_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."nrm_referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nrm_decisions" ADD CONSTRAINT "nrm_decisions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nrm_holidays" ADD CONSTRAINT "nrm_holidays_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nrm_referral_steps" ADD CONSTRAINT "nrm_referral_steps_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nrm_referral_steps" ADD CONSTRAINT "nrm_referral_steps_referral_id_nrm_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."nrm_referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nrm_referrals" ADD CONSTRAINT "nrm_referrals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nrm_referrals" ADD CONSTRAINT "nrm_referrals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nrm_referrals" ADD CONSTRAINT "nrm_referrals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nrm_settings" ADD CONSTRAINT "nrm_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nrm_settings" ADD CONSTRAINT "nrm_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nrm_steps" ADD CONSTRAINT "nrm_steps_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "nrm_referral_steps_due_idx" ON "nrm_referral_steps" USING btree ("organisation_id","due_at");--> statement-breakpoint
CREATE INDEX "nrm_referrals_case_idx" ON "nrm_referrals" USING btree ("organisation_id","case_id","referred_at");