import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { scoreCsv } from './score-csv.ts';

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;

async function run(file: string) {
  let out = '';
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      out += chunk.toString('utf8');
      done();
    },
  });
  const warnings: string[] = [];
  const summary = await scoreCsv(FIXTURES + file, sink, (w) => warnings.push(w));
  return { rows: parse(out) as string[][], out, warnings, summary };
}

describe('scoreCsv (homeward jobcheck score)', () => {
  it('writes a header and job_id,probability,risk for every record in order', async () => {
    const { rows, summary } = await run('adverts.csv');
    expect(rows[0]).toEqual(['job_id', 'probability', 'risk']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['101', '102', '103', '104', '105']);
    for (const [, probability, risk] of rows.slice(1)) {
      expect(probability).toMatch(/^(0|1)\.\d{4}$/);
      expect(['low', 'medium', 'high']).toContain(risk);
    }
    expect(summary).toEqual({ records: 5, malformed: 2 });
  });

  it('rates the work-from-home scam above the accountant', async () => {
    const { rows } = await run('adverts.csv');
    const p = Object.fromEntries(rows.slice(1).map((r) => [r[0], Number(r[1])]));
    expect(p['102']).toBeGreaterThan(0.5);
    expect(p['101']).toBeLessThan(0.05);
  });

  it('reports malformed records with their numbers and still scores them', async () => {
    const { warnings } = await run('adverts.csv');
    expect(warnings).toEqual([
      'record 3 (job_id 103): expected 18 fields, found 7',
      'record 5 (job_id 105): expected 18 fields, found 19',
    ]);
  });

  it('reads gzip input to the same output as the plain file', async () => {
    const [plain, gz] = [await run('adverts.csv'), await run('adverts.csv.gz')];
    expect(gz.out).toBe(plain.out);
  });

  it('keeps a line for a record the parser could not read (an unclosed quote)', async () => {
    const { rows, warnings } = await run('unclosed.csv');
    expect(rows.map((r) => r[0])).toEqual(['job_id', '201', '']);
    expect(warnings).toEqual([expect.stringMatching(/^record 2: Quote Not Closed/)]);
  });

  it('refuses a file whose header is not EMSCAD’s', async () => {
    await expect(run('not-emscad.csv')).rejects.toThrow(/header must name EMSCAD columns/);
  });
});
