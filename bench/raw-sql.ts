import { performance } from 'node:perf_hooks';
import type { Database } from '@/db/client.ts';
import { sha256Hex } from '@/lib/crypto.ts';
import { latencySamples, type Summary } from './stats.ts';

/**
 * The reads an authenticated `GET /api/me` cannot do without, written by hand: the session by
 * the SHA-256 of its cookie token, then the user with their enabled membership and organisation
 * (the same columns the repositories select).
 */
export const SESSION_SQL = `select id, token_hash, user_id, organisation_id, csrf_token, ip, user_agent,
  created_at, last_seen_at, expires_at
  from sessions where token_hash = $1 limit 1`;

export const PRINCIPAL_SQL = `select u.id, u.email, u.display_name, u.password_hash, u.totp_secret_enc,
  u.totp_pending_enc, u.totp_last_step, u.platform_admin, u.created_at, u.updated_at,
  m.id as membership_id, m.role, m.disabled,
  o.id as org_id, o.name, o.country, o.type, o.require_totp
  from users u
  join memberships m on m.user_id = u.id
  join organisations o on o.id = m.organisation_id
  where u.id = $1 and m.organisation_id = $2 and m.disabled = false
  limit 1`;

/** Raw SQL timings: sequential per-op latency and concurrent throughput. */
export interface RawSqlResult {
  /** One op = session lookup + principal join, run back to back on one caller. */
  sequential: { ops: number; elapsedS: number; us: Summary };
  /** `concurrency` callers doing ops at once (the pool spreads them over connections). */
  concurrent: { concurrency: number; ops: number; elapsedS: number; opsPerS: number };
}

/** Most ops per phase, whatever the time budget. */
export const MAX_OPS = 500_000;
const WARMUP_OPS = 500;

interface SessionRow {
  id: string;
  user_id: string;
  organisation_id: string;
}

async function sessionOp(database: Database, tokenHash: string): Promise<void> {
  const [session] = await database.query<SessionRow>(SESSION_SQL, [tokenHash]);
  if (!session) {
    throw new Error('raw SQL: session not found (did the login happen?)');
  }
  const [principal] = await database.query(PRINCIPAL_SQL, [
    session.user_id,
    session.organisation_id,
  ]);
  if (!principal) {
    throw new Error('raw SQL: principal not found');
  }
}

async function sequential(database: Database, tokenHash: string, budgetMs: number) {
  const samples = latencySamples();
  const start = performance.now();
  let ops = 0;
  while (ops < MAX_OPS && performance.now() - start < budgetMs) {
    const t0 = performance.now();
    await sessionOp(database, tokenHash);
    samples.add((performance.now() - t0) * 1000);
    ops += 1;
  }
  return { ops, elapsedS: (performance.now() - start) / 1000, us: samples.summary() };
}

async function concurrent(
  database: Database,
  tokenHash: string,
  opts: { budgetMs: number; concurrency: number },
) {
  const start = performance.now();
  let ops = 0;
  const worker = async () => {
    while (ops < MAX_OPS && performance.now() - start < opts.budgetMs) {
      await sessionOp(database, tokenHash);
      ops += 1;
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const elapsedS = (performance.now() - start) / 1000;
  return { concurrency: opts.concurrency, ops, elapsedS, opsPerS: ops / elapsedS };
}

/**
 * Times the raw SQL behind `/api/me` through `database.query`, for the session whose cookie is
 * `hw_session=<token>`: a warm-up, then `durationS` seconds one op at a time, then `durationS`
 * seconds with `concurrency` callers. Every loop stops at `MAX_OPS` or its time budget.
 */
export async function runRawSql(
  database: Database,
  cookie: string,
  opts: { durationS: number; concurrency: number },
): Promise<RawSqlResult> {
  const tokenHash = sha256Hex(decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1)));
  for (let i = 0; i < WARMUP_OPS; i += 1) {
    await sessionOp(database, tokenHash);
  }
  const budgetMs = opts.durationS * 1000;
  return {
    sequential: await sequential(database, tokenHash, budgetMs),
    concurrent: await concurrent(database, tokenHash, { budgetMs, concurrency: opts.concurrency }),
  };
}
