#!/usr/bin/env node
// Runs a TypeScript file of this repository (benchmarks, scripts) with the project's tsconfig paths.
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

register({ tsconfig: new URL('../tsconfig.json', import.meta.url).pathname });
const file = process.argv[2];
if (!file) {
  console.error('usage: run-ts.mjs FILE.ts [args...]');
  process.exit(2);
}
process.argv.splice(2, 1);
await import(pathToFileURL(resolve(file)).href);
