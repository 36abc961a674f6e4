/**
 * The fast path of the synthetic case generator: writes a batch of cases straight into binary
 * COPY tuples (bench/cases-binary.ts), one buffer per table, with the same rows, the same PRNG
 * draws in the same order and so the same data as `randomName`/`identitiesOf`/`eventsOf` of
 * bench/cases-synth.ts and the row-array loader before it, without per-row arrays, Date objects,
 * regular expressions or text formatting. Name parts and their search keys are built once per
 * distinct composed part (bench/cases-pieces.ts); `checkFastNames` compares them with the
 * reference functions at start-up.
 */
import { latinKey, nameKey } from '@/domain/cases/case-names.ts';
import { EVENT_TYPES, STAGES } from '@/domain/cases/case-journey.schema.ts';
import { textArrayField, TupleWriter, uuidBytes, uuidField } from './cases-binary.ts';
import { createPieces, fastName, type NamePart } from './cases-pieces.ts';
import { FORMS, misspell, RISK_FACTOR_CODES, type Rng } from './cases-synth.ts';

export interface BatchContext {
  organisationId: string;
  /** Users cases are assigned to (1–2 each); the first is recorded as creator. */
  userIds: string[];
  /** Case numbers are `<prefix>-<seq>`. */
  numberPrefix: string;
}

/** One batch as binary COPY tuples (no header or trailer), one buffer per table, and row counts. */
export interface BatchRows {
  cases: Buffer;
  identities: Buffer;
  events: Buffer;
  assignments: Buffer;
  counts: { cases: number; identities: number; events: number; assignments: number };
}

const DAY_MS = 86_400_000;
const START_MS = Date.UTC(2019, 0, 1);
const SPAN_MS = Date.UTC(2026, 10, 1) - START_MS;
const RISK_LEVELS = ['unknown', 'low', 'low', 'medium', 'medium', 'high'] as const;
const SEXES = ['female', 'female', 'male', 'male', 'unknown'] as const;
const STAGE_TYPES = STAGES.map((s) => EVENT_TYPES[s]);
const TWO_32 = 4_294_967_296;

/**
 * `uuidAt(rng, ms)` of bench/cases-synth.ts as 16 bytes, with the same draws in the same order:
 * 48 bits of time, version 7 and 12 random bits, the variant, 48 random bits.
 */
function uuidInto(rng: Rng, ms: number, out: Uint8Array): void {
  const variant = 0x8000 | rng.int(0x4000);
  const a = rng.int(0x10000);
  const b = rng.int(0x10000);
  const c = rng.int(0x10000);
  const d = rng.int(0x10000);
  const hi = Math.floor(ms / TWO_32);
  const lo = ms - hi * TWO_32;
  out[0] = hi >>> 8;
  out[1] = hi & 255;
  out[2] = lo >>> 24;
  out[3] = (lo >>> 16) & 255;
  out[4] = (lo >>> 8) & 255;
  out[5] = lo & 255;
  out[6] = 0x70 | ((a >>> 8) & 15);
  out[7] = a & 255;
  out[8] = variant >>> 8;
  out[9] = variant & 255;
  [b, c, d].forEach((v, i) => {
    out[10 + 2 * i] = v >>> 8;
    out[11 + 2 * i] = v & 255;
  });
}

/** `subset(rng, items, p)` as a binary `text[]` field, cached per subset. */
function subsetField(items: readonly string[], p: number): (rng: Rng) => Buffer {
  const cache: Buffer[] = [];
  return (rng) => {
    let mask = 0;
    for (let i = 0; i < items.length; i += 1) {
      if (rng.next() < p) {
        mask |= 1 << i;
      }
    }
    return (cache[mask] ??= textArrayField(items.filter((_, i) => mask & (1 << i))));
  };
}

interface Outputs {
  cases: TupleWriter;
  identities: TupleWriter;
  events: TupleWriter;
  assignments: TupleWriter;
}

/** Writes batches; the caches live as long as the writer (one per organisation). */
class BatchWriter {
  private readonly pieces = createPieces();
  private readonly forms = subsetField(FORMS, 0.35);
  private readonly factors = subsetField(RISK_FACTOR_CODES, 0.2);
  private readonly org: Buffer;
  private readonly users: Buffer[];
  private readonly caseId = new Uint8Array(16);
  private readonly rowId = new Uint8Array(16);
  private readonly eventDays: number[] = [];
  private readonly eventTypes: string[] = [];
  private out: Outputs = this.outputs(0);
  private counts = { cases: 0, identities: 0, events: 0, assignments: 0 };

  constructor(private readonly ctx: BatchContext) {
    this.org = uuidField(uuidBytes(ctx.organisationId));
    this.users = ctx.userIds.map((u) => uuidField(uuidBytes(u)));
  }

  private outputs(n: number): Outputs {
    return {
      cases: new TupleWriter(n * 260),
      identities: new TupleWriter(n * 330),
      events: new TupleWriter(n * 620),
      assignments: new TupleWriter(n * 110),
    };
  }

