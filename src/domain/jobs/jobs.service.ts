import type { Db } from '@/db/client.ts';
import { newId } from '@/lib/ids.ts';
import {
  EnqueueJobSchema,
  errorLabel,
  retryDelayMs,
  type ClaimedJob,
  type EnqueueJob,
} from './jobs.schema.ts';
import { buryExpired, claimRows, insertJob, updateHeld, type JobRow } from './jobs.repository.ts';

/**
 * Adds a job; pass the caller's transaction as `db` so the job exists only if the change that
 * asked for it commits. Returns the job's id.
 *
 * @throws ZodError when the kind, payload or options are invalid.
 */
export async function enqueueJob(db: Db, input: EnqueueJob): Promise<string> {
  const job = EnqueueJobSchema.parse(input);
  const id = newId();
  await insertJob(db, {
    id,
    kind: job.kind,
    payload: job.payload,
    orderingKey: job.orderingKey ?? null,
    organisationId: job.organisationId ?? null,
    // The app's clock, not the database's now(): claims compare run_at with a JS Date (ms), and a
    // default of now() (µs, database clock) made a job enqueued in the same millisecond not due.
    runAt: job.runAt ?? new Date(),
    ...(job.maxAttempts ? { maxAttempts: job.maxAttempts } : {}),
  });
  return id;
}

export interface ClaimOptions {
  /** Who holds the claimed jobs (unique per worker, e.g. host:pid:random). */
  workerId: string;
  limit: number;
  now: Date;
  /** How long the claim holds, in ms; after it the job can be claimed again (crash recovery). */
  lockFor: number;
}

/**
 * Claims up to `limit` due jobs, oldest first; each claim counts as an attempt. Jobs whose
 * last attempt's lock expired are marked dead first.
 */
export async function claimJobs(db: Db, options: ClaimOptions): Promise<ClaimedJob[]> {
  await buryExpired(db, options.now);
  const rows = await claimRows(db, {
    workerId: options.workerId,
    limit: options.limit,
    now: options.now,
    lockedUntil: new Date(options.now.getTime() + options.lockFor),
  });
  return rows.map(toClaimed);
}

function toClaimed(row: JobRow): ClaimedJob {
  return {
    id: row.id,
    kind: row.kind,
    payload: row.payload,
    organisationId: row.organisationId,
    orderingKey: row.orderingKey,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
  };
}

/** Marks a claimed job done; false when `workerId` no longer holds it (its lock expired). */
export function completeJob(
  db: Db,
  { id, workerId, now }: { id: string; workerId: string; now: Date },
): Promise<boolean> {
  return updateHeld(db, { id, workerId }, { doneAt: now });
}

/**
 * Records a failed attempt: the job runs again after a growing delay, or is dead once it has had
 * `maxAttempts` attempts. Only the error's code or name is kept. False when `workerId` no longer
 * holds the job.
 */
export function failJob(
  db: Db,
  { job, workerId, now, error }: { job: ClaimedJob; workerId: string; now: Date; error: unknown },
): Promise<boolean> {
  const lastError = errorLabel(error);
  if (job.attempts >= job.maxAttempts) {
    return updateHeld(db, { id: job.id, workerId }, { deadAt: now, lastError });
  }
  const runAt = new Date(now.getTime() + retryDelayMs(job.attempts));
  return updateHeld(db, { id: job.id, workerId }, { runAt, lastError });
}
