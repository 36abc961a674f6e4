import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '@/db/client.ts';
import { jobs } from '@/db/schema/index.ts';

export type JobRow = typeof jobs.$inferSelect;

/** Inserts a job (inside the caller's transaction when `db` is one). */
export async function insertJob(db: Db, row: typeof jobs.$inferInsert): Promise<void> {
  await db.insert(jobs).values(row);
}

/**
 * Gives up on open jobs whose last attempt's lock expired (the worker died during it): they
 * would otherwise never be claimed again and would hold up their ordering key.
 */
export async function buryExpired(db: Db, now: Date): Promise<void> {
  await db
    .update(jobs)
    .set({ deadAt: now, lastError: 'lock_expired', lockedUntil: null, lockedBy: null })
    .where(
      and(
        isNull(jobs.doneAt),
        isNull(jobs.deadAt),
        lte(jobs.lockedUntil, now),
        sql`${jobs.attempts} >= ${jobs.maxAttempts}`,
      ),
    );
}

/**
 * Locks up to `limit` due jobs for `workerId` until `lockedUntil` and counts the attempt. Rows
 * another transaction is locking are skipped (`FOR UPDATE SKIP LOCKED`); a job with an ordering
 * key waits until every earlier job of its key is done or dead. One statement, so it needs no
 * transaction (PGlite's single connection included).
 */
export async function claimRows(
  db: Db,
  {
    workerId,
    limit,
    now,
    lockedUntil,
  }: { workerId: string; limit: number; now: Date; lockedUntil: Date },
): Promise<JobRow[]> {
  const nowIso = now.toISOString();
  const due = sql`
    select j.id from jobs j
    where j.done_at is null and j.dead_at is null and j.run_at <= ${nowIso}
      and (j.locked_until is null or j.locked_until <= ${nowIso})
      and (j.ordering_key is null or not exists (
        select 1 from jobs e
        where e.ordering_key = j.ordering_key and e.id < j.id
          and e.done_at is null and e.dead_at is null))
    order by j.run_at, j.id
    limit ${limit}
    for update skip locked`;
  const rows = await db
    .update(jobs)
    .set({ lockedBy: workerId, lockedUntil, attempts: sql`${jobs.attempts} + 1` })
    .where(sql`${jobs.id} in (${due})`)
    .returning();
  return rows.sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.id.localeCompare(b.id));
}

/** Sets fields of a job `workerId` still holds; false when it no longer holds it. */
export async function updateHeld(
  db: Db,
  { id, workerId }: { id: string; workerId: string },
  set: Partial<typeof jobs.$inferInsert>,
): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ ...set, lockedBy: null, lockedUntil: null })
    .where(
      and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), isNull(jobs.doneAt), isNull(jobs.deadAt)),
    )
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** One job by id (tests and operators). */
export async function findJob(db: Db, id: string): Promise<JobRow | null> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row ?? null;
}
