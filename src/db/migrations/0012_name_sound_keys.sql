ALTER TABLE "case_identities" ADD COLUMN "key_version" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "name_terms" ADD COLUMN "sound" text;--> statement-breakpoint
-- Sound key of a name word: its Latin letters reduced to a consonant skeleton, so that spellings
-- of the same name that differ in vowels, h, doubled letters and a few consonants that vary
-- between romanisations still meet: Rahaman / Rehman "rmn", Chowdhury / Chaudhry "jdr",
-- Mohammed / Muhammad "md", Prasert / Prasoet "prst", Tun / Htun "tn", Jaidee / Chaidi "jd".
-- Steps: letters a-z only; ch, tch, zh, j, z → j; sh → s; ph, f → p; v → b; c, q, ck → k;
-- x → ks; an r between a vowel and a consonant is dropped (Prasert, Porntip); h is dropped except
-- before a vowel at the start; a first vowel is kept as "a", other vowels and y, w are dropped;
-- repeated letters count once. NULL when no letter remains (a word in another script).
CREATE FUNCTION hw_name_sound(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT nullif(regexp_replace(
    left(s, 1) || regexp_replace(substr(s, 2), '[aeiouyw]', '', 'g'),
    '(.)\1+', '\1', 'g'), '')
  FROM (SELECT regexp_replace(regexp_replace(regexp_replace(r, '^h([^aeiou])', '\1'), '(.)h', '\1', 'g'),
      '^[aeiou]', 'a') AS s
    FROM (SELECT regexp_replace(
        translate(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
          regexp_replace(lower(t), '[^a-z]', '', 'g'),
          't?ch|zh|z', 'j', 'g'), 'sh', 's', 'g'), 'ph', 'p', 'g'), 'ck', 'k', 'g'), 'x', 'ks', 'g'),
          'fvcq', 'pbkk'),
        '([aeiouy])r([b-df-hj-np-tv-xz])', '\1\2', 'g') AS r) a) b
$$;
--> statement-breakpoint
UPDATE "name_terms" SET "sound" = hw_name_sound("term");
--> statement-breakpoint
CREATE INDEX "name_terms_sound_idx" ON "name_terms" ("organisation_id", "sound") WHERE "sound" IS NOT NULL;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION hw_name_terms_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO name_terms (organisation_id, term, variants, sound)
  SELECT NEW.organisation_id, w, hw_term_variants(w), hw_name_sound(w) FROM unnest(NEW.terms) w
  WHERE w <> '' AND left(w, 1) <> '@'
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Thai, Burmese and Khmer names now get romanisation keys (RTGS, customary Burmese, UNGEGN) in
-- place of any-ascii: those identities are marked for the start-up refresh (refreshNameKeys),
-- which recomputes latin_key in JavaScript. Only they are rewritten here.
UPDATE "case_identities" SET "key_version" = 0 WHERE "name_key" ~ '[ก-๛က-႟ក-៹]';
--> statement-breakpoint
CREATE INDEX "case_identities_stale_keys_idx" ON "case_identities" ("id") WHERE "key_version" < 1;
