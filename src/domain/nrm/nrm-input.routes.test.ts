import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, request, testApp, type TestApp } from '@test/support/build-app.ts';
import { auditCount } from '@test/support/factories.ts';
import {
  caseScenario,
  rawJson,
  SCENARIO_TIMEOUT,
  UNKNOWN_ID,
  type CaseScenario,
} from '@/domain/cases/case-tasks.fixtures.ts';
import {
  decide,
  nrmCase,
  nrmClock,
  nrmRows,
  postReferral,
  refer,
  GBR_CASE,
  type NrmClock,
} from './nrm.fixtures.ts';

/**
 * Bad input to the NRM case routes gets a 4xx problem+json and writes no referral, step,
 * decision, journey event or audit entry; what is written is audited without findings.
 */
const { NOW, GBR, RG } = GBR_CASE;

let t: TestApp;
let s: CaseScenario;
let nc: NrmClock;

beforeAll(async () => {
  t = await testApp();
  nc = await nrmClock(t.runtime, NOW);
  s = await caseScenario(t.runtime, nc.app);
}, SCENARIO_TIMEOUT);

afterAll(async () => {
  await nc.app.close();
});

const fresh = async () => refer(nc.app, await nc.as(s.users.caseworker), s.caseId, GBR);

/** Issue paths without the `body.` prefix schema validation gives (services name fields alone). */
const paths = (errors: { path: string }[] | undefined) =>
  (errors ?? []).map((e) => e.path.replace(/^body\./, ''));

describe('bad input writes nothing', () => {
  const url = () => `/api/cases/${s.caseId}/nrm-referrals`;

  async function refusedCreate(payload: unknown, status: number, code: string, path?: string) {
    const cw = await nc.as(s.users.caseworker);
    const [rows, audit] = [
      await nrmRows(t.runtime, s.caseId),
      await auditCount(t.runtime, s.organisationId),
    ];
    const body = expectProblem(await postReferral(nc.app, cw, s.caseId, payload), status, code);
    if (path) {
      expect(paths(body.errors)).toContain(path);
    }
    expect(await nrmRows(t.runtime, s.caseId)).toEqual(rows);
    expect(await auditCount(t.runtime, s.organisationId)).toBe(audit);
  }

  it('POST: unknown or malformed jurisdiction, a future or dateless referredAt, bad authority', async () => {
    await refusedCreate({ ...GBR, jurisdiction: 'XYZ' }, 400, 'validation_failed', 'jurisdiction');
    await refusedCreate({ ...GBR, jurisdiction: 'gbr' }, 400, 'validation_failed', 'jurisdiction');
    await refusedCreate(
      { ...GBR, referredAt: '2026-03-02T10:05:01Z' },
      400,
      'validation_failed',
      'referredAt',
    );
    await refusedCreate(
      { ...GBR, referredAt: '2026-02-27' },
      400,
      'validation_failed',
      'referredAt',
    );
    await refusedCreate({ ...GBR, authority: '' }, 400, 'validation_failed', 'authority');
    await refusedCreate(
      { ...GBR, authority: 'x'.repeat(201) },
      400,
      'validation_failed',
      'authority',
    );
    await refusedCreate({ ...GBR, authority: 42 }, 400, 'validation_failed', 'authority');
    await refusedCreate({ ...GBR, status: 'closed' }, 400, 'validation_failed');
    await refusedCreate([GBR], 400, 'validation_failed');
  });

  it('POST: malformed JSON, text/plain, an unknown or malformed case id', async () => {
    const cw = await nc.as(s.users.caseworker);
    const rows = await nrmRows(t.runtime, s.caseId);
    expectProblem(
      await rawJson(nc.app, cw, { method: 'POST', url: url(), body: '{"jurisdiction":' }),
      400,
      'malformed_json',
    );
    const plain = await request(nc.app, cw, {
      method: 'POST',
      url: url(),
      payload: JSON.stringify(GBR),
      headers: { 'content-type': 'text/plain' },
    });
    expect(plain.statusCode).toBe(415);
    for (const id of [UNKNOWN_ID, 'not-a-uuid']) {
      expectProblem(await postReferral(nc.app, cw, id, GBR), 404, 'case_not_found');
    }
    expect(await nrmRows(t.runtime, s.caseId)).toEqual(rows);
  });

  it('PATCH: a kind the jurisdiction lacks, dates out of range, enums, unknown ids', async () => {
    const r = await fresh();
    const cw = await nc.as(s.users.caseworker);
    const rows = await nrmRows(t.runtime, s.caseId);
    const audit = await auditCount(t.runtime, s.organisationId);
    const bad: [unknown, string][] = [
      [{ ...RG, kind: 'identification' }, 'decision.kind'],
      [{ ...RG, decidedOn: '2026-03-04' }, 'decision.decidedOn'],
      [{ ...RG, decidedOn: '2026-02-26' }, 'decision.decidedOn'],
      [{ ...RG, outcome: 'maybe' }, 'decision.outcome'],
      [{ ...RG, decidedOn: '2026-02-30' }, 'decision.decidedOn'],
      [{ ...RG, decisionMaker: '' }, 'decision.decisionMaker'],
      [{ ...RG, note: 'x' }, 'decision.note'],
    ];
    for (const [decision, path] of bad) {
      const body = expectProblem(await decide(nc.app, cw, r, decision), 400, 'validation_failed');
      expect(paths(body.errors), JSON.stringify(decision)).toContain(path);
    }
    for (const id of [UNKNOWN_ID, 'not-a-uuid']) {
      expectProblem(
        await decide(nc.app, cw, { caseId: s.caseId, id }, RG),
        404,
        'nrm_referral_not_found',
      );
    }
    expect(await nrmRows(t.runtime, s.caseId)).toEqual(rows);
    expect(await auditCount(t.runtime, s.organisationId)).toBe(audit);
  });
});

describe('audit', () => {
  it('records the referral, its journey event, reads and decisions (no outcome in details)', async () => {
    const caseId = (await nrmCase(nc.app, await nc.as(s.users.caseworker))).id;
    const cw = await nc.as(s.users.caseworker);
    const r = await refer(nc.app, cw, caseId, GBR);
    await request(nc.app, cw, { method: 'GET', url: `/api/cases/${caseId}/nrm-referrals` });
    expect((await decide(nc.app, cw, r, RG)).statusCode).toBe(200);
    const rows = await t.runtime.database.query<{
      action: string;
      details: Record<string, unknown>;
    }>(
      `select action, details from audit_events where entity_type = 'case' and entity_id = $1
       order by seq`,
      [caseId],
    );
    expect(rows.map((x) => x.action)).toEqual([
      'case.create',
      'case.event.create',
      'nrm_referral.create',
      'nrm_referrals.read',
      'case.event.create',
      'nrm_referral.decide',
    ]);
    expect(rows[2]!.details).toEqual({ referralId: r.id, jurisdiction: 'GBR', steps: 4 });
    expect(rows[3]!.details).toEqual({ referralIds: [r.id] });
    expect(rows[5]!.details).toEqual({ referralId: r.id, kind: 'reasonable_grounds' });
  });
});
