import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, request, testApp, type TestApp } from '@test/support/build-app.ts';
import { auditCount } from '@test/support/factories.ts';
import type { Assessment, PlanItem } from './case-assessment.schema.ts';
import {
  caseScenario,
  rawJson,
  rowCount,
  SCENARIO_TIMEOUT,
  UNKNOWN_ID,
  type CaseScenario,
} from './case-tasks.fixtures.ts';

let t: TestApp;
let s: CaseScenario;
const base = () => `/api/cases/${s.caseId}`;

beforeAll(async () => {
  t = await testApp();
  s = await caseScenario(t.runtime, t.app);
}, SCENARIO_TIMEOUT);

async function assessment(as: keyof CaseScenario['as']): Promise<Assessment> {
  const res = await request(t.app, s.as[as], { method: 'GET', url: `${base()}/assessment` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Assessment>();
}

describe('needs assessment', () => {
  it('records needs (goals encrypted) and hides goals from viewers', async () => {
    const empty = await assessment('caseworker');
    expect(empty.needs).toHaveLength(10);
    expect(empty.needs.every((n) => n.level === 'unknown' && n.updatedAt === null)).toBe(true);
    const put = await request(t.app, s.as.caseworker, {
      method: 'PUT',
      url: `${base()}/assessment/needs/debt`,
      payload: { level: 'urgent', goals: 'Repay the broker loan of 40,000 baht' },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ domain: 'debt', level: 'urgent' });
    // Upsert: a second PUT keeps the goals when they are omitted.
    const again = await request(t.app, s.as.supervisor, {
      method: 'PUT',
      url: `${base()}/assessment/needs/debt`,
      payload: { level: 'high' },
    });
    expect(again.json()).toMatchObject({
      level: 'high',
      goals: 'Repay the broker loan of 40,000 baht',
    });
    const rows = await t.runtime.database.query<{ goals_enc: string }>(
      'select goals_enc from case_needs where case_id = $1',
      [s.caseId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.goals_enc.startsWith('hw1.')).toBe(true);
    expect(rows[0]!.goals_enc).not.toContain('broker');
    const debt = (await assessment('caseworker')).needs.find((n) => n.domain === 'debt');
    expect(debt).toMatchObject({ level: 'high', goals: 'Repay the broker loan of 40,000 baht' });
    const viewed = (await assessment('viewer')).needs.find((n) => n.domain === 'debt');
    expect(viewed).toMatchObject({ level: 'high', goals: null });
    const cleared = await request(t.app, s.as.caseworker, {
      method: 'PUT',
      url: `${base()}/assessment/needs/debt`,
      payload: { level: 'medium', goals: null },
    });
    expect(cleared.json().goals).toBeNull();
  });

  it('refuses strangers and bad input, writing nothing', async () => {
    const before = await rowCount(t.runtime, 'case_needs', s.caseId);
    const audits = await auditCount(t.runtime, s.organisationId);
    const url = `${base()}/assessment/needs/housing`;
    const payload = { level: 'low' };
    expectProblem(
      await request(t.app, null, { method: 'PUT', url, payload }),
      401,
      'unauthenticated',
    );
    expectProblem(
      await request(t.app, s.as.viewer, { method: 'PUT', url, payload }),
      403,
      'forbidden',
    );
    for (const who of ['otherCaseworker', 'otherOrgAdmin'] as const) {
      expectProblem(
        await request(t.app, s.as[who], { method: 'PUT', url, payload }),
        404,
        'case_not_found',
      );
      const get = await request(t.app, s.as[who], { method: 'GET', url: `${base()}/assessment` });
      expectProblem(get, 404, 'case_not_found');
    }
    expectProblem(
      await request(t.app, s.as.outreach, { method: 'GET', url: `${base()}/assessment` }),
      403,
      'forbidden',
    );
    const cw = s.as.caseworker;
    expectProblem(
      await rawJson(t.app, cw, { method: 'PUT', url: url, body: '{level' }),
      400,
      'malformed_json',
    );
    for (const body of [
      { level: 'extreme' },
      { level: 'low', goals: 'x'.repeat(5001) },
      { level: 'low', x: 1 },
      {},
    ]) {
      expectProblem(
        await request(t.app, cw, { method: 'PUT', url, payload: body }),
        400,
        'validation_failed',
      );
    }
    const badDomain = await request(t.app, cw, {
      method: 'PUT',
      url: `${base()}/assessment/needs/astrology`,
      payload,
    });
    expectProblem(badDomain, 400, 'validation_failed');
    for (const id of [UNKNOWN_ID, 'zzz']) {
      const res = await request(t.app, cw, {
        method: 'PUT',
        url: `/api/cases/${id}/assessment/needs/housing`,
        payload,
      });
      expectProblem(res, 404, 'case_not_found');
    }
    expect(await rowCount(t.runtime, 'case_needs', s.caseId)).toBe(before);
    expect(await auditCount(t.runtime, s.organisationId)).toBe(audits);
  });
});

describe('case plan', () => {
  it('adds and edits plan items', async () => {
    const created = await request(t.app, s.as.caseworker, {
      method: 'POST',
      url: `${base()}/plan-items`,
      payload: {
        domain: 'income_work',
        action: 'Vocational training enrolment',
        ownerId: s.users.caseworker.id,
        dueOn: '2026-06-30',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const item = created.json<PlanItem>();
    expect(item).toMatchObject({
      status: 'planned',
      ownerName: 'Test caseworker',
      dueOn: '2026-06-30',
    });
    const patched = await request(t.app, s.as.caseworker, {
      method: 'PATCH',
      url: `${base()}/plan-items/${item.id}`,
      payload: { status: 'in_progress', ownerId: null },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ status: 'in_progress', ownerId: null, ownerName: null });
    expect((await assessment('viewer')).plan.map((p) => p.id)).toEqual([item.id]);
  });

  it('refuses strangers and bad input, writing nothing', async () => {
    const before = await rowCount(t.runtime, 'case_plan_items', s.caseId);
    const post = { domain: 'housing', action: 'Find a room' };
    const url = `${base()}/plan-items`;
    expectProblem(
      await request(t.app, null, { method: 'POST', url, payload: post }),
      401,
      'unauthenticated',
    );
    expectProblem(
      await request(t.app, s.as.viewer, { method: 'POST', url, payload: post }),
      403,
      'forbidden',
    );
    for (const who of ['otherCaseworker', 'otherOrgAdmin'] as const) {
      const res = await request(t.app, s.as[who], { method: 'POST', url, payload: post });
      expectProblem(res, 404, 'case_not_found');
    }
    const cw = s.as.caseworker;
    for (const payload of [
      { ...post, domain: 'fun' },
      { ...post, action: '' },
      { ...post, action: 'x'.repeat(501) },
      { ...post, status: 'maybe' },
      { ...post, ownerId: 'me' },
      { ...post, extra: true },
      { ...post, ownerId: s.users.viewer.id },
      { ...post, ownerId: s.users.otherOrgAdmin.id },
    ]) {
      expectProblem(
        await request(t.app, cw, { method: 'POST', url, payload }),
        400,
        'validation_failed',
      );
    }
    for (const id of [UNKNOWN_ID, 'nope']) {
      const res = await request(t.app, cw, {
        method: 'PATCH',
        url: `${url}/${id}`,
        payload: { status: 'done' },
      });
      expectProblem(res, 404, 'plan_item_not_found');
    }
    expect(await rowCount(t.runtime, 'case_plan_items', s.caseId)).toBe(before);
  });
});
