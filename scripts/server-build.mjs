// Where the compiled server lives and whether it is up to date with src/ (used by bin/ and
// scripts/build-server.mjs; plain JavaScript so that it runs before any TypeScript loader).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Two levels below the root, as src/cli/ is: the bundle's `../../package.json` still resolves. */
export const DIST_DIR = join(ROOT, 'dist', 'cli');
export const ENTRY = join(DIST_DIR, 'homeward.js');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** True when dist/cli/homeward.js exists and is newer than every file under src/ and tsconfig. */
export function serverBuildIsFresh() {
  if (!existsSync(ENTRY)) {
    return false;
  }
  const sources = Math.max(
    newest(join(ROOT, 'src')),
    statSync(join(ROOT, 'tsconfig.json')).mtimeMs,
  );
  return statSync(ENTRY).mtimeMs >= sources;
}
