import { and, asc, desc, eq, inArray, isNotNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client.ts';
import {
  caseAssignments,
  cases,
  directoryOrganisations,
  directoryServices,
  organisations,
  referralEvents,
  referralPackets,
  referrals,
} from '@/db/schema/index.ts';
import type { ReferralStatus } from './referral-states.ts';

/**
 * All SQL of the referrals module. Every read of a referral names the caller's organisation:
 * a row is found only by its sender, or by its recipient once it is no longer a draft.
 */

export type ReferralRow = typeof referrals.$inferSelect;
export type ReferralInsert = typeof referrals.$inferInsert;
export type ReferralEventRow = typeof referralEvents.$inferSelect;
export type ReferralEventInsert = typeof referralEvents.$inferInsert;
export type PacketRow = typeof referralPackets.$inferSelect;
export type PacketInsert = typeof referralPackets.$inferInsert;

/** An organisation as a referral names it, with whether it is on another installation. */
export interface PartyRow {
  id: string;
  name: string;
  country: string | null;
  external: boolean;
  installationId: string | null;
}

/** A directory service as a referral names it. */
export interface ServiceRef {
  id: string;
  organisationId: string;
  kind: string;
  name: string;
  removedAt: Date | null;
}

/** The organisations with these ids (unknown ids are left out). */
export async function findParties(db: Db, ids: readonly string[]): Promise<PartyRow[]> {
  if (ids.length === 0) {
    return [];
  }
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      country: organisations.country,
      external: sql<boolean>`coalesce(${directoryOrganisations.external}, false)`,
      installationId: directoryOrganisations.installationId,
    })
    .from(organisations)
    .leftJoin(directoryOrganisations, eq(directoryOrganisations.organisationId, organisations.id))
    .where(inArray(organisations.id, [...ids]));
}

/** The directory services with these ids, removed ones included (a referral may name them). */
export async function findServices(db: Db, ids: readonly string[]): Promise<ServiceRef[]> {
  if (ids.length === 0) {
    return [];
  }
  const s = directoryServices;
  return db
    .select({
      id: s.id,
      organisationId: s.organisationId,
      kind: s.kind,
      name: s.name,
      removedAt: s.removedAt,
    })
    .from(s)
    .where(inArray(s.id, [...ids]));
}

/** Rows the organisation may know of: its own referrals, and those sent to it. */
function partyFilter(organisationId: string): SQL {
  return or(
    eq(referrals.fromOrganisationId, organisationId),
    and(eq(referrals.toOrganisationId, organisationId), ne(referrals.status, 'draft')),
  )!;
}

/** The referral if `organisationId` is a side of it (recipients never see drafts), else null. */
export async function findReferral(
  db: Db,
  organisationId: string,
  id: string,
): Promise<ReferralRow | null> {
  const rows = await db
    .select()
    .from(referrals)
    .where(and(eq(referrals.id, id), partyFilter(organisationId)))
    .limit(1);
  return rows[0] ?? null;
}

/** Locks the referral row for the rest of `tx` (a transition reads its state under the lock). */
export async function lockReferral(tx: Db, id: string): Promise<ReferralRow | null> {
  const rows = await tx.select().from(referrals).where(eq(referrals.id, id)).for('update');
  return rows[0] ?? null;
}

export async function insertReferral(tx: Db, row: ReferralInsert): Promise<void> {
  await tx.insert(referrals).values(row);
}

/**
 * Moves a referral on if it is still in `expected` at `version` (the concurrency guard: of two
 * transitions from the same state, one wins). Returns the updated row, or null when it moved.
 */
export async function updateReferralIf(
  tx: Db,
  guard: { id: string; status: ReferralStatus; version: number },
  set: Partial<ReferralInsert>,
): Promise<ReferralRow | null> {
  const rows = await tx
    .update(referrals)
    .set({ ...set, version: guard.version + 1 })
    .where(
      and(
        eq(referrals.id, guard.id),
        eq(referrals.status, guard.status),
        eq(referrals.version, guard.version),
      ),
    )
    .returning();
  return rows[0] ?? null;
}

export async function insertReferralEvent(tx: Db, row: ReferralEventInsert): Promise<void> {
  await tx.insert(referralEvents).values(row);
}

/** The history of a referral, oldest first. */
export async function listReferralEvents(db: Db, referralId: string): Promise<ReferralEventRow[]> {
  return db
    .select()
    .from(referralEvents)
    .where(eq(referralEvents.referralId, referralId))
    .orderBy(asc(referralEvents.at), asc(referralEvents.id));
}

