#!/usr/bin/env node
// The embedded floor of `npm run bench:memory`: a bare PGlite with pg_trgm (the one extension
// Homeward loads) on a data folder, one trigram query, then idle until SIGTERM. Plain JavaScript,
// no TypeScript loader, so that nothing but Node and PGlite is resident.
// usage: node bench/memory-floor.mjs DATA_DIR [PGLITE_OPTIONS_JSON]
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

const [dataDir, options = '{}'] = process.argv.slice(2);
if (!dataDir) {
  console.error('usage: memory-floor.mjs DATA_DIR [PGLITE_OPTIONS_JSON]');
  process.exit(2);
}
const db = new PGlite(dataDir, { ...JSON.parse(options), extensions: { pg_trgm } });
await db.exec('create extension if not exists pg_trgm');
await db.query(`select similarity('somchai', 'somchay') as s`);
console.log('ready');
process.once('SIGTERM', () => {
  void db.close().finally(() => process.exit(0));
});
setInterval(() => undefined, 1 << 30);
