-- Search filters by nationality inside the GIN index of identity words: the identity carries its
-- case's nationality (kept in step by the case service) and `@` + nationality joins its words.
-- PostgreSQL 15 cannot change a generated expression, so the column is made again.
DROP INDEX "case_identities_terms_gin";
--> statement-breakpoint
ALTER TABLE "case_identities" DROP COLUMN "terms";
--> statement-breakpoint
ALTER TABLE "case_identities" ADD COLUMN "nationality" text;
--> statement-breakpoint
UPDATE "case_identities" i SET "nationality" = c."nationality"
  FROM "cases" c WHERE c."id" = i."case_id" AND c."nationality" IS NOT NULL;
--> statement-breakpoint
ALTER TABLE "case_identities" ADD COLUMN "terms" text[] GENERATED ALWAYS AS (string_to_array(name_key, ' ') || string_to_array(latin_key, ' ') || array_remove(ARRAY['@' || nationality], NULL)) STORED NOT NULL;
--> statement-breakpoint
CREATE INDEX "case_identities_terms_gin" ON "case_identities" USING gin ("terms") WITH (fastupdate = off);
--> statement-breakpoint
-- The nationality token is not a name word: keep it out of the dictionary.
CREATE OR REPLACE FUNCTION hw_name_terms_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO name_terms (organisation_id, term, variants)
  SELECT NEW.organisation_id, w, hw_term_variants(w) FROM unnest(NEW.terms) w
  WHERE w <> '' AND left(w, 1) <> '@'
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
