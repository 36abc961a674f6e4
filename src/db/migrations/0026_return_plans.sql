CREATE TABLE "return_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"travel_date" date NOT NULL,
	"arrival_local" text NOT NULL,
	"arrival_time_zone" text NOT NULL,
	"arrival_at" timestamp with time zone NOT NULL,
	"arrival_point" text NOT NULL,
	"reception_enc" text NOT NULL,
	"follow_up_days" integer[] DEFAULT '{}'::int[] NOT NULL,
	"received_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "return_plans" ADD CONSTRAINT "return_plans_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_plans" ADD CONSTRAINT "return_plans_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_plans" ADD CONSTRAINT "return_plans_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_plans" ADD CONSTRAINT "return_plans_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_plans" ADD CONSTRAINT "return_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "return_plans_referral_key" ON "return_plans" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "return_plans_case_idx" ON "return_plans" USING btree ("organisation_id","case_id");--> statement-breakpoint
CREATE INDEX "return_plans_unconfirmed_idx" ON "return_plans" USING btree ("arrival_at") WHERE "return_plans"."confirmed_at" is null;