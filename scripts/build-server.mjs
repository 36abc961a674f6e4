#!/usr/bin/env node
// Compiles the server (src/, TypeScript) into one ES module, dist/cli/homeward.js, with esbuild.
// Running the build instead of the source through tsx saves about 70 MB resident: tsx's loader
// hooks run in a thread of their own with its own V8 heap (BENCHMARKS.md, "Memory").
// Packages stay external (resolved from node_modules at run time, PGlite finds its WebAssembly
// files there); the SQL migrations are copied beside the bundle, where src/db/client.ts looks
// for them relative to its own module.
import { cpSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { DIST_DIR, ENTRY, ROOT } from './server-build.mjs';

// Built beside the old build, then swapped in, so that a server starting meanwhile finds a whole one.
const staging = `${DIST_DIR}.${process.pid}`;
rmSync(staging, { recursive: true, force: true });
mkdirSync(staging, { recursive: true });
await build({
  entryPoints: [join(ROOT, 'src', 'cli', 'homeward.ts')],
  outfile: join(staging, basename(ENTRY)),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  packages: 'external',
  tsconfig: join(ROOT, 'tsconfig.json'),
  sourcemap: 'linked',
  logLevel: 'warning',
});
cpSync(join(ROOT, 'src', 'db', 'migrations'), join(staging, 'migrations'), { recursive: true });
rmSync(DIST_DIR, { recursive: true, force: true });
renameSync(staging, DIST_DIR);
