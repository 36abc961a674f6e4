// Copies the project's research file ../shared/data/recruitment_red_flags.csv into
// src/domain/prevention/jobcheck/data/red-flags.json (id, flag, description, example phrases, sources), the part
// of it the job-offer checker's rules cite. Run: node scripts/jobcheck-red-flags.mjs [CSV]
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

const csvPath = process.argv[2] ?? '../shared/data/recruitment_red_flags.csv';
const rows = parse(readFileSync(csvPath, 'utf8'), { columns: true, skip_empty_lines: true });
/** `Thai: "…" (gloss) [source]` → the quoted phrase; `plain phrase [source]` → the phrase. */
function phraseOf(raw) {
  const text = raw.replace(/\[source\]/g, '').trim();
  const quoted = /^[A-Za-z ]+: "([^"]+)"/.exec(text) ?? /^"([^"]+)"$/.exec(text);
  return quoted ? quoted[1] : text;
}

const flags = rows.map((r) => ({
  id: r.id,
  flag: r.flag,
  description: r.description,
  examplePhrases: r.example_phrases.split(' | ').map(phraseOf).filter(Boolean),
  sources: r.source.split(' ; ').map((s) => s.trim()),
}));
const out = {
  attribution:
    "Copied from the Homeward project's research file recruitment_red_flags.csv (shared data folder, with recruitment_red_flags.md beside it), columns id, flag, description, example_phrases (split at ' | ', the quoted phrase kept without its gloss and [source] marker) and source (split at ' ; '), otherwise unchanged. That list was compiled for the project from stored copies of public statements by governments, UN agencies, INTERPOL, NGOs and news reports; several official statements were read only as republished or reported by news outlets, as each source says. No licence is stated for the list; the descriptions are the project's own words and the sources are citations. Each sign is an indicator, not proof.",
  flags,
};
writeFileSync(
  'src/domain/prevention/jobcheck/data/red-flags.json',
  `${JSON.stringify(out, null, 2)}\n`,
);
console.log(`${flags.length} flags written`);
