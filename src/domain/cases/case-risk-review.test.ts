import { beforeAll, describe, expect, it } from 'vitest';
import { request, testApp, type TestApp } from '@test/support/build-app.ts';
import { caseScenario, SCENARIO_TIMEOUT, type CaseScenario } from './case-tasks.fixtures.ts';
import type { Case, CasePage } from './case-views.schema.ts';

let t: TestApp;
let s: CaseScenario;

beforeAll(async () => {
  t = await testApp();
  s = await caseScenario(t.runtime, t.app);
}, SCENARIO_TIMEOUT);

async function getCase(id = s.caseId): Promise<Case> {
  const res = await request(t.app, s.as.caseworker, { method: 'GET', url: `/api/cases/${id}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Case>();
}

async function register(payload: Record<string, unknown>): Promise<Case> {
  const res = await request(t.app, s.as.caseworker, {
    method: 'POST',
    url: '/api/cases',
    payload: { identities: [{ given: 'Reviewed', family: 'Person', script: 'Latn' }], ...payload },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Case>();
}

async function saveFactors(record: Case, riskFactors: string[]): Promise<Case> {
  const res = await request(t.app, s.as.caseworker, {
    method: 'PATCH',
    url: `/api/cases/${record.id}`,
    payload: { version: record.version, riskFactors },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Case>();
}

describe('re-trafficking risk before and after review', () => {
  it('is not assessed for a person registered without risk factors', async () => {
    const record = await getCase();
    expect(record.retraffickingRisk).toMatchObject({
      level: 'not_assessed',
      factors: [],
      reviewedAt: null,
    });
  });

  it('says "none" only once an empty list of factors has been saved', async () => {
    const record = await register({});
    expect(record.retraffickingRisk.level).toBe('not_assessed');
    const saved = await saveFactors(record, []);
    expect(saved.retraffickingRisk.level).toBe('none');
    expect(saved.retraffickingRisk.reviewedAt).not.toBeNull();
    expect((await getCase(record.id)).retraffickingRisk.level).toBe('none');
  });

  it('takes the level from the factors once they are saved', async () => {
    const record = await register({});
    const saved = await saveFactors(record, ['debt', 'unemployment']);
    expect(saved.retraffickingRisk).toMatchObject({ level: 'medium' });
  });

  it('counts factors given at registration as reviewed', async () => {
    const record = await register({ riskFactors: ['recruiter_contact'] });
    expect(record.retraffickingRisk.level).toBe('high');
  });

  it('does not mark risk reviewed by an edit that leaves the factors alone', async () => {
    const record = await register({});
    const res = await request(t.app, s.as.caseworker, {
      method: 'PATCH',
      url: `/api/cases/${record.id}`,
      payload: { version: record.version, sex: 'female' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Case>().retraffickingRisk.level).toBe('not_assessed');
  });

  it('lists and filters not-assessed cases', async () => {
    const record = await register({});
    const res = await request(t.app, s.as.caseworker, {
      method: 'GET',
      url: '/api/cases?retraffickingRisk=not_assessed&limit=100',
    });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<CasePage>();
    expect(page.items.map((i) => i.id)).toContain(record.id);
    expect(page.items.every((i) => i.retraffickingLevel === 'not_assessed')).toBe(true);
    const none = await request(t.app, s.as.caseworker, {
      method: 'GET',
      url: '/api/cases?retraffickingRisk=none&limit=100',
    });
    expect(none.json<CasePage>().items.map((i) => i.id)).not.toContain(record.id);
  });
});
