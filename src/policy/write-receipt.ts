import type { Actor } from '@/lib/context.ts';

/** Routes that answer with survivor data. */
const CASE_DATA_PATH = /^\/api\/(cases|tasks)(\/|\?|$)/;

/**
 * True when a write's answer must be cut down to a receipt: an API token that may write case
 * data but not read it (write scope without read) must not read it back through its writes.
 */
export function needsWriteReceipt(actor: Actor, method: string, url: string): boolean {
  return (
    actor.kind === 'token' &&
    !actor.permissions.has('case.read') &&
    method !== 'GET' &&
    method !== 'HEAD' &&
    CASE_DATA_PATH.test(url)
  );
}

/** The receipt of a write: `{ id, caseNumber?, version }` of the written record, nothing else. */
export function writeReceipt(body: unknown): Record<string, unknown> {
  const record = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const receipt: Record<string, unknown> = {};
  for (const key of ['id', 'caseNumber', 'version'] as const) {
    const value = record[key];
    if (typeof value === 'string' || typeof value === 'number') {
      receipt[key] = value;
    }
  }
  return receipt;
}
