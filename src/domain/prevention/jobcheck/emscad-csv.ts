import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { type CsvError, parse } from 'csv-parse';
import type { EmscadRecord } from './features.ts';

/**
 * Reads CSV files with EMSCAD's columns (plain or gzip), record by record, keeping going past
 * malformed records: each one is yielded with a description of what was wrong, and the fields
 * that could be read.
 */

/** EMSCAD's columns in the order of the public file; `fraudulent` may be absent. */
export const EMSCAD_COLUMNS = [
  'job_id',
  'title',
  'location',
  'department',
  'salary_range',
  'company_profile',
  'description',
  'requirements',
  'benefits',
  'telecommuting',
  'has_company_logo',
  'has_questions',
  'employment_type',
  'required_experience',
  'required_education',
  'industry',
  'function',
  'fraudulent',
] as const;

/** One data record: its number (1 = the first record after the header) and any problem found. */
export interface ReadRecord {
  number: number;
  record: EmscadRecord;
  problem?: string;
}

function emptyRecord(): EmscadRecord {
  const record = Object.fromEntries(EMSCAD_COLUMNS.map((c) => [c, ''])) as unknown as EmscadRecord;
  delete record.fraudulent;
  return record;
}

function toRecord(header: readonly string[], fields: readonly string[]): ReadRecord['record'] {
  const record = emptyRecord();
  header.forEach((name, i) => {
    if ((EMSCAD_COLUMNS as readonly string[]).includes(name) && fields[i] !== undefined) {
      (record as unknown as Record<string, string>)[name] = fields[i];
    }
  });
  return record;
}

/** Opens a file, decompressing it when its name ends in `.gz` or it starts with gzip's magic. */
function open(file: string): Readable {
  const stream = createReadStream(file);
  return file.endsWith('.gz') ? stream.pipe(createGunzip()) : stream;
}

/**
 * Yields the data records of an EMSCAD-shaped CSV in order. A record with too few or too many
 * fields, or one the parser had to skip (an unclosed quote), is yielded with `problem` set and the
 * fields it has (none for a skipped one). Throws when the header lacks `job_id` or a text column.
 */
export async function* readEmscadCsv(file: string): AsyncGenerator<ReadRecord> {
  const skipped: string[] = [];
  const parser = open(file).pipe(
    parse({
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_records_with_error: true,
      on_skip: (err: CsvError | undefined) => {
        skipped.push(err?.message ?? 'unreadable record');
        return undefined;
      },
    }),
  );
  let header: string[] | undefined;
  let number = 0;
  for await (const row of parser as AsyncIterable<string[]>) {
    if (!header) {
      header = row.map((h) => h.trim());
      if (!header.includes('job_id') || !header.includes('description')) {
        throw new Error(
          'The CSV header must name EMSCAD columns, at least job_id and description.',
        );
      }
      continue;
    }
    yield* flushSkipped(skipped, () => ++number);
    number++;
    const problem =
      row.length === header.length
        ? undefined
        : `expected ${header.length} fields, found ${row.length}`;
    yield { number, record: toRecord(header, row), ...(problem ? { problem } : {}) };
  }
  yield* flushSkipped(skipped, () => ++number);
}

function* flushSkipped(skipped: string[], next: () => number): Generator<ReadRecord> {
  while (skipped.length > 0) {
    yield { number: next(), record: emptyRecord(), problem: skipped.shift()! };
  }
}
