/**
 * PostgreSQL's binary COPY format (https://www.postgresql.org/docs/current/sql-copy.html, "Binary
 * Format") for the types the case generator writes: tuples are written into a growing buffer
 * with no intermediate strings, and the server stores them without parsing text (uuid, date and
 * timestamp input is most of a text COPY's cost). `decodeTuples` turns them back into text-format
 * values, for PGlite (which loads through `unnest`) and to check the writer against the text path.
 */

/** Signature, flags and header extension length. */
export const BINARY_HEADER = Buffer.concat([
  Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'),
  Buffer.alloc(8),
]);
/** A field count of -1 ends the data. */
export const BINARY_TRAILER = Buffer.from([0xff, 0xff]);

const DAY_MS = 86_400_000;
/** PostgreSQL's epoch, 2000-01-01, in Unix milliseconds and days. */
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
const PG_EPOCH_DAYS = PG_EPOCH_MS / DAY_MS;
const TWO_32 = 4_294_967_296;
const TEXT_OID = 25;

/** A growing buffer of binary COPY tuples. */
export class TupleWriter {
  private buf: Buffer;
  private at = 0;

  constructor(size: number) {
    this.buf = Buffer.allocUnsafeSlow(Math.max(size, 4096));
  }

  /** Starts a tuple of `fields` fields (each tuple here is well under 2 KiB). */
  tuple(fields: number): void {
    if (this.buf.length - this.at < 2048) {
      const bigger = Buffer.allocUnsafeSlow(this.buf.length * 2);
      this.buf.copy(bigger, 0, 0, this.at);
      this.buf = bigger;
    }
    this.int16(fields);
  }

  int16(v: number): void {
    this.buf[this.at++] = (v >>> 8) & 255;
    this.buf[this.at++] = v & 255;
  }

  int32(v: number): void {
    const b = this.buf;
    b[this.at++] = (v >>> 24) & 255;
    b[this.at++] = (v >>> 16) & 255;
    b[this.at++] = (v >>> 8) & 255;
    b[this.at++] = v & 255;
  }

  null(): void {
    this.int32(-1);
  }

  /** Bytes as they are: a field already encoded with its length. */
  raw(bytes: Uint8Array): void {
    const b = this.buf;
    for (let i = 0; i < bytes.length; i += 1) {
      b[this.at++] = bytes[i]!;
    }
  }

  /** A text field from UTF-8 bytes. */
  bytes(bytes: Uint8Array): void {
    this.int32(bytes.length);
    this.raw(bytes);
  }

  /** A text field of two UTF-8 parts joined by one space (an empty part has no space). */
  joined(a: Uint8Array, b: Uint8Array): void {
    if (a.length === 0 || b.length === 0) {
      this.bytes(a.length === 0 ? b : a);
      return;
    }
    this.int32(a.length + 1 + b.length);
    this.raw(a);
    this.buf[this.at++] = 0x20;
    this.raw(b);
  }

  /** A text field that is ASCII only (codes, case numbers). */
  ascii(text: string): void {
    this.int32(text.length);
    const b = this.buf;
    for (let i = 0; i < text.length; i += 1) {
      b[this.at++] = text.charCodeAt(i);
    }
  }

  text(text: string): void {
    this.bytes(Buffer.from(text, 'utf8'));
  }

  int2(v: number): void {
    this.int32(2);
    this.int16(v);
  }

  bool(v: boolean): void {
    this.int32(1);
    this.buf[this.at++] = v ? 1 : 0;
  }

  /** A timestamptz from integer Unix milliseconds (microseconds since 2000 as int64). */
  timestamp(ms: number): void {
    const us = (ms - PG_EPOCH_MS) * 1000;
    const hi = Math.floor(us / TWO_32);
    this.int32(8);
    this.int32(hi);
    this.int32(us - hi * TWO_32);
  }

  /** A date from a Unix day number. */
  date(day: number): void {
    this.int32(4);
    this.int32(day - PG_EPOCH_DAYS);
  }

  done(): Buffer {
    return this.buf.subarray(0, this.at);
  }
}

/** A whole `text[]` field (length included) for one-dimensional arrays of ASCII strings. */
export function textArrayField(items: readonly string[]): Buffer {
  const w = new TupleWriter(256);
  const body = new TupleWriter(256);
  body.int32(items.length === 0 ? 0 : 1);
  body.int32(0);
  body.int32(TEXT_OID);
  if (items.length > 0) {
    body.int32(items.length);
    body.int32(1);
    items.forEach((s) => body.ascii(s));
  }
  w.bytes(body.done());
  return w.done();
}

/** A uuid field from its 16 bytes. */
export function uuidField(bytes: Uint8Array): Buffer {
  const w = new TupleWriter(32);
  w.bytes(bytes);
  return w.done();
}

/** The 16 bytes of a uuid written as text. */
export function uuidBytes(text: string): Buffer {
  return Buffer.from(text.replace(/-/g, ''), 'hex');
}

function decodeValue(type: string, v: Buffer): string {
  switch (type) {
    case 'uuid': {
      const h = v.toString('hex');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    }
    case 'int2':
      return String(v.readInt16BE(0));
    case 'bool':
      return v[0] ? 't' : 'f';
    case 'timestamptz':
      return new Date(Number(v.readBigInt64BE(0)) / 1000 + PG_EPOCH_MS).toISOString();
    case 'date':
      return new Date((v.readInt32BE(0) + PG_EPOCH_DAYS) * DAY_MS).toISOString().slice(0, 10);
    case 'text[]': {
      const items: string[] = [];
      for (let at = v.readInt32BE(0) === 0 ? v.length : 20; at < v.length;) {
        const n = v.readInt32BE(at);
        items.push(v.toString('utf8', at + 4, at + 4 + n));
        at += 4 + n;
      }
      return `{${items.join(',')}}`;
    }
    default:
      return v.toString('utf8');
  }
}

/** Binary tuples (no header or trailer) as rows of text-format values (`null` for NULL). */
export function decodeTuples(data: Buffer, types: string[]): (string | null)[][] {
  const rows: (string | null)[][] = [];
  for (let at = 0; at < data.length;) {
    const fields = data.readInt16BE(at);
    at += 2;
    const row: (string | null)[] = [];
    for (let i = 0; i < fields; i += 1) {
      const n = data.readInt32BE(at);
      at += 4;
      row.push(n < 0 ? null : decodeValue(types[i]!, data.subarray(at, at + n)));
      at += Math.max(n, 0);
    }
    rows.push(row);
  }
  return rows;
}
