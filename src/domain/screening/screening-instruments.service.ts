import { recordAudit } from '@/domain/audit/index.ts';
import type { Db } from '@/db/client.ts';
import type { Ctx } from '@/lib/context.ts';
import { AppError, findOrFail, validationFailed } from '@/lib/errors.ts';
import { newId } from '@/lib/ids.ts';
import { requireAccess, type OrgActor } from '@/policy/require-access.ts';
import { BUILTIN_INSTRUMENTS } from './builtin-instruments.ts';
import { type Instrument, InstrumentSchema } from './instrument.schema.ts';
import {
  insertInstrumentRow,
  listInstrumentRows,
  type InstrumentRow,
} from './screening-instruments.repository.ts';
import { toInstrumentView } from './screening-mapper.ts';
import type {
  InstrumentList,
  InstrumentListQuery,
  InstrumentView,
} from './screening-views.schema.ts';

/** An instrument version an organisation may screen with, and whose it is. */
export interface AvailableInstrument {
  instrument: Instrument;
  owner: InstrumentView['owner'];
}

const BUILTIN_IDS: ReadonlySet<string> = new Set(BUILTIN_INSTRUMENTS.map((i) => i.id));

/**
 * Stored bodies parsed once per row: rows are never updated (a change is a new version), and
 * the rule evaluation compiles an instrument once per parsed object.
 */
const PARSED = new Map<string, Instrument>();
const MAX_PARSED = 500;

function parseRow(row: InstrumentRow): Instrument {
  let parsed = PARSED.get(row.rowId);
  if (!parsed) {
    parsed = Object.freeze(InstrumentSchema.parse(row.body));
    if (PARSED.size >= MAX_PARSED) {
      PARSED.clear();
    }
    PARSED.set(row.rowId, parsed);
  }
  return parsed;
}

/**
 * Every instrument version `organisationId` may use (of one id, when given): the built-ins
 * shipped as files, the versions platform admins published, and the organisation's own.
 */
async function available(
  db: Db,
  organisationId: string,
  instrumentId?: string,
): Promise<AvailableInstrument[]> {
  const builtins = BUILTIN_INSTRUMENTS.filter(
    (i) => instrumentId === undefined || i.id === instrumentId,
  ).map((instrument): AvailableInstrument => ({ instrument, owner: 'builtin' }));
  const stored = (await listInstrumentRows(db, organisationId, instrumentId)).map(
    (row): AvailableInstrument => ({
      instrument: parseRow(row),
      owner: row.organisationId === null ? 'builtin' : 'organisation',
    }),
  );
  return [...builtins, ...stored];
}

/** The latest version of each instrument, in the order built-ins first, then by id. */
function latestOfEach(all: readonly AvailableInstrument[]): AvailableInstrument[] {
  const latest = new Map<string, AvailableInstrument>();
  for (const a of all) {
    const seen = latest.get(a.instrument.id);
    if (!seen || a.instrument.version > seen.instrument.version) {
      latest.set(a.instrument.id, a);
    }
  }
  return [...latest.values()];
}

/** The version of `instrumentId` asked for (or its latest), with its owner; null when none. */
async function findInstrument(
  db: Db,
  organisationId: string,
  ref: { instrumentId: string; instrumentVersion?: number | undefined },
): Promise<AvailableInstrument | null> {
  const versions = await available(db, organisationId, ref.instrumentId);
  if (ref.instrumentVersion === undefined) {
    return latestOfEach(versions)[0] ?? null;
  }
  return versions.find((a) => a.instrument.version === ref.instrumentVersion) ?? null;
}

/**
 * The instrument `instrumentId` at `version`, or its latest version, that `organisationId` may
 * use. Throws `validation_failed` (path `instrumentId` or `instrumentVersion`) when there is none.
 */
export async function resolveInstrument(
  db: Db,
  organisationId: string,
  ref: { instrumentId: string; instrumentVersion?: number | undefined },
): Promise<Instrument> {
  const found = await findInstrument(db, organisationId, ref);
  if (found) {
    return found.instrument;
  }
  const known =
    ref.instrumentVersion !== undefined &&
    (await findInstrument(db, organisationId, { instrumentId: ref.instrumentId }));
  throw validationFailed([
    known
      ? {
          path: 'instrumentVersion',
          message: `${ref.instrumentId} has no version ${ref.instrumentVersion}`,
        }
      : { path: 'instrumentId', message: `Unknown instrument ${ref.instrumentId}` },
  ]);
}

/**
 * One version of an instrument the caller's organisation may use (`screening.read`), in `lang`:
 * what an interview begun on an older version, or a report of one, shows. Throws `not_found`.
 */
