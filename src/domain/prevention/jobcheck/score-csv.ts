import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { scoreRecord } from './check.ts';
import { readEmscadCsv } from './emscad-csv.ts';

/**
 * `homeward jobcheck score`: scores every record of an EMSCAD-shaped CSV (plain or gzip) with the
 * CSV model and writes `job_id,probability,risk` (RFC 4180, a header first, probability with four
 * decimals) in the order of the input. Malformed records are reported through `warn` with their
 * record number and scored with the fields that could be read.
 */

/** What a run did. */
export interface ScoreSummary {
  records: number;
  malformed: number;
}

/** Scores `file` into `out`; resolves when everything is written. Throws on an unreadable file. */
export async function scoreCsv(
  file: string,
  out: Writable,
  warn: (line: string) => void,
): Promise<ScoreSummary> {
  const csv = stringify({ header: true, columns: ['job_id', 'probability', 'risk'] });
  csv.pipe(out, { end: false });
  const summary: ScoreSummary = { records: 0, malformed: 0 };
  try {
    for await (const { number, record, problem } of readEmscadCsv(file)) {
      summary.records++;
      if (problem) {
        summary.malformed++;
        warn(`record ${number}${record.job_id ? ` (job_id ${record.job_id})` : ''}: ${problem}`);
      }
      const { probability, risk } = scoreRecord(record);
      if (!csv.write([record.job_id, probability.toFixed(4), risk])) {
        await once(csv, 'drain');
      }
    }
  } finally {
    csv.end();
    await once(csv, 'end');
  }
  return summary;
}
