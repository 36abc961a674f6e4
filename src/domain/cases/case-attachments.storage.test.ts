import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeStaleUploads } from './case-attachments.storage.ts';

const dir = mkdtempSync(join(tmpdir(), 'hw-uploads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('removeStaleUploads', () => {
  it('removes only unfinished uploads older than the limit, never stored files', () => {
    const hourAgo = new Date(Date.now() - 2 * 60 * 60_000);
    const stored = 'a'.repeat(64);
    for (const name of ['.upload-old', '.upload-new', stored]) {
      writeFileSync(join(dir, name), 'x');
    }
    utimesSync(join(dir, '.upload-old'), hourAgo, hourAgo);
    utimesSync(join(dir, stored), hourAgo, hourAgo);
    return removeStaleUploads(dir, 60 * 60_000).then((removed) => {
      expect(removed).toBe(1);
      expect(readdirSync(dir).sort()).toEqual(['.upload-new', stored].sort());
    });
  });

  it('does nothing when the folder does not exist yet', async () => {
    expect(await removeStaleUploads(join(dir, 'missing'), 0)).toBe(0);
  });
});