  batch(rng: Rng, firstSeq: number, n: number): BatchRows {
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

  /** A case row (16 columns, as TABLES in cases-load.ts), then its children. */
  private addCase(rng: Rng, seq: number): void {
    const created = START_MS + Math.floor(rng.next() * SPAN_MS);
    uuidInto(rng, created, this.caseId);
    const name = fastName(this.pieces, rng);
    const closed = rng.next() < 0.3 ? created + rng.int(400) * DAY_MS : -1;
    const birthYear = 1965 + rng.int(45);
    const w = this.out.cases;
    w.tuple(16);
    w.bytes(this.caseId);
    w.raw(this.org);
    w.ascii(`${this.ctx.numberPrefix}-${String(seq).padStart(7, '0')}`);
    w.ascii(closed >= 0 ? 'closed' : 'open');
    const risk = RISK_LEVELS[rng.int(RISK_LEVELS.length)]!;
    w.ascii(risk);
    w.ascii(SEXES[rng.int(SEXES.length)]!);
    w.int2(birthYear);
    w.bool(birthYear >= 2008);
    w.ascii(name.nationality);
    w.ascii(name.nationality);
    w.raw(this.forms(rng));
    w.raw(this.factors(rng));
    w.raw(this.users[0]!);
    w.timestamp(created);
    w.timestamp(closed >= 0 ? closed : created);
    if (closed >= 0) {
      w.timestamp(closed);
    } else {
      w.null();
    }
    this.identity(
      rng,
      created,
      ['primary', name.script, name.nationality, risk],
      [name.given.native, name.family.native],
    );
    if (name.script !== 'Latn') {
      this.identity(
        rng,
        created,
        ['transliteration', 'Latn', name.nationality, risk],
        [name.given.latin, name.family.latin],
      );
    }
    this.events(rng, created, name.nationality);
    this.assignments(rng, created);
  }

  /** id, organisation_id and case_id of a child row, which starts a tuple of `fields`. */
  private childStart(w: TupleWriter, fields: number, rng: Rng, created: number): void {
    uuidInto(rng, created, this.rowId);
    w.tuple(fields);
    w.bytes(this.rowId);
    w.raw(this.org);
    w.bytes(this.caseId);
  }

  private identity(
    rng: Rng,
    created: number,
    [kind, script, nationality, risk]: [string, string, string, string],
    [given, family]: [NamePart, NamePart],
  ): void {
    // About 3 % of records carry a data-entry variant of the Latin spelling (near-duplicates).
    const typo = script === 'Latn' && rng.next() < 0.03 ? misspell(rng, family.text) : null;
    const w = this.out.identities;
    this.childStart(w, 12, rng, created);
    w.ascii(kind);
    w.bytes(given.utf8.text);
    if (typo === null) {
      w.bytes(family.utf8.text);
      w.ascii(script);
      w.joined(given.utf8.key, family.utf8.key);
      w.joined(given.utf8.latinKey, family.utf8.latinKey);
    } else {
      const key = nameKey(given.text, typo);
      w.text(typo);
      w.ascii(script);
      w.text(key);
      w.text(latinKey(key));
    }
    w.timestamp(created);
    w.ascii(nationality);
    w.ascii(risk);
    this.counts.identities += 1;
  }

  /** 2–6 events through consecutive stages, starting at exit, dated after the case. */
  private events(rng: Rng, created: number, nationality: string): void {
    const count = 2 + rng.int(5);
    let at = created;
    for (let i = 0; i < count; i += 1) {
      at += rng.int(60) * DAY_MS;
      const types = STAGE_TYPES[Math.min(i, STAGES.length - 1)]!;
      this.eventDays[i] = Math.floor(at / DAY_MS);
      this.eventTypes[i] = types[rng.int(types.length)]!;
    }
    const w = this.out.events;
    for (let i = 0; i < count; i += 1) {
      const stage = STAGES[Math.min(i, STAGES.length - 1)]!;
      this.childStart(w, 9, rng, created);
      w.ascii(stage);
      w.ascii(this.eventTypes[i]!);
      w.date(this.eventDays[i]!);
      if (stage === 'return' || stage === 'reintegration') {
        w.ascii(nationality);
      } else {
        w.null();
      }
      w.raw(this.users[0]!);
      w.timestamp(created);
    }
    this.counts.events += count;
  }

  /** 1–2 assignees. */
  private assignments(rng: Rng, created: number): void {
    const first = rng.int(this.users.length);
    const second = rng.next() < 0.2 ? rng.int(this.users.length) : first;
    for (const u of second === first ? [first] : [first, second]) {
      const w = this.out.assignments;
      w.tuple(4);
      w.raw(this.org);
      w.bytes(this.caseId);
      w.raw(this.users[u]!);
      w.timestamp(created);
      this.counts.assignments += 1;
    }
  }
}

export type WriteBatch = (rng: Rng, firstSeq: number, n: number) => BatchRows;

export function createBatchWriter(ctx: BatchContext): WriteBatch {
  const writer = new BatchWriter(ctx);
  return (rng, firstSeq, n) => writer.batch(rng, firstSeq, n);
}
