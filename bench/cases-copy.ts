/**
 * `COPY … FROM STDIN (FORMAT binary)` through a plain `pg` client, without extra packages: a
 * minimal Submittable (the interface pg-copy-streams implements) that streams buffers of binary
 * tuples (bench/cases-binary.ts) as CopyData messages, with backpressure, and settles when the
 * server is ready again.
 */
import type pg from 'pg';
import { BINARY_HEADER, BINARY_TRAILER } from './cases-binary.ts';

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

/** An open binary `COPY … FROM STDIN`: write buffers of whole tuples, then `end` (rejects on error). */
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
    connection.sendCopyFromChunk(BINARY_HEADER);
    this.onOpen();
  }

  /** Sends `data` (whole tuples); resolves at once unless the socket has too much queued. */
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
      this.connection?.sendCopyFromChunk(BINARY_TRAILER);
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

/** Starts `copy <table> (<columns>) from stdin (format binary)` on `client`. */
export function openCopy(client: pg.ClientBase, target: CopyTarget): CopyStream {
  const columns = target.columns.join(', ');
  const stream = new CopyStream(`copy ${target.table} (${columns}) from stdin (format binary)`);
  client.query(stream);
  return stream;
}

/** One COPY of `data` (whole binary tuples). Rejects with the server's error. */
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
