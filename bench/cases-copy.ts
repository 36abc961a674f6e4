/**
 * `COPY … FROM STDIN` through a plain `pg` client, without extra packages: a minimal
 * Submittable (the interface pg-copy-streams implements) that sends one buffer of rows in
 * PostgreSQL's text format and resolves when the server is ready again.
 */
import type pg from 'pg';

/** The part of pg's Connection a COPY needs (pg/lib/connection.js; not in @types/pg). */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/** Largest CopyData message sent at once. */
const CHUNK = 1 << 20;

class CopyIn implements pg.Submittable {
  private error: Error | null = null;
  private settled = false;

  constructor(
    private readonly text: string,
    private readonly data: Buffer,
    private readonly done: (err: Error | null) => void,
  ) {}

  submit(connection: pg.Connection): void {
    (connection as unknown as CopyConnection).query(this.text);
  }

  handleCopyInResponse(connection: CopyConnection): void {
    for (let at = 0; at < this.data.length; at += CHUNK) {
      connection.sendCopyFromChunk(this.data.subarray(at, at + CHUNK));
    }
    connection.endCopyFrom();
  }

  handleError(err: Error): void {
    this.error = err;
    // A connection error is not followed by ReadyForQuery: settle now.
    this.settle();
  }

  handleReadyForQuery(): void {
    this.settle();
  }

  private settle(): void {
    if (!this.settled) {
      this.settled = true;
      this.done(this.error);
    }
  }

  handleCommandComplete(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
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

/**
 * `copy <table> (<columns>) from stdin` with `rows` on `client`. Rejects with the server's error
 * (the whole COPY is then rolled back).
 */
export function copyRows(
  client: pg.ClientBase,
  target: { table: string; columns: string[] },
  rows: unknown[][],
): Promise<void> {
  if (rows.length === 0) {
    return Promise.resolve();
  }
  const text = `copy ${target.table} (${target.columns.join(', ')}) from stdin`;
  return new Promise((resolve, reject) => {
    client.query(new CopyIn(text, copyPayload(rows), (err) => (err ? reject(err) : resolve())));
  });
}
