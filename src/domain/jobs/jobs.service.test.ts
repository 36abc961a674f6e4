import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client.ts';
import { testRuntime, type TestRuntime } from '@test/support/database.ts';
import { buildOrganisation } from '@test/support/factories.ts';
import { findJob } from './jobs.repository.ts';
import { retryDelayMs, type ClaimedJob } from './jobs.schema.ts';
import { claimJobs, completeJob, enqueueJob, failJob } from './jobs.service.ts';
import { createJobWorker } from './jobs.worker.ts';

/**
 * The job queue on PGlite (and PostgreSQL with TEST_DATABASE_URL), with an explicit clock. Only
 * these tests use the jobs table, so each starts with it empty.
 */
const T0 = new Date('2030-01-01T00:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;
let rt: TestRuntime;
let db: Db;

beforeAll(async () => {
  rt = await testRuntime();
  db = rt.database.db;
});

beforeEach(async () => {
  await rt.database.query('delete from jobs');
});

const claim = (workerId: string, now = T0, limit = 10) =>
  claimJobs(db, { workerId, limit, now, lockFor: 5 * MINUTE });

describe('jobs: enqueue, claim, complete', () => {
  it('claims a due job once, and a completed job is never claimed again', async () => {
    const org = await buildOrganisation(rt);
    const id = await enqueueJob(db, {
      kind: 'test.ping',
      payload: { caseId: 'c1', n: 2 },
      organisationId: org.id,
    });
    const [job, ...rest] = await claim('w1');
    expect(rest).toEqual([]);
    expect(job).toMatchObject({
      id,
      kind: 'test.ping',
      payload: { caseId: 'c1', n: 2 },
      organisationId: org.id,
      attempts: 1,
    });
    expect(await claim('w2')).toEqual([]);
    expect(await completeJob(db, { id, workerId: 'w1', now: T0 })).toBe(true);
    expect(await claim('w2', at(60 * MINUTE))).toEqual([]);
    expect((await findJob(db, id))?.doneAt).toEqual(T0);
  });

  it('waits for run_at, and claims at most `limit` jobs, oldest first', async () => {
    const later = await enqueueJob(db, { kind: 'test.later', runAt: at(10 * MINUTE) });
    const a = await enqueueJob(db, { kind: 'test.now' });
    const b = await enqueueJob(db, { kind: 'test.now' });
    expect((await claim('w1', T0, 1)).map((j) => j.id)).toEqual([a]);
    expect((await claim('w1', T0)).map((j) => j.id)).toEqual([b]);
    for (const id of [a, b]) {
      await completeJob(db, { id, workerId: 'w1', now: T0 });
    }
    expect((await claim('w1', at(10 * MINUTE))).map((j) => j.id)).toEqual([later]);
  });

  it('a job enqueued without run_at is due at once, even within the same millisecond', async () => {
    for (let i = 0; i < 25; i += 1) {
      const id = await enqueueJob(db, { kind: 'test.now' });
      const claimed = await claimJobs(db, {
        workerId: 'w1',
        limit: 1,
        now: new Date(),
        lockFor: MINUTE,
      });
      expect(claimed.map((j) => j.id)).toEqual([id]);
    }
    // The cause, seen directly: run_at comes from the app's millisecond clock, not the database's
    // microsecond now(), so a claim made with a JS Date taken after the enqueue always sees it due.
    const subMs = await rt.database.query<{ n: number }>(
      `select count(*)::int as n from jobs
        where (extract(microseconds from run_at)::bigint % 1000) <> 0`,
    );
    expect(subMs[0]?.n).toBe(0);
  });

  it('is part of the caller’s transaction: a rolled-back enqueue leaves no job', async () => {
    await expect(
      db.transaction(async (tx) => {
        await enqueueJob(tx, { kind: 'test.rollback' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await claim('w1')).toEqual([]);
  });

  it('refuses a bad kind and a payload that is not flat ids and flags', async () => {
    await expect(enqueueJob(db, { kind: 'Bad Kind' })).rejects.toThrow();
    await expect(
      enqueueJob(db, { kind: 'test.x', payload: { note: { text: 'x' } } as never }),
    ).rejects.toThrow();
    expect(await claim('w1')).toEqual([]);
  });
});

describe('jobs: failure, retry and dead', () => {
  it('retries with a growing delay, then is dead after max_attempts', async () => {
    const id = await enqueueJob(db, { kind: 'test.fail', maxAttempts: 2 });
    const [first] = await claim('w1');
    const error = Object.assign(new Error('Survivor Ratree not found'), { code: 'not_found' });
    expect(await failJob(db, { job: first!, workerId: 'w1', now: T0, error })).toBe(true);
    const afterFirst = await findJob(db, id);
    expect(afterFirst).toMatchObject({ lastError: 'not_found', deadAt: null, lockedBy: null });
    expect(afterFirst?.runAt).toEqual(at(retryDelayMs(1)));
    expect(await claim('w1', at(retryDelayMs(1) - 1))).toEqual([]);
    const [second] = await claim('w1', at(retryDelayMs(1)));
    expect(second?.attempts).toBe(2);
    await failJob(db, { job: second!, workerId: 'w1', now: at(MINUTE), error: new TypeError('x') });
    const dead = await findJob(db, id);
    expect(dead).toMatchObject({ lastError: 'TypeError', deadAt: at(MINUTE), doneAt: null });
    expect(await claim('w1', at(24 * 60 * MINUTE))).toEqual([]);
  });

  it('keeps only the error’s code or name, never its message', async () => {
    const id = await enqueueJob(db, { kind: 'test.fail' });
    const [job] = await claim('w1');
    await failJob(db, { job: job!, workerId: 'w1', now: T0, error: new Error('Ratree, Mae Sot') });
    expect((await findJob(db, id))?.lastError).toBe('Error');
  });

  it('grows the delay 30 s, 1 min, 2 min… up to an hour', () => {
    expect([1, 2, 3, 20].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 3_600_000]);
  });
});

describe('jobs: survive a restart', () => {
  it('a second worker claims a job once the first one’s lock expired', async () => {
    const id = await enqueueJob(db, { kind: 'test.crash' });
    const [held] = await claim('w1');
    expect(await claim('w2', at(5 * MINUTE - 1))).toEqual([]);
    const [again] = await claim('w2', at(5 * MINUTE));
    expect(again).toMatchObject({ id, attempts: 2 });
    // The first worker, back from the dead, no longer holds it.
    expect(await completeJob(db, { id: held!.id, workerId: 'w1', now: at(6 * MINUTE) })).toBe(
      false,
    );
    expect(await completeJob(db, { id, workerId: 'w2', now: at(6 * MINUTE) })).toBe(true);
  });

  it('a job whose last attempt’s lock expired is dead, not claimed again', async () => {
    const id = await enqueueJob(db, { kind: 'test.crash', maxAttempts: 1 });
    await claim('w1');
    expect(await claim('w2', at(5 * MINUTE))).toEqual([]);
    expect(await findJob(db, id)).toMatchObject({
      lastError: 'lock_expired',
      deadAt: at(5 * MINUTE),
    });
  });
});

describe('jobs: ordering key', () => {
  it('runs the jobs of one key one at a time, in order; other keys are not held up', async () => {
    const k1 = await enqueueJob(db, { kind: 'test.step', orderingKey: 'referral:1' });
    const k2 = await enqueueJob(db, { kind: 'test.step', orderingKey: 'referral:1' });
    const other = await enqueueJob(db, { kind: 'test.step', orderingKey: 'referral:2' });
    const free = await enqueueJob(db, { kind: 'test.step' });
    expect((await claim('w1')).map((j) => j.id).sort()).toEqual([k1, other, free].sort());
    expect(await claim('w2')).toEqual([]);
    await completeJob(db, { id: k1, workerId: 'w1', now: T0 });
    expect((await claim('w2')).map((j) => j.id)).toEqual([k2]);
  });

  it('a later job of the key waits while an earlier one is retrying, and runs after it is dead', async () => {
    const first = await enqueueJob(db, { kind: 'test.step', orderingKey: 'k', maxAttempts: 2 });
    const second = await enqueueJob(db, { kind: 'test.step', orderingKey: 'k' });
    const [job] = await claim('w1');
    await failJob(db, { job: job!, workerId: 'w1', now: T0, error: new Error('x') });
    expect(await claim('w1', at(1))).toEqual([]);
    const [retry] = await claim('w1', at(retryDelayMs(1)));
    expect(retry?.id).toBe(first);
    await failJob(db, { job: retry!, workerId: 'w1', now: at(retryDelayMs(1)), error: 'x' });
    expect((await claim('w1', at(retryDelayMs(1)))).map((j) => j.id)).toEqual([second]);
  });
});

describe('jobs: the worker', () => {
  it('runs each job with its kind’s handler; an unknown kind or a throwing handler fails', async () => {
    const seen: ClaimedJob[] = [];
    const ok = await enqueueJob(db, { kind: 'test.ok', payload: { id: 'a' } });
    const boom = await enqueueJob(db, { kind: 'test.boom', maxAttempts: 1 });
    const unknown = await enqueueJob(db, { kind: 'test.unknown', maxAttempts: 1 });
    const worker = createJobWorker({
      db,
      pollMs: 1000,
      now: () => T0,
      handlers: {
        'test.ok': async (job) => {
          seen.push(job);
        },
        'test.boom': async () => {
          throw new RangeError('boom');
        },
      },
    });
    expect(await worker.runOnce()).toBe(3);
    expect(seen.map((j) => j.payload)).toEqual([{ id: 'a' }]);
    expect((await findJob(db, ok))?.doneAt).toEqual(T0);
    expect(await findJob(db, boom)).toMatchObject({ lastError: 'RangeError', deadAt: T0 });
    expect(await findJob(db, unknown)).toMatchObject({ lastError: 'unknown_kind', deadAt: T0 });
    expect(await worker.runOnce()).toBe(0);
  });
});
