-- Consents for legal proceedings name an authority: its name in recipient_name, its kind here
-- (null for every other purpose). Purposes are plain text (no enum type, no CHECK), so
-- 'legal_proceedings' needs no change here. The append-only trigger (0004, 0008) compares whole
-- rows, so this column cannot be updated either.
ALTER TABLE "case_consents" ADD COLUMN "recipient_authority_kind" text;