-- Custom SQL migration file, put your code below! ---- encryptLegacyPlaintext looks for values still in the pre-0008 plain columns on every start.
-- These partial indexes hold only such rows (none once encrypted), so the look-up costs nothing
-- instead of a full scan of each table. They go with the columns in a later migration.
CREATE INDEX case_consents_guardian_name_legacy ON case_consents (id) WHERE guardian_name IS NOT NULL;
--> statement-breakpoint
CREATE INDEX case_consents_best_interest_note_legacy ON case_consents (id) WHERE best_interest_note IS NOT NULL;
--> statement-breakpoint
CREATE INDEX case_events_outcome_legacy ON case_events (id) WHERE outcome IS NOT NULL;
--> statement-breakpoint
CREATE INDEX case_tasks_title_legacy ON case_tasks (id) WHERE title IS NOT NULL;
--> statement-breakpoint
CREATE INDEX case_plan_items_action_legacy ON case_plan_items (id) WHERE action IS NOT NULL;
