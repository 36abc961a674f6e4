DROP INDEX "cases_org_number_key";--> statement-breakpoint
CREATE UNIQUE INDEX "cases_org_number_key" ON "cases" USING btree ("organisation_id",upper("case_number"));