import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { evaluateRules } from './rules.ts';

// How often the red-flag rules fire on EMSCAD's real postings (data/emscad/train.csv.gz): a check
// for false alarms on ordinary adverts when patterns change (RULES.md, "On real, general job
// adverts"). node bin/run-ts.mjs src/domain/prevention/jobcheck/rules-emscad-main.ts [FILE]

type Row = Record<string, string | undefined>;
const file = process.argv[2] ?? 'data/emscad/train.csv.gz';
const rows = parse<Row>(gunzipSync(readFileSync(file)), { columns: true });
const counts = new Map<string, { genuine: number; fraud: number }>();
const totals = { genuine: 0, fraud: 0, genuineFired: 0, fraudFired: 0, genuineFloor: 0 };

for (const row of rows) {
  const fraud = row.fraudulent === '1';
  const text = [row.description, row.requirements, row.benefits].filter(Boolean).join('\n');
  const hits = evaluateRules({
    text: (text || row.title || '-').slice(0, 20_000),
    title: row.title || undefined,
    salary: row.salary_range || undefined,
    location: row.location || undefined,
  });
  totals[fraud ? 'fraud' : 'genuine'] += 1;
  totals[fraud ? 'fraudFired' : 'genuineFired'] += hits.length > 0 ? 1 : 0;
  totals.genuineFloor += !fraud && hits.reduce((s, h) => s + h.weight, 0) >= 1.5 ? 1 : 0;
  for (const hit of hits) {
    const c = counts.get(hit.id) ?? { genuine: 0, fraud: 0 };
    c[fraud ? 'fraud' : 'genuine'] += 1;
    counts.set(hit.id, c);
  }
}

console.log(
  `genuine: ${totals.genuineFired}/${totals.genuine} fire a rule, ${totals.genuineFloor} reach 1.5; ` +
    `fraudulent: ${totals.fraudFired}/${totals.fraud} fire a rule`,
);
for (const [id, c] of [...counts].sort((a, b) => b[1].genuine - a[1].genuine)) {
  console.log(`${id.padEnd(28)} genuine ${String(c.genuine).padStart(4)}  fraudulent ${c.fraud}`);
}
