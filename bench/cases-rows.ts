/**
 * The fast path of the synthetic case generator: writes a batch of cases straight into COPY text
 * (one string per table), with the same rows, the same PRNG draws in the same order and so the same
 * data as `randomName`/`identitiesOf`/`eventsOf` of bench/cases-synth.ts, without per-row arrays,
 * Date objects or regular expressions. Name parts, their search keys and COPY text are built once
 * per distinct composed part (bench/cases-pieces.ts); `checkFastNames` compares them with the
 * reference functions at start-up.
 */
import { latinKey, nameKey } from '@/domain/cases/case-names.ts';
import { EVENT_TYPES, STAGES } from '@/domain/cases/case-journey.schema.ts';
import { createPieces, fastName, joinKeys, type NamePart } from './cases-pieces.ts';
import { FORMS, misspell, RISK_FACTOR_CODES, type Rng } from './cases-synth.ts';

export interface BatchContext {
  organisationId: string;
  /** Users cases are assigned to (1–2 each); the first is recorded as creator. */
  userIds: string[];
  /** Case numbers are `<prefix>-<seq>`. */
  numberPrefix: string;
}

/** One batch as COPY text-format payloads, one per table, and the row counts. */
export interface BatchText {
  cases: Buffer;
  identities: Buffer;
  events: Buffer;
  assignments: Buffer;
  counts: { cases: number; identities: number; events: number; assignments: number };
}

/**
 * A growing UTF-8 buffer written one row at a time: short flat strings encode fast, whereas one
 * long concatenated string per batch costs as much to flatten and encode as building it.
 */
class Out {
  private buf: Buffer;
  private len = 0;

  constructor(size: number) {
    this.buf = Buffer.allocUnsafeSlow(size);
  }

  /** A row that is ASCII only (ids, codes, dates): no UTF-8 encoding needed. */
  ascii(row: string): void {
    this.room(row.length);
    this.len += this.buf.write(row, this.len, 'latin1');
  }

  utf8(row: string): void {
    this.room(row.length * 3);
    this.len += this.buf.write(row, this.len, 'utf8');
  }

  private room(bytes: number): void {
    if (this.buf.length - this.len < bytes) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.len + bytes));
      this.buf.copy(bigger, 0, 0, this.len);
      this.buf = bigger;
    }
  }

  done(): Buffer {
    return this.buf.subarray(0, this.len);
  }
}

const DAY_MS = 86_400_000;
const START_MS = Date.UTC(2019, 0, 1);
const SPAN_MS = Date.UTC(2026, 10, 1) - START_MS;
const RISK_LEVELS = ['unknown', 'low', 'low', 'medium', 'medium', 'high'] as const;
const SEXES = ['female', 'female', 'male', 'male', 'unknown'] as const;
const STAGE_TYPES = STAGES.map((s) => EVENT_TYPES[s]);

const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const HEX1 = Array.from({ length: 16 }, (_, i) => i.toString(16));
const PAD2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
const hex6 = (x: number) => HEX2[x >>> 16]! + HEX2[(x >>> 8) & 255]! + HEX2[x & 255]!;

/** `YYYY-MM-DD` per day number since the epoch, built on first use. */
const days: string[] = [];
function day(d: number): string {
  return (days[d] ??= new Date(d * DAY_MS).toISOString().slice(0, 10));
}

/** `Date#toISOString()` of an integer millisecond time, from cached parts. */
function iso(ms: number): string {
  const d = Math.floor(ms / DAY_MS);
  let t = ms - d * DAY_MS;
  const h = Math.floor(t / 3_600_000);
  t -= h * 3_600_000;
  const m = Math.floor(t / 60_000);
  t -= m * 60_000;
  const s = Math.floor(t / 1000);
  return `${day(d)}T${PAD2[h]}:${PAD2[m]}:${PAD2[s]}.${PAD3[t - s * 1000]}Z`;
}

