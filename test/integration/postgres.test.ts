import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '@/server/app.ts';
import { recordAudit, verifyAuditChain } from '@/domain/audit/index.ts';
import { systemActor, systemCtx } from '@/lib/system-actor.ts';
import { createRuntime, ON_POSTGRES, type TestRuntime } from '@test/support/database.ts';
import { buildOrganisation } from '@test/support/factories.ts';

/** PostgreSQL-only behaviour: a real server with a connection pool. */
if (!ON_POSTGRES) {
  console.log(
    '[homeward] test/integration/postgres.test.ts skipped: TEST_DATABASE_URL is not set.',
  );
}

describe.skipIf(!ON_POSTGRES)('on PostgreSQL', () => {
  let rt: TestRuntime;

  beforeAll(async () => {
    rt = await createRuntime();
  });

  afterAll(async () => {
    await rt?.database.close();
  });

  it('/healthz reports the postgres database', async () => {
    const app = await buildApp({ database: rt.database, cipher: rt.cipher, logger: false });
    try {
      const res = await app.inject({ method: 'GET', url: '/healthz' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'ok', database: 'postgres' });
    } finally {
      await app.close();
    }
  });

  it('keeps the audit chain gap-free and valid under 20 concurrent appends', async () => {
    const org = await buildOrganisation(rt);
    const [{ seq: before } = { seq: '0' }] = await rt.database.query<{ seq: string }>(
      'select coalesce(max(seq), 0)::text as seq from audit_events',
    );
    const ctx = {
      actor: systemActor(org.id),
      meta: { ip: null, requestId: null, userAgent: 'test' },
      now: () => new Date(),
    };
    // Each transaction takes its own pooled connection, so the appends really race.
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        rt.database.db.transaction(async (tx) => {
          await recordAudit(tx, ctx, {
            organisationId: org.id,
            action: 'test.concurrent',
            details: { i },
          });
        }),
      ),
    );
    const rows = await rt.database.query<{ seq: string; i: number }>(
      `select seq::text as seq, (details->>'i')::int as i from audit_events
       where organisation_id = $1 and action = 'test.concurrent' order by audit_events.seq`,
      [org.id],
    );
    expect(rows).toHaveLength(20);
    // Gap-free: exactly the 20 numbers after the head before the race.
    expect(rows.map((r) => Number(BigInt(r.seq) - BigInt(before)))).toEqual(
      Array.from({ length: 20 }, (_, k) => k + 1),
    );
    expect(new Set(rows.map((r) => r.i)).size).toBe(20);
    const report = await verifyAuditChain(systemCtx({ db: rt.database.db, cipher: rt.cipher }));
    expect(report).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(report.checked).toBe(Number(before) + 20);
  });
});
