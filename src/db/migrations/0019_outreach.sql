CREATE TABLE "outreach_materials" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"language" text NOT NULL,
	"topics" text[] NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"url" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_quiz_results" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"quiz_id" text NOT NULL,
	"language" text NOT NULL,
	"respondents" integer NOT NULL,
	"correct" jsonb NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outreach_quiz_results_phase_key" UNIQUE("session_id","phase"),
	CONSTRAINT "outreach_quiz_results_respondents_check" CHECK ("outreach_quiz_results"."respondents" > 0)
);
--> statement-breakpoint
CREATE TABLE "outreach_session_materials" (
	"organisation_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"material_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "outreach_session_materials_session_id_material_id_pk" PRIMARY KEY("session_id","material_id")
);
--> statement-breakpoint
CREATE TABLE "outreach_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"setting" text NOT NULL,
	"held_on" date NOT NULL,
	"place" text NOT NULL,
	"audience_size" integer NOT NULL,
	"age_band" text NOT NULL,
	"topics" text[] NOT NULL,
	"facilitator_id" uuid,
	"language" text NOT NULL,
	"notes" text NOT NULL,
	"cancelled" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outreach_sessions_audience_check" CHECK ("outreach_sessions"."audience_size" > 0)
);
--> statement-breakpoint
ALTER TABLE "outreach_materials" ADD CONSTRAINT "outreach_materials_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_materials" ADD CONSTRAINT "outreach_materials_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_quiz_results" ADD CONSTRAINT "outreach_quiz_results_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_quiz_results" ADD CONSTRAINT "outreach_quiz_results_session_id_outreach_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."outreach_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_quiz_results" ADD CONSTRAINT "outreach_quiz_results_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_session_materials" ADD CONSTRAINT "outreach_session_materials_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_session_materials" ADD CONSTRAINT "outreach_session_materials_session_id_outreach_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."outreach_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_session_materials" ADD CONSTRAINT "outreach_session_materials_material_id_outreach_materials_id_fk" FOREIGN KEY ("material_id") REFERENCES "public"."outreach_materials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_sessions" ADD CONSTRAINT "outreach_sessions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_sessions" ADD CONSTRAINT "outreach_sessions_facilitator_id_users_id_fk" FOREIGN KEY ("facilitator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_sessions" ADD CONSTRAINT "outreach_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outreach_materials_org_idx" ON "outreach_materials" USING btree ("organisation_id","id");--> statement-breakpoint
CREATE INDEX "outreach_session_materials_material_idx" ON "outreach_session_materials" USING btree ("material_id");--> statement-breakpoint
CREATE INDEX "outreach_sessions_org_held_idx" ON "outreach_sessions" USING btree ("organisation_id","held_on","id");