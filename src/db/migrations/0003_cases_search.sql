-- Trigram indexes for fuzzy name search. (btree_gin would allow organisation_id first in the
-- same index, but loading it in PGlite 0.5 breaks the pg_trgm % operator; see BENCHMARKS.md.)
CREATE INDEX case_identities_name_trgm ON case_identities USING gin (name_key gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX case_identities_latin_trgm ON case_identities USING gin (latin_key gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX case_identities_org_idx ON case_identities (organisation_id, case_id);
