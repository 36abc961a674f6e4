#!/usr/bin/env node
// Coverage of each UI translation against English: the share of English message keys (plural
// forms counted once) that the language's file has. Prints a Markdown table for TRANSLATIONS.md.
// Usage: node scripts/translation-coverage.mjs
import { readdirSync, readFileSync } from 'node:fs';

const dir = new URL('../web/src/i18n/', import.meta.url);
const PLURAL = /_(zero|one|two|few|many|other)$/;

function keys(value, prefix = '', out = new Set()) {
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof child === 'string') {
      out.add(path.replace(PLURAL, ''));
    } else {
      keys(child, path, out);
    }
  }
  return out;
}

const read = (name) => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
const english = keys(read('en.json'));
console.log('| language | keys | coverage |');
console.log('| -------- | ---- | -------- |');
for (const file of readdirSync(dir)
  .filter((name) => /^[a-z]{2,3}\.json$/.test(name))
  .sort()) {
  const have = keys(read(file));
  const covered = [...english].filter((key) => have.has(key)).length;
  const percent = Math.floor((1000 * covered) / english.size) / 10;
  console.log(`| ${file.replace('.json', '')} | ${covered} / ${english.size} | ${percent} % |`);
}
