import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '@/db/client.ts';
import type { ClaimedJob, JobHandler } from './jobs.schema.ts';
import { claimJobs, completeJob, failJob } from './jobs.service.ts';

export interface WorkerOptions {
  db: Db;
  /** One handler per job kind; a job of another kind fails (and ends dead). */
  handlers: Record<string, JobHandler>;
  /** Pause after finding no job, in ms. */
  pollMs: number;
  workerId?: string;
  /** Jobs claimed at once (default 10). */
  batch?: number;
  /** How long a claim holds (default 5 minutes); a job running longer may run twice. */
  lockForMs?: number;
  /** The clock (tests). */
  now?: () => Date;
}

/** A running worker. */
export interface JobWorker {
  workerId: string;
  /** Claims and runs one batch now; resolves to the number of jobs run. */
  runOnce(): Promise<number>;
  /** Stops polling and waits for the batch in progress to finish. */
  stop(): Promise<void>;
}

/** A unique worker id: host, process and a random suffix. */
export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/**
 * Starts a loop that claims due jobs and runs them one after another with their kind's handler,
 * polling every `pollMs` when idle. Handler errors fail the attempt (retry, then dead) and never
 * stop the loop.
 */
export function startJobWorker(options: WorkerOptions): JobWorker {
  const worker = createJobWorker(options);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<unknown> = Promise.resolve();
  const loop = (): void => {
    if (stopped) {
      return;
    }
    current = worker
      .runOnce()
      .catch(() => 0)
      .then((ran) => {
        if (!stopped) {
          timer = setTimeout(loop, ran > 0 ? 0 : options.pollMs);
        }
      });
  };
  loop();
  return {
    ...worker,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}

/** A worker without a loop: `runOnce` claims and runs one batch (tests, `startJobWorker`). */
export function createJobWorker(options: WorkerOptions): Omit<JobWorker, 'stop'> {
  const workerId = options.workerId ?? newWorkerId();
  const now = options.now ?? (() => new Date());
  const run = async (job: ClaimedJob): Promise<void> => {
    const handler = Object.hasOwn(options.handlers, job.kind)
      ? options.handlers[job.kind]
      : undefined;
    try {
      if (!handler) {
        throw Object.assign(new Error('unknown job kind'), { code: 'unknown_kind' });
      }
      await handler(job);
      await completeJob(options.db, { id: job.id, workerId, now: now() });
    } catch (error) {
      await failJob(options.db, { job, workerId, now: now(), error });
    }
  };
  return {
    workerId,
    async runOnce() {
      const claimed = await claimJobs(options.db, {
        workerId,
        limit: options.batch ?? 10,
        now: now(),
        lockFor: options.lockForMs ?? 300_000,
      });
      for (const job of claimed) {
        await run(job);
      }
      return claimed.length;
    },
  };
}