export async function insertPacket(tx: Db, row: PacketInsert): Promise<void> {
  await tx.insert(referralPackets).values(row);
}

export async function findPacket(db: Db, referralId: string): Promise<PacketRow | null> {
  const rows = await db
    .select()
    .from(referralPackets)
    .where(eq(referralPackets.referralId, referralId))
    .limit(1);
  return rows[0] ?? null;
}

/** Destroys a packet's key and sealed body (it can never be opened again). */
export async function destroyPacket(tx: Db, referralId: string, at: Date): Promise<void> {
  await tx
    .update(referralPackets)
    .set({ keyEnc: null, bodySealed: null, destroyedAt: at })
    .where(and(eq(referralPackets.referralId, referralId), isNotNull(referralPackets.keyEnc)));
}

/** The case number of a case of the organisation, or null. */
export async function findCaseNumber(
  db: Db,
  organisationId: string,
  caseId: string,
): Promise<string | null> {
  const rows = await db
    .select({ caseNumber: cases.caseNumber })
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.organisationId, organisationId)))
    .limit(1);
  return rows[0]?.caseNumber ?? null;
}

/** A referral with what a list shows of it. */
export interface ReferralListRow {
  row: ReferralRow;
  from: { id: string; name: string; country: string | null };
  to: { id: string; name: string; country: string | null };
  caseNumber: string | null;
}

const fromOrg = alias(organisations, 'from_org');
const toOrg = alias(organisations, 'to_org');

function listSelect(db: Db) {
  return db
    .select({
      row: referrals,
      from: { id: fromOrg.id, name: fromOrg.name, country: fromOrg.country },
      to: { id: toOrg.id, name: toOrg.name, country: toOrg.country },
      caseNumber: cases.caseNumber,
    })
    .from(referrals)
    .innerJoin(fromOrg, eq(fromOrg.id, referrals.fromOrganisationId))
    .innerJoin(toOrg, eq(toOrg.id, referrals.toOrganisationId))
    .innerJoin(cases, eq(cases.id, referrals.caseId));
}

/** Restricts the outbox to referrals of cases assigned to `userId`. */
function assignedTo(userId: string): SQL {
  return sql`exists (select 1 from ${caseAssignments}
    where ${caseAssignments.caseId} = ${referrals.caseId} and ${caseAssignments.userId} = ${userId})`;
}

/** What an inbox or outbox page asks for. */
export interface ReferralPageFilter {
  organisationId: string;
  box: 'inbox' | 'outbox';
  status?: ReferralStatus | undefined;
  /** Outbox of a caseworker: only referrals of cases assigned to this user. */
  assignedUserId: string | null;
  after?: { updatedAt: Date; id: string } | undefined;
  limit: number;
}

/** One page of the inbox or outbox, newest first by (updated_at, id); `limit + 1` rows. */
export async function listReferralPage(db: Db, f: ReferralPageFilter): Promise<ReferralListRow[]> {
  const r = referrals;
  const side =
    f.box === 'outbox'
      ? and(
          eq(r.fromOrganisationId, f.organisationId),
          f.assignedUserId ? assignedTo(f.assignedUserId) : undefined,
        )
      : and(eq(r.toOrganisationId, f.organisationId), ne(r.status, 'draft'));
  const after = f.after
    ? sql`(${r.updatedAt}, ${r.id}) < (${f.after.updatedAt.toISOString()}::timestamptz, ${f.after.id}::uuid)`
    : undefined;
  const rows = await listSelect(db)
    .where(and(side, f.status ? eq(r.status, f.status) : undefined, after))
    .orderBy(desc(r.updatedAt), desc(r.id))
    .limit(f.limit + 1);
  return rows.map((x) => ({ ...x, caseNumber: f.box === 'outbox' ? x.caseNumber : null }));
}

/**
 * The referrals of one case of the organisation: sent from it (sender side), or accepted into it
 * (recipient side, `recipient_case_id`), newest first.
 */
export async function listCaseReferralRows(
  db: Db,
  organisationId: string,
  caseId: string,
): Promise<ReferralListRow[]> {
  const r = referrals;
  const rows = await listSelect(db)
    .where(
      or(
        and(eq(r.fromOrganisationId, organisationId), eq(r.caseId, caseId)),
        and(eq(r.toOrganisationId, organisationId), eq(r.recipientCaseId, caseId)),
      ),
    )
    .orderBy(desc(r.updatedAt), desc(r.id))
    .limit(200);
  return rows.map((x) => ({
    ...x,
    caseNumber: x.row.fromOrganisationId === organisationId ? x.caseNumber : null,
  }));
}
