import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '@test/support/build-app.ts';
import { createRuntime, type TestRuntime } from '@test/support/database.ts';
import { buildOrganisation, buildUser, makePlatformAdmin } from '@test/support/factories.ts';
import { memberCtx } from '@/domain/auth/member-ctx.fixtures.ts';
import { systemCtx } from '@/lib/system-actor.ts';
import { hashAuditRow, type AuditRowContent } from './audit.repository.ts';
import { verifyAuditChain } from './audit-verify.service.ts';

/**
 * The hash chain detects any edit, deletion or insertion. Tampering needs the append-only trigger
 * off, which would break the chain every other test of the worker shares, so it happens on a
 * database of its own.
 */
let rt: TestRuntime;
let shared: TestRuntime;
/** The installation operator (the CLI), who verifies the whole chain. */
const operator = (r: TestRuntime) => systemCtx({ db: r.database.db, cipher: r.cipher });

beforeAll(async () => {
  shared = (await testApp()).runtime;
  rt = await createRuntime();
  const org = await buildOrganisation(rt);
  for (const role of ['admin', 'supervisor', 'viewer'] as const) {
    await buildUser(rt, org, role);
  }
});

afterAll(async () => {
  await rt.database.close();
});

type Row = Record<string, unknown> & { seq: string; hash: string };

const q = <T = Row>(sql: string, params?: unknown[]) => rt.database.query<T>(sql, params);

async function withTriggerOff(fn: () => Promise<void>): Promise<void> {
  await q('alter table audit_events disable trigger audit_events_append_only');
  try {
    await fn();
  } finally {
    await q('alter table audit_events enable trigger audit_events_append_only');
  }
}

async function row(seq: number): Promise<Row> {
  const [r] = await q<Row>('select *, seq::text as seq from audit_events where seq = $1', [seq]);
  return r!;
}

async function insertRow(r: Row): Promise<void> {
  await q(
    `insert into audit_events (seq, id, at, organisation_id, actor_user_id, actor_label, action,
       entity_type, entity_id, outcome, ip, request_id, details, prev_hash, hash)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)`,
    [
      r.seq,
      r.id,
      r.at,
      r.organisation_id,
      r.actor_user_id,
      r.actor_label,
      r.action,
      r.entity_type,
      r.entity_id,
      r.outcome,
      r.ip,
      r.request_id,
      JSON.stringify(r.details),
      r.prev_hash,
      r.hash,
    ],
  );
}

describe('verifyAuditChain', () => {
  it('is ok on an untouched chain, here and on the shared test database', async () => {
    const report = await verifyAuditChain(operator(rt));
    expect(report).toEqual({
      ok: true,
      checked: expect.any(Number),
      firstBrokenSeq: null,
      reason: null,
      warnings: expect.any(Array),
    });
    expect(report.checked).toBeGreaterThanOrEqual(4);
    expect((await verifyAuditChain(operator(shared))).ok).toBe(true);
  });

  it("refuses an organisation admin's context (the operator's tool), recording nothing", async () => {
    const admin = await buildUser(shared, await buildOrganisation(shared), 'admin');
    const count = 'select count(*)::int as n from audit_events';
    const before = await shared.database.query(count);
    await expect(verifyAuditChain(await memberCtx(shared, admin))).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await shared.database.query(count)).toEqual(before);
  });

  it('answers a platform admin acting in person', async () => {
    const admin = await buildUser(shared, await buildOrganisation(shared), 'admin');
    await makePlatformAdmin(shared, admin);
    expect((await verifyAuditChain(await memberCtx(shared, admin))).ok).toBe(true);
  });

  it('finds an edited row', async () => {
    const original = await row(3);
    await withTriggerOff(async () => {
      await q(`update audit_events set details = '{"role":"forged-admin"}'::jsonb where seq = 3`);
    });
    expect(await verifyAuditChain(operator(rt))).toMatchObject({
      ok: false,
      firstBrokenSeq: '3',
      checked: 2,
      reason: expect.stringContaining('edited'),
    });
    await withTriggerOff(async () => {
      await q('update audit_events set details = $1 where seq = 3', [
        JSON.stringify(original.details),
      ]);
    });
    expect((await verifyAuditChain(operator(rt))).ok).toBe(true);
  });

  it('finds a deleted row', async () => {
    const original = await row(2);
    await withTriggerOff(async () => {
      await q('delete from audit_events where seq = 2');
    });
    expect(await verifyAuditChain(operator(rt))).toMatchObject({
      ok: false,
      firstBrokenSeq: '2',
      reason: expect.stringContaining('missing'),
    });
    await withTriggerOff(() => insertRow(original));
    expect((await verifyAuditChain(operator(rt))).ok).toBe(true);
  });

  it('finds a row inserted out of order, even with a correctly computed hash', async () => {
    const [head] = await q<{ seq: string }>('select max(seq)::text as seq from audit_events');
    const next = BigInt(head!.seq) + 1n;
    const earlier = await row(1);
    const content: AuditRowContent = {
      seq: next,
      id: '01900000-0000-7000-8000-0000000000aa',
      at: new Date(),
      organisationId: null,
      actorUserId: null,
      actorLabel: 'forger',
      action: 'user.create',
      entityType: null,
      entityId: null,
      outcome: 'success',
      ip: null,
      requestId: null,
      details: {},
    };
    // Linked to row 1 instead of the head, as if slipped in after it.
    const forged: Row = {
      seq: next.toString(),
      id: content.id,
      at: content.at.toISOString(),
      organisation_id: null,
      actor_user_id: null,
      actor_label: content.actorLabel,
      action: content.action,
      entity_type: null,
      entity_id: null,
      outcome: content.outcome,
      ip: null,
      request_id: null,
      details: {},
      prev_hash: earlier.hash,
      hash: hashAuditRow(earlier.hash, content),
    };
    await insertRow(forged);
    expect(await verifyAuditChain(operator(rt))).toMatchObject({
      ok: false,
      firstBrokenSeq: next.toString(),
      reason: expect.stringContaining('link'),
    });
    await withTriggerOff(async () => {
      await q('delete from audit_events where seq = $1', [next.toString()]);
    });
    // A row that skips a sequence number leaves a gap.
    await insertRow({ ...forged, seq: (next + 1n).toString() });
    expect(await verifyAuditChain(operator(rt))).toMatchObject({
      ok: false,
      firstBrokenSeq: next.toString(),
    });
    await withTriggerOff(async () => {
      await q('delete from audit_events where seq = $1', [(next + 1n).toString()]);
    });
    expect((await verifyAuditChain(operator(rt))).ok).toBe(true);
  });
});

describe('append-only trigger', () => {
  it('rejects UPDATE and DELETE', async () => {
    const before = await row(1);
    await expect(q(`update audit_events set action = 'x' where seq = 1`)).rejects.toThrow(
      /append-only/,
    );
    await expect(q('delete from audit_events where seq = 1')).rejects.toThrow(/append-only/);
    await expect(q('delete from audit_events')).rejects.toThrow(/append-only/);
    expect(await row(1)).toEqual(before);
  });
});
