import { z } from 'zod';

/**
 * Background jobs kept in the database (issue 12 §6): deadlines, reminders, notifications and,
 * later, federation delivery. A payload carries ids and small flags only, never survivor data:
 * the handler reads what it needs when it runs.
 */
export const JobPayloadSchema = z.record(
  z.string(),
  z.union([z.string().max(200), z.number(), z.boolean(), z.null()]),
);
export type JobPayload = z.infer<typeof JobPayloadSchema>;

/** What a caller asks for. */
export const EnqueueJobSchema = z.object({
  kind: z.string().regex(/^[a-z][a-z0-9_.-]{0,63}$/),
  payload: JobPayloadSchema.default({}),
  runAt: z.date().optional(),
  /** Jobs of one key run one at a time, in the order they were enqueued (e.g. `referral:<id>`). */
  orderingKey: z.string().min(1).max(200).optional(),
  organisationId: z.uuid().optional(),
  maxAttempts: z.int().min(1).max(100).optional(),
});
export type EnqueueJob = z.input<typeof EnqueueJobSchema>;

/** A claimed job, as a handler sees it. */
export interface ClaimedJob {
  id: string;
  kind: string;
  payload: JobPayload;
  organisationId: string | null;
  orderingKey: string | null;
  /** Including this one (1 on the first run). */
  attempts: number;
  maxAttempts: number;
}

/** Runs one job; throwing (or rejecting) fails this attempt. */
export type JobHandler = (job: ClaimedJob) => Promise<void>;

/** Delay before attempt `attempts + 1`: 30 s, 1 min, 2 min, … at most 1 hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/**
 * What is kept of an error: its code (AppError, Node) or its name, at most 64 characters —
 * never its message, which could quote data.
 */
export function errorLabel(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const label =
    typeof code === 'string' ? code : error instanceof Error ? error.name : 'non_error_thrown';
  return label.slice(0, 64);
}