export async function getInstrument(
  ctx: Ctx,
  ref: { instrumentId: string; version: number },
  q: InstrumentListQuery,
): Promise<InstrumentView> {
  const actor = await requireAccess(ctx, 'screening.read');
  const found = await findOrFail(
    findInstrument(ctx.db, actor.organisationId, {
      instrumentId: ref.instrumentId,
      instrumentVersion: ref.version,
    }),
    'not_found',
    'No such instrument version',
  );
  return toInstrumentView(found.instrument, found.owner, q.lang);
}

/**
 * The whole document of one instrument version the caller's organisation may use
 * (`screening.read`): every language, sources, dimensions, rule parts and provenance, as it was
 * published. What a new version starts from, and what an auditor of a result reads. Throws
 * `not_found`.
 */
export async function getInstrumentDocument(
  ctx: Ctx,
  ref: { instrumentId: string; version: number },
): Promise<Instrument> {
  const actor = await requireAccess(ctx, 'screening.read');
  const found = await findOrFail(
    findInstrument(ctx.db, actor.organisationId, {
      instrumentId: ref.instrumentId,
      instrumentVersion: ref.version,
    }),
    'not_found',
    'No such instrument version',
  );
  return found.instrument;
}

/**
 * Every version of `instrumentId` the caller's organisation may use (`screening.read`), oldest
 * first, texts in `lang`. Throws `not_found` when there is none.
 */
export async function listInstrumentVersions(
  ctx: Ctx,
  instrumentId: string,
  q: InstrumentListQuery,
): Promise<InstrumentList> {
  const actor = await requireAccess(ctx, 'screening.read');
  const versions = await available(ctx.db, actor.organisationId, instrumentId);
  if (versions.length === 0) {
    throw new AppError('not_found', 'No such instrument');
  }
  const items = [...versions].sort((a, b) => a.instrument.version - b.instrument.version);
  return { items: items.map((a) => toInstrumentView(a.instrument, a.owner, q.lang)) };
}

/**
 * The latest version of every instrument the caller's organisation may use (`screening.read`),
 * texts in `lang` (English where a text is not translated).
 */
export async function listInstruments(ctx: Ctx, q: InstrumentListQuery): Promise<InstrumentList> {
  const actor = await requireAccess(ctx, 'screening.read');
  const items = latestOfEach(await available(ctx.db, actor.organisationId));
  return { items: items.map((a) => toInstrumentView(a.instrument, a.owner, q.lang)) };
}

/**
 * Who may publish `instrument`: a new version of a built-in needs a platform admin in person
 * (`platform.manage`); any other id is an instrument of the caller's organisation
 * (`screening_instrument.manage`: its admins).
 */
async function publisher(ctx: Ctx, instrument: Instrument): Promise<OrgActor> {
  return BUILTIN_IDS.has(instrument.id)
    ? requireAccess(ctx, 'platform.manage')
    : requireAccess(ctx, 'screening_instrument.manage');
}

/**
 * Publishes an instrument version (already validated by `InstrumentSchema`): a platform admin's
 * new version of a built-in, seen by every organisation, or an organisation's own, seen only by
 * it. The version must be newer than every version of that id the organisation can see. Throws
 * `forbidden`, `conflict` (not newer); nothing is written then.
 */
export async function createInstrument(ctx: Ctx, instrument: Instrument): Promise<InstrumentView> {
  const actor = await publisher(ctx, instrument);
  const builtin = BUILTIN_IDS.has(instrument.id);
  const versions = await available(ctx.db, actor.organisationId, instrument.id);
  const newest = Math.max(0, ...versions.map((a) => a.instrument.version));
  if (instrument.version <= newest) {
    throw new AppError(
      'conflict',
      `Version ${newest} of ${instrument.id} exists: publish version ${newest + 1} or later`,
    );
  }
  const rowId = newId();
  await ctx.db.transaction(async (tx) => {
    const inserted = await insertInstrumentRow(tx, {
      rowId,
      organisationId: builtin ? null : actor.organisationId,
      id: instrument.id,
      version: instrument.version,
      body: instrument,
      createdBy: actor.userId,
    });
    if (!inserted) {
      throw new AppError('conflict', `Version ${instrument.version} of ${instrument.id} exists`);
    }
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'screening_instrument.create',
      entityType: 'screening_instrument',
      entityId: `${instrument.id}@${instrument.version}`,
      details: {
        owner: builtin ? 'builtin' : 'organisation',
        indicators: instrument.indicators.length,
      },
    });
  });
  return toInstrumentView(instrument, builtin ? 'builtin' : 'organisation', 'en');
}
