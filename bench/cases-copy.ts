/**
 * `COPY … FROM STDIN` through a plain `pg` client, without extra packages: a minimal Submittable
 * (the interface pg-copy-streams implements) that streams buffers of rows in PostgreSQL's text
 * format as CopyData messages, with backpressure, and settles when the server is ready again.
 */
import type pg from 'pg';

/** The part of pg's Connection a COPY needs (pg/lib/connection.js; not in @types/pg). */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  stream: NodeJS.WritableStream & { writableLength: number };
}

/** Largest CopyData message sent at once. */
const CHUNK = 1 << 20;
/** Bytes queued on the socket above which `write` waits for it to drain. */
const HIGH_WATER = 4 << 20;

/** The target table and its explicit column list. */
export interface CopyTarget {
  table: string;
  columns: string[];
}

/** An open `COPY … FROM STDIN`: write buffers of whole rows, then `end` (rejects on error). */
export class CopyStream implements pg.Submittable {
  private connection: CopyConnection | null = null;
  private error: Error | null = null;
  private ended = false;
  private readonly opened: Promise<void>;
  private readonly finished: Promise<void>;
  private onOpen!: () => void;
  private onFinish!: (err: Error | null) => void;

  constructor(private readonly text: string) {
    this.opened = new Promise((resolve) => (this.onOpen = resolve));
    this.finished = new Promise((resolve, reject) => {
      this.onFinish = (err) => (err ? reject(err) : resolve());
    });
    // A failed COPY rejects `finished` before anyone awaits it: observed in `end`.
    this.finished.catch(() => undefined);
  }

  submit(connection: pg.Connection): void {
    (connection as unknown as CopyConnection).query(this.text);
  }

  handleCopyInResponse(connection: CopyConnection): void {
    this.connection = connection;
    this.onOpen();
  }

  /** Sends `data` (whole rows); resolves at once unless the socket has too much queued. */
  async write(data: Buffer): Promise<void> {
    await this.opened;
    if (this.error) {
      throw this.error;
    }
    const connection = this.connection!;
    for (let at = 0; at < data.length; at += CHUNK) {
      connection.sendCopyFromChunk(data.subarray(at, at + CHUNK));
    }
    const stream = connection.stream;
    if (stream.writableLength > HIGH_WATER) {
      await new Promise((resolve) => stream.once('drain', resolve));
    }
  }

  /** Ends the COPY; resolves when the server has committed it. */
  async end(): Promise<void> {
    if (!this.error && !this.ended) {
      this.ended = true;
      await this.opened;
      this.connection?.endCopyFrom();
    }
    return this.finished;
  }

  handleError(err: Error): void {
    this.error = err;
    // The server may fail the COPY before it starts (bad column): unblock writers too.
    this.onOpen();
    this.onFinish(err);
  }

  handleReadyForQuery(): void {
    this.onFinish(this.error);
  }

  handleCommandComplete(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

/** Starts `copy <table> (<columns>) from stdin` on `client`. */
export function openCopy(client: pg.ClientBase, target: CopyTarget): CopyStream {
  const stream = new CopyStream(`copy ${target.table} (${target.columns.join(', ')}) from stdin`);
  client.query(stream);
  return stream;
}

/** One COPY of `data` (whole rows in text format). Rejects with the server's error. */
export async function copyBuffer(
  client: pg.ClientBase,
  target: CopyTarget,
  data: Buffer,
): Promise<void> {
  if (data.length === 0) {
    return;
  }
  const stream = openCopy(client, target);
  await stream.write(data);
  await stream.end();
}

/** One value in COPY text format: `\N` for null, backslash escapes for tab/newline/backslash. */
function field(value: unknown): string {
  if (value === null || value === undefined) {
    return '\\N';
  }
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (typeof value === 'boolean') {
    return value ? 't' : 'f';
  }
  const text = typeof value === 'number' ? String(value) : (value as string);
  return text.replace(/[\\\t\n\r]/g, (c) =>
    c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\\\',
  );
}

/** Rows as a COPY text-format payload. */
export function copyPayload(rows: unknown[][]): Buffer {
  return Buffer.from(rows.map((r) => r.map(field).join('\t')).join('\n') + '\n');
}

/** `copy <table> (<columns>) from stdin` with `rows` (arrays of values) on `client`. */
export function copyRows(
  client: pg.ClientBase,
  target: CopyTarget,
  rows: unknown[][],
): Promise<void> {
  return rows.length === 0 ? Promise.resolve() : copyBuffer(client, target, copyPayload(rows));
}

/**
 * The inverse of the text format for the values the generator writes (no escapes but `\N`): one
 * array per column, for `insert … select from unnest(…)` where COPY is not available (PGlite).
 */
export function copyColumns(data: Buffer, columns: number): (string | null)[][] {
  const out: (string | null)[][] = Array.from({ length: columns }, () => []);
  for (const line of data.toString('utf8').split('\n')) {
    if (line === '') {
      continue;
    }
    line.split('\t').forEach((v, i) => out[i]!.push(v === '\\N' ? null : v));
  }
  return out;
}
