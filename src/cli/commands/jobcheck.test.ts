import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkJob } from '@/domain/prevention/jobcheck/index.ts';
import { formatResult } from './jobcheck.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const FIXTURES = join(ROOT, 'src/domain/prevention/jobcheck/fixtures');
const scratch = mkdtempSync(join(tmpdir(), 'jobcheck-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the CLI from source with a data folder that must never be created and an unusable database. */
function homeward(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    ['bin/run-ts.mjs', 'src/cli/homeward.ts', 'jobcheck', ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        HOMEWARD_DATA_DIR: join(scratch, 'never-created'),
        DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
      },
    },
  );
  expect(existsSync(join(scratch, 'never-created'))).toBe(false);
  return result;
}

describe('homeward jobcheck (no database)', () => {
  it('score reads gzip, writes every record in order and reports malformed ones on stderr', () => {
    const { status, stdout, stderr } = homeward(
      'score',
      '--input',
      join(FIXTURES, 'adverts.csv.gz'),
    );
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('job_id,probability,risk');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['101', '102', '103', '104', '105']);
    expect(lines[2]).toMatch(/^102,0\.\d{4},(medium|high)$/);
    expect(stderr).toContain('record 3 (job_id 103): expected 18 fields, found 7');
    expect(stderr).toContain('record 5 (job_id 105): expected 18 fields, found 19');
  });

  it('explain --json --lang th prints the result with Thai reasons', () => {
    const text = 'งานแอดมินออนไลน์ที่กัมพูชา เงินเดือนสูง บินฟรี ติดต่อทาง Telegram เท่านั้น';
    const { status, stdout } = homeward('explain', text, '--json', '--lang', 'th');
    expect(status).toBe(0);
    const result = JSON.parse(stdout) as ReturnType<typeof checkJob>;
    expect(result).toEqual(checkJob({ text }, 'th'));
    expect(result.risk).not.toBe('low');
    expect(result.reasons.find((r) => r.kind === 'rule')?.text).toMatch(/[\u0E00-\u0E7F]/);
  });
});

describe('formatResult', () => {
  it('prints the level, probability, reasons with weights and sources, and the advice', () => {
    const text = formatResult({
      risk: 'medium',
      probability: 0.31234,
      reasons: [
        {
          kind: 'rule',
          id: 'free_travel_visa',
          text: 'Free flights.',
          source: 'RF12',
          weight: 0.6,
        },
        { kind: 'model', id: 'model.words_genuine', text: 'Words: “team”.', weight: -0.4 },
      ],
      advice: [{ id: 'verify_company', text: 'Check the company.' }],
    });
    expect(text).toBe(
      [
        'Risk: medium (probability 0.3123)',
        'Reasons:',
        '  - [rule +0.60] Free flights.',
        '      Source: RF12',
        '  - [model -0.40] Words: “team”.',
        'What to check before going:',
        '  - Check the company.',
      ].join('\n'),
    );
  });
});
