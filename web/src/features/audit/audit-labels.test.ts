import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '@/policy/permissions.ts';
import en from '@web/i18n/en.json';
import th from '@web/i18n/th.json';
import { ACTION_CODES, actionKey } from './audit-labels';

const SRC = new URL('../../../../src/', import.meta.url).pathname;
const MODULES = ['auth', 'user', 'case', 'consent', 'token', 'organisation', 'keys', 'backup'];
const CODE = new RegExp(
  `'((?:${[...MODULES, 'audit', 'draft', 'home', 'screenings?', 'screening_instrument', 'nrm(?:_[a-z]+)?'].join('|')})\\.[a-z_.0-9]+)'`,
  'g',
);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return sourceFiles(path);
    }
    return path.endsWith('.ts') && !/\.(test|fixtures)\.ts$/.test(path) ? [path] : [];
  });
}

/** Action-like string literals in the server's code that are not permission names. */
function recordedCodes(): string[] {
  const permissions = new Set<string>(PERMISSIONS);
  const found = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    if (
      !text.includes('recordAudit') &&
      !text.includes('AuditEntry') &&
      !text.includes('actions')
    ) {
      continue;
    }
    for (const match of text.matchAll(CODE)) {
      const code = match[1] ?? '';
      if (!permissions.has(code) && !code.endsWith('.')) {
        found.add(code);
      }
    }
  }
  return [...found].sort();
}

function lookup(messages: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) => (node as Record<string, unknown> | undefined)?.[part],
      messages,
    );
}

describe('audit action labels', () => {
  it.each([
    ['en', en],
    ['th', th],
  ])('gives every action code a label in %s', (_code, messages) => {
    const missing = ACTION_CODES.filter(
      (code) => typeof lookup(messages, actionKey(code)) !== 'string',
    );
    expect(missing).toEqual([]);
  });

  it('knows every action the server records (a new one needs its label)', () => {
    const known = new Set<string>(ACTION_CODES);
    const recorded = recordedCodes();
    expect(recorded).toContain('case.tasks.read');
    expect(recorded.length).toBeGreaterThan(40);
    expect(recorded.filter((code) => !known.has(code))).toEqual([]);
  });
});