/** The time part of `uuidAt(rng, ms)` up to the version digit: `xxxxxxxx-xxxx-7`. */
function uuidPrefix(ms: number): string {
  const hi = Math.floor(ms / 16_777_216);
  const lo = ms - hi * 16_777_216;
  return `${hex6(hi)}${HEX2[lo >>> 16]}-${HEX2[(lo >>> 8) & 255]}${HEX2[lo & 255]}-7`;
}

/** The rest of `uuidAt`, with the same draws in the same order (variant first). */
function uuidRest(rng: Rng, prefix: string): string {
  const variant = 0x8000 | rng.int(0x4000);
  const a = rng.int(0x10000);
  const b = rng.int(0x10000);
  const c = rng.int(0x10000);
  const d = rng.int(0x10000);
  return (
    `${prefix}${HEX1[(a >>> 8) & 15]}${HEX2[a & 255]}-${HEX2[variant >>> 8]}${HEX2[variant & 255]}-` +
    `${HEX2[b >>> 8]}${HEX2[b & 255]}${HEX2[c >>> 8]}${HEX2[c & 255]}${HEX2[d >>> 8]}${HEX2[d & 255]}`
  );
}

/** `subset(rng, items, p)` as an array literal, cached per subset. */
function subsetLiteral(items: readonly string[], p: number): (rng: Rng) => string {
  const cache: string[] = [];
  return (rng) => {
    let mask = 0;
    for (let i = 0; i < items.length; i += 1) {
      if (rng.next() < p) {
        mask |= 1 << i;
      }
    }
    return (cache[mask] ??= `{${items.filter((_, i) => mask & (1 << i)).join(',')}}`);
  };
}

interface CaseDraw {
  prefix: string;
  id: string;
  created: number;
  /** `\t<created_at>\n`: the end of every child row. */
  tail: string;
  /** `\t<organisation_id>\t<case_id>\t`: follows a child row's own id. */
  rowStart: string;
}

/** Writes batches; the caches live as long as the writer (one per organisation and thread). */
class BatchWriter {
  private readonly pieces = createPieces();
  private readonly forms = subsetLiteral(FORMS, 0.35);
  private readonly factors = subsetLiteral(RISK_FACTOR_CODES, 0.2);
  private readonly org: string;
  private readonly creator: string;
  private readonly eventDays: number[] = [];
  private readonly eventTypes: string[] = [];
  private out = this.outputs(0);
  private counts = { cases: 0, identities: 0, events: 0, assignments: 0 };

  constructor(private readonly ctx: BatchContext) {
    this.org = `\t${ctx.organisationId}\t`;
    this.creator = ctx.userIds[0]!;
  }

  private outputs(n: number) {
    return {
      cases: new Out(n * 300),
      identities: new Out(n * 400),
      events: new Out(n * 1000),
      assignments: new Out(n * 200),
    };
  }

  batch(rng: Rng, firstSeq: number, n: number): BatchText {
    this.out = this.outputs(n);
    this.counts = { cases: n, identities: 0, events: 0, assignments: 0 };
    for (let k = 0; k < n; k += 1) {
      this.addCase(rng, firstSeq + k);
    }
    const { cases, identities, events, assignments } = this.out;
    return {
      cases: cases.done(),
      identities: identities.done(),
      events: events.done(),
      assignments: assignments.done(),
      counts: this.counts,
    };
  }

