#!/usr/bin/env node
// Entry point of the `homeward` command. Runs the compiled server (dist/cli/homeward.js), building
// it first when src/ is newer (a fresh clone, an update); falls back to running the TypeScript
// source through tsx, which works everywhere but holds about 70 MB more (BENCHMARKS.md, "Memory").
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ENTRY, ROOT, serverBuildIsFresh } from '../scripts/server-build.mjs';

function build() {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-server.mjs')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return result.status === 0;
}

if (serverBuildIsFresh() || build()) {
  await import(pathToFileURL(ENTRY).href);
} else {
  console.warn('homeward: could not build dist/cli/homeward.js; running the source through tsx');
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: join(ROOT, 'tsconfig.json') });
  await import('../src/cli/homeward.ts');
}
