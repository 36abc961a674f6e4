import { beforeAll, describe, expect, it } from 'vitest';
import { testRuntime, type TestRuntime } from '@test/support/database.ts';
import { findJob } from './jobs.repository.ts';
import { enqueueJob } from './jobs.service.ts';
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
