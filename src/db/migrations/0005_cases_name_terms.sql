CREATE TABLE "name_terms" (
	"organisation_id" uuid NOT NULL,
	"term" text NOT NULL,
	"variants" text[] NOT NULL,
	CONSTRAINT "name_terms_organisation_id_term_pk" PRIMARY KEY("organisation_id","term")
);
--> statement-breakpoint
ALTER TABLE "case_identities" ADD COLUMN "terms" text[] GENERATED ALWAYS AS (string_to_array(name_key, ' ') || string_to_array(latin_key, ' ')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "name_terms" ADD CONSTRAINT "name_terms_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- A word and each form of it with one character deleted: two words share a variant exactly when
-- they are one deletion, insertion, substitution or swap of neighbours apart. Words shorter than
-- three characters only match themselves.
CREATE FUNCTION hw_term_variants(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN char_length(t) < 3 THEN ARRAY[t]
    ELSE ARRAY[t] || ARRAY(SELECT left(t, i - 1) || substr(t, i + 1) FROM generate_series(1, char_length(t)) i)
  END
$$;
--> statement-breakpoint
CREATE FUNCTION hw_name_terms_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO name_terms (organisation_id, term, variants)
  SELECT NEW.organisation_id, w, hw_term_variants(w) FROM unnest(NEW.terms) w WHERE w <> ''
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER case_identities_name_terms AFTER INSERT OR UPDATE OF name_key, latin_key ON case_identities
  FOR EACH ROW EXECUTE FUNCTION hw_name_terms_add();
--> statement-breakpoint
INSERT INTO name_terms (organisation_id, term, variants)
  SELECT d.organisation_id, d.w, hw_term_variants(d.w)
  FROM (SELECT DISTINCT i.organisation_id, w FROM case_identities i, unnest(i.terms) w WHERE w <> '') d
  ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- fastupdate off: a GIN pending list makes the planner fall back to sequential scans until the
-- next vacuum; inserts here are few (one case at a time, new words rarely).
CREATE INDEX case_identities_terms_gin ON case_identities USING gin (terms) WITH (fastupdate = off);
--> statement-breakpoint
CREATE INDEX name_terms_term_trgm ON name_terms USING gin (term gin_trgm_ops) WITH (fastupdate = off);
--> statement-breakpoint
CREATE INDEX name_terms_variants_gin ON name_terms USING gin (variants) WITH (fastupdate = off);
