/**
 * `node bin/run-ts.mjs bench/cases-drop.ts <name>`: drops a benchmark database kept by
 * `npm run bench:cases -- --keep <name>` and forgets its state.
 */
import { dropKept } from './runtime.ts';

const name = process.argv[2];
if (!name) {
  console.error('usage: node bin/run-ts.mjs bench/cases-drop.ts <name>');
  process.exit(2);
}
dropKept(name).then(
  () => {
    console.log(`dropped ${name}`);
    process.exit(0);
  },
  (err: unknown) => {
    console.error('cases-drop failed:', err);
    process.exit(1);
  },
);
