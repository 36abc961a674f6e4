import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from '@/db/client.ts';
import { testRuntime, type TestRuntime } from '@test/support/database.ts';
import { findJob } from './jobs.repository.ts';
import { claimJobs, enqueueJob } from './jobs.service.ts';
import { startJobWorker } from './jobs.worker.ts';

/** The worker loop: runs what is due, and `stop` waits for the job in progress. */
let rt: TestRuntime;

beforeAll(async () => {
  rt = await testRuntime();
  await rt.database.query('delete from jobs');
});

describe('jobs: startJobWorker', () => {
  it('runs an enqueued job, and stop() waits until the running job is recorded done', async () => {
    const db = rt.database.db;
    let release!: () => void;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const id = await enqueueJob(db, { kind: 'test.slow', payload: { caseId: 'c' } });
    const worker = startJobWorker({
      db,
      pollMs: 5,
      handlers: {
        'test.slow': () => {
          started();
          return new Promise<void>((resolve) => (release = resolve));
        },
      },
    });
    await running;
    const stopped = worker.stop();
    expect((await findJob(db, id))?.doneAt).toBeNull();
    release();
    await stopped;
    expect((await findJob(db, id))?.doneAt).toBeInstanceOf(Date);
  });
});

describe('jobs: a restart of the embedded database', () => {
  it('keeps an enqueued job and a crashed claim; another worker claims it after the lock', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'homeward-jobs-'));
    const now = new Date('2030-01-01T00:00:00Z');
    const options = { limit: 10, now, lockFor: 60_000 };
    try {
      const before = await openDatabase({ dataDir: dir });
      await migrateDatabase(before);
      const id = await enqueueJob(before.db, { kind: 'test.restart', payload: { caseId: 'c' } });
      expect(await claimJobs(before.db, { ...options, workerId: 'w1' })).toHaveLength(1);
      await before.close();
      const after = await openDatabase({ dataDir: dir });
      try {
        expect(await claimJobs(after.db, { ...options, workerId: 'w2' })).toEqual([]);
        const later = new Date(now.getTime() + 60_000);
        const [job] = await claimJobs(after.db, { ...options, now: later, workerId: 'w2' });
        expect(job).toMatchObject({ id, payload: { caseId: 'c' }, attempts: 2 });
      } finally {
        await after.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
