import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, request, testApp, type TestApp } from '@test/support/build-app.ts';
import { auditCount } from '@test/support/factories.ts';
import type { NeedList } from './case-assessment.schema.ts';
import {
  caseScenario,
  rawJson,
  rowCount,
  SCENARIO_TIMEOUT,
  UNKNOWN_ID,
  type CaseScenario,
} from './case-tasks.fixtures.ts';

/** The needs assessment saved as one form: PUT /api/cases/:caseId/assessment/needs. */
let t: TestApp;
let s: CaseScenario;
const url = (caseId = s.caseId) => `/api/cases/${caseId}/assessment/needs`;
const GOALS = 'Replace the passport the broker kept';

beforeAll(async () => {
  t = await testApp();
  s = await caseScenario(t.runtime, t.app);
}, SCENARIO_TIMEOUT);

describe('saving the needs assessment as one form', () => {
  it('writes every domain sent in one request, with one audit entry and encrypted goals', async () => {
    const audits = await auditCount(t.runtime, s.organisationId);
    const res = await request(t.app, s.as.caseworker, {
      method: 'PUT',
      url: url(),
      payload: {
        needs: [
          { domain: 'documents', level: 'urgent', goals: GOALS },
          { domain: 'housing', level: 'low' },
          { domain: 'safety', level: 'high', goals: null },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const { needs } = res.json<NeedList>();
    expect(needs).toHaveLength(10);
    expect(needs.find((n) => n.domain === 'documents')).toMatchObject({
      level: 'urgent',
      goals: GOALS,
    });
    expect(needs.find((n) => n.domain === 'housing')?.level).toBe('low');
    expect(needs.find((n) => n.domain === 'debt')).toMatchObject({
      level: 'unknown',
      updatedAt: null,
    });
    expect(await rowCount(t.runtime, 'case_needs', s.caseId)).toBe(3);
    expect(await auditCount(t.runtime, s.organisationId)).toBe(audits + 1);
    const [entry] = await t.runtime.database.query<{ details: unknown }>(
      `select details from audit_events where organisation_id = $1
       and action = 'case.needs.update' and entity_id = $2`,
      [s.organisationId, s.caseId],
    );
    expect(entry!.details).toMatchObject({ domains: ['documents', 'housing', 'safety'] });
    expect(JSON.stringify(entry)).not.toContain('passport');
    const rows = await t.runtime.database.query<{ goals_enc: string | null }>(
      `select goals_enc from case_needs where case_id = $1 and domain = 'documents'`,
      [s.caseId],
    );
    expect(rows[0]!.goals_enc).toMatch(/^hw1\./);
    expect(rows[0]!.goals_enc).not.toContain('passport');
  });

  it('refuses viewers, outreach, strangers, unknown cases and bad input, writing nothing', async () => {
    const before = await rowCount(t.runtime, 'case_needs', s.caseId);
    const audits = await auditCount(t.runtime, s.organisationId);
    const ok = { needs: [{ domain: 'debt', level: 'high' }] };
    const refusals: [keyof CaseScenario['as'] | null, number, string][] = [
      [null, 401, 'unauthenticated'],
      ['viewer', 403, 'forbidden'],
      ['outreach', 403, 'forbidden'],
      ['otherCaseworker', 404, 'case_not_found'],
      ['otherOrgAdmin', 404, 'case_not_found'],
    ];
    for (const [who, status, code] of refusals) {
      const res = await request(t.app, who ? s.as[who] : null, {
        method: 'PUT',
        url: url(),
        payload: ok,
      });
      expectProblem(res, status, code);
    }
    const cw = s.as.caseworker;
    expectProblem(
      await request(t.app, cw, { method: 'PUT', url: url(UNKNOWN_ID), payload: ok }),
      404,
      'case_not_found',
    );
    expectProblem(
      await rawJson(t.app, cw, { method: 'PUT', url: url(), body: '{"needs":[' }),
      400,
      'malformed_json',
    );
    for (const payload of [
      {},
      { needs: [] },
      {
        needs: [
          { domain: 'debt', level: 'high' },
          { domain: 'debt', level: 'low' },
        ],
      },
      { needs: [{ domain: 'luck', level: 'high' }] },
      { needs: [{ domain: 'debt', level: 'enormous' }] },
      { needs: [{ domain: 'debt', level: 'high', goals: 7 }] },
      { needs: [{ domain: 'debt', level: 'high', extra: 1 }] },
      { needs: [{ domain: 'debt', level: 'high', goals: 'x'.repeat(5001) }] },
    ]) {
      const res = await request(t.app, cw, { method: 'PUT', url: url(), payload });
      expectProblem(res, 400, 'validation_failed');
    }
    expect(await rowCount(t.runtime, 'case_needs', s.caseId)).toBe(before);
    expect(await auditCount(t.runtime, s.organisationId)).toBe(audits);
  });
});
