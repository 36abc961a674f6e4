import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, ON_POSTGRES, type TestRuntime } from '@test/support/database.ts';
import { claimJobs, enqueueJob } from './jobs.service.ts';
import { createJobWorker } from './jobs.worker.ts';

/** PostgreSQL-only behaviour: several workers on separate pooled connections at once. */
if (!ON_POSTGRES) {
  console.log(
    '[homeward] src/domain/jobs/jobs.postgres.test.ts skipped: TEST_DATABASE_URL is not set.',
  );
}

describe.skipIf(!ON_POSTGRES)('jobs on PostgreSQL', () => {
  let rt: TestRuntime;

  beforeAll(async () => {
    rt = await createRuntime();
  });

  afterAll(async () => {
    await rt?.database.close();
  });

  it('skips a job another transaction has locked (FOR UPDATE SKIP LOCKED)', async () => {
    const db = rt.database.db;
    const locked = await enqueueJob(db, { kind: 'test.locked' });
    const free = await enqueueJob(db, { kind: 'test.free' });
    const claimed = await rt.database.session(async (query) => {
      await query('begin');
      await query('select id from jobs where id = $1 for update', [locked]);
      const ids = (
        await claimJobs(db, { workerId: 'w', limit: 10, now: new Date(), lockFor: 60_000 })
      ).map((j) => j.id);
      await query('rollback');
      return ids;
    });
    expect(claimed).toEqual([free]);
    await rt.database.query('delete from jobs');
  });

  it('4 concurrent workers run each of 200 jobs exactly once', async () => {
    const db = rt.database.db;
    for (let i = 0; i < 200; i += 1) {
      await enqueueJob(db, { kind: 'test.count', payload: { n: i } });
    }
    const runs = new Map<number, string[]>();
    const workers = ['a', 'b', 'c', 'd'].map((name) =>
      createJobWorker({
        db,
        workerId: name,
        pollMs: 0,
        batch: 5,
        handlers: {
          'test.count': async (job) => {
            const n = job.payload.n as number;
            runs.set(n, [...(runs.get(n) ?? []), name]);
            await new Promise((resolve) => setImmediate(resolve));
          },
        },
      }),
    );
    await Promise.all(
      workers.map(async (w) => {
        while ((await w.runOnce()) > 0) {
          // Keep claiming until nothing is left.
        }
      }),
    );
    expect(runs.size).toBe(200);
    expect([...runs.values()].filter((by) => by.length !== 1)).toEqual([]);
    expect(new Set([...runs.values()].flat()).size).toBeGreaterThan(1);
    const [open] = await rt.database.query<{ n: number }>(
      'select count(*)::int as n from jobs where done_at is null',
    );
    expect(open?.n).toBe(0);
  });
});
