import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { Db } from '@/db/client.ts';
import { screeningInstruments } from '@/db/schema/index.ts';

export type InstrumentRow = typeof screeningInstruments.$inferSelect;
export type InstrumentInsert = Omit<typeof screeningInstruments.$inferInsert, 'createdAt'>;

/**
 * The stored instruments `organisationId` may use: its own and the platform-published versions
 * of the built-ins (`organisation_id` null), optionally of one instrument id only.
 */
export async function listInstrumentRows(
  db: Db,
  organisationId: string,
  instrumentId?: string,
): Promise<InstrumentRow[]> {
  const owner = or(
    isNull(screeningInstruments.organisationId),
    eq(screeningInstruments.organisationId, organisationId),
  );
  return db
    .select()
    .from(screeningInstruments)
    .where(
      instrumentId === undefined ? owner : and(owner, eq(screeningInstruments.id, instrumentId)),
    )
    .orderBy(asc(screeningInstruments.id), asc(screeningInstruments.version))
    .limit(10_000);
}

/**
 * Inserts an instrument version; false when the owner already has this id and version (the
 * unique key treats a null owner as one owner).
 */
export async function insertInstrumentRow(tx: Db, row: InstrumentInsert): Promise<boolean> {
  const inserted = await tx
    .insert(screeningInstruments)
    .values(row)
    .onConflictDoNothing()
    .returning({ rowId: screeningInstruments.rowId });
  return inserted.length > 0;
}
