CREATE TABLE "advert_report_indicators" (
	"report_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	CONSTRAINT "advert_report_indicators_report_id_kind_value_pk" PRIMARY KEY("report_id","kind","value")
);
--> statement-breakpoint
CREATE TABLE "advert_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"received_on" date NOT NULL,
	"text_enc" text NOT NULL,
	"title" text,
	"salary" text,
	"location" text,
	"channel" text,
	"destination" text,
	"destination_text" text,
	"origin" text,
	"origin_text" text,
	"status" text DEFAULT 'new' NOT NULL,
	"status_note" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "prevention_assignments" (
	"country" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prevention_assignments_country_organisation_id_pk" PRIMARY KEY("country","organisation_id")
);
--> statement-breakpoint
ALTER TABLE "advert_report_indicators" ADD CONSTRAINT "advert_report_indicators_report_id_advert_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."advert_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advert_reports" ADD CONSTRAINT "advert_reports_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prevention_assignments" ADD CONSTRAINT "prevention_assignments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prevention_assignments" ADD CONSTRAINT "prevention_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "advert_report_indicators_value_idx" ON "advert_report_indicators" USING btree ("kind","value");--> statement-breakpoint
CREATE INDEX "advert_reports_destination_idx" ON "advert_reports" USING btree ("destination","received_on");--> statement-breakpoint
CREATE INDEX "advert_reports_origin_idx" ON "advert_reports" USING btree ("origin","received_on");--> statement-breakpoint
CREATE INDEX "advert_reports_received_idx" ON "advert_reports" USING btree ("received_on","id");--> statement-breakpoint
CREATE INDEX "prevention_assignments_org_idx" ON "prevention_assignments" USING btree ("organisation_id","country");