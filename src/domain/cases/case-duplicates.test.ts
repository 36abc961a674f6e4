import { beforeAll, describe, expect, it } from 'vitest';
import { request, testApp, type TestApp } from '@test/support/build-app.ts';
import { caseScenario, SCENARIO_TIMEOUT, type CaseScenario } from './case-tasks.fixtures.ts';

let t: TestApp;
let s: CaseScenario;
let found: { id: string; caseNumber: string };

beforeAll(async () => {
  t = await testApp();
  s = await caseScenario(t.runtime, t.app);
  // A case with everything the duplicate check must not reveal: a stage, risk levels, a birth
  // year and an assignee (the caseworker who registers it).
  const created = await request(t.app, s.as.caseworker, {
    method: 'POST',
    url: '/api/cases',
    payload: {
      identities: [{ given: 'Nilufar', family: 'Rahmanova' }],
      birthYear: 1997,
      nationality: 'UZB',
      riskLevel: 'high',
      riskFactors: ['debt', 'recruiter_contact'],
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  found = created.json();
  const event = await request(t.app, s.as.caseworker, {
    method: 'POST',
    url: `/api/cases/${found.id}/events`,
    payload: { stage: 'protection', type: 'shelter_admission', occurredOn: '2024-02-01' },
  });
  expect(event.statusCode, event.body).toBe(201);
}, SCENARIO_TIMEOUT);

describe('GET /api/cases/duplicates', () => {
  it('shows a caseworker only the id, case number, name and nationality of a case they cannot open', async () => {
    const opened = await request(t.app, s.as.otherCaseworker, {
      method: 'GET',
      url: `/api/cases/${found.id}`,
    });
    expect(opened.statusCode).toBe(404);
    const res = await request(t.app, s.as.otherCaseworker, {
      method: 'GET',
      url: '/api/cases/duplicates?given=Nilufar&family=Rahmanova&birthYear=1997&nationality=UZB',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      items: [
        {
          id: found.id,
          caseNumber: found.caseNumber,
          displayName: 'Nilufar Rahmanova',
          nationality: 'UZB',
        },
      ],
    });
  });

  it('shows the same four fields to those who could open the case', async () => {
    const res = await request(t.app, s.as.supervisor, {
      method: 'GET',
      url: '/api/cases/duplicates?given=Nilufar&family=Rahmanova',
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: Record<string, unknown>[] }>().items;
    expect(items.map((i) => Object.keys(i).sort())).toEqual([
      ['caseNumber', 'displayName', 'id', 'nationality'],
    ]);
  });
});