  /** The draws of `addCase` in the old row-array loader, in the same order. */
  private addCase(rng: Rng, seq: number): void {
    const created = START_MS + Math.floor(rng.next() * SPAN_MS);
    const prefix = uuidPrefix(created);
    const id = uuidRest(rng, prefix);
    const name = fastName(this.pieces, rng);
    const createdAt = iso(created);
    const closed = rng.next() < 0.3 ? iso(created + rng.int(400) * DAY_MS) : null;
    const birthYear = 1965 + rng.int(45);
    const risk = RISK_LEVELS[rng.int(RISK_LEVELS.length)]!;
    const sex = SEXES[rng.int(SEXES.length)]!;
    const nat = name.nationality;
    this.out.cases.ascii(
      `${id}${this.org}${this.ctx.numberPrefix}-${String(seq).padStart(7, '0')}\t` +
        `${closed ? 'closed' : 'open'}\t${risk}\t${sex}\t${birthYear}\t${birthYear >= 2008 ? 't' : 'f'}\t` +
        `${nat}\t${nat}\t${this.forms(rng)}\t${this.factors(rng)}\t${this.creator}\t${createdAt}\t` +
        `${closed ?? createdAt}\t${closed ?? '\\N'}\n`,
    );
    const draw = { prefix, id, created, tail: `\t${createdAt}\n`, rowStart: `${this.org}${id}\t` };
    this.identity(rng, draw, ['primary', name.script], [name.given.native, name.family.native]);
    if (name.script !== 'Latn') {
      this.identity(rng, draw, ['transliteration', 'Latn'], [name.given.latin, name.family.latin]);
    }
    this.events(rng, draw, nat);
    this.assignments(rng, draw);
  }

  private identity(
    rng: Rng,
    draw: CaseDraw,
    [kind, script]: [string, string],
    [given, family]: [NamePart, NamePart],
  ): void {
    let row: string;
    if (script === 'Latn' && rng.next() < 0.03) {
      // About 3 % of records carry a data-entry variant of the Latin spelling (near-duplicates).
      const typo = misspell(rng, family.text);
      const key = nameKey(given.text, typo);
      row = `${kind}\t${given.text}\t${typo}\t${script}\t${key}\t${latinKey(key)}`;
    } else {
      const key = joinKeys(given.key, family.key);
      const latin = joinKeys(given.latinKey, family.latinKey);
      row = `${kind}\t${given.text}\t${family.text}\t${script}\t${key}\t${latin}`;
    }
    this.out.identities.utf8(uuidRest(rng, draw.prefix) + draw.rowStart + row + draw.tail);
    this.counts.identities += 1;
  }

  /** 2–6 events through consecutive stages, starting at exit, dated after the case. */
  private events(rng: Rng, draw: CaseDraw, nationality: string): void {
    const count = 2 + rng.int(5);
    let at = draw.created;
    for (let i = 0; i < count; i += 1) {
      at += rng.int(60) * DAY_MS;
      const types = STAGE_TYPES[Math.min(i, STAGES.length - 1)]!;
      this.eventDays[i] = Math.floor(at / DAY_MS);
      this.eventTypes[i] = types[rng.int(types.length)]!;
    }
    for (let i = 0; i < count; i += 1) {
      const stage = STAGES[Math.min(i, STAGES.length - 1)]!;
      const country = stage === 'return' || stage === 'reintegration' ? nationality : '\\N';
      this.out.events.ascii(
        uuidRest(rng, draw.prefix) +
          draw.rowStart +
          `${stage}\t${this.eventTypes[i]}\t${day(this.eventDays[i]!)}\t${country}\t${this.creator}${draw.tail}`,
      );
    }
    this.counts.events += count;
  }

  /** 1–2 assignees. */
  private assignments(rng: Rng, draw: CaseDraw): void {
    const users = this.ctx.userIds;
    const first = rng.int(users.length);
    const second = rng.next() < 0.2 ? rng.int(users.length) : first;
    const row = `${this.ctx.organisationId}\t${draw.id}\t`;
    this.out.assignments.ascii(`${row}${users[first]}${draw.tail}`);
    this.counts.assignments += 1;
    if (second !== first) {
      this.out.assignments.ascii(`${row}${users[second]}${draw.tail}`);
      this.counts.assignments += 1;
    }
  }
}

export type WriteBatch = (rng: Rng, firstSeq: number, n: number) => BatchText;

export function createBatchWriter(ctx: BatchContext): WriteBatch {
  const writer = new BatchWriter(ctx);
  return (rng, firstSeq, n) => writer.batch(rng, firstSeq, n);
}
