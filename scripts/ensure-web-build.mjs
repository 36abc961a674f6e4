#!/usr/bin/env node
// Builds the web UI when web/dist is missing or older than the web sources, so `npm start`
// works on a fresh clone without a separate build step.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'web', 'dist', 'index.html');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

if (existsSync(dist) && statSync(dist).mtimeMs >= newest(join(root, 'web'))) {
  process.exit(0);
}
console.log('Building the web UI (first start or changed sources)…');
const result = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
    'build',
    '--config',
    'web/vite.config.ts',
    '--logLevel',
    'warn',
  ],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
