import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, request, testApp, type TestApp } from '@test/support/build-app.ts';
import {
  caseScenario,
  SCENARIO_TIMEOUT,
  UNKNOWN_ID,
  type CaseScenario,
} from './case-tasks.fixtures.ts';
import { openCase } from './cases-routes.fixtures.ts';
import { auditSince, caseSnapshot, lastSeq, registerCase } from './cases.fixtures.ts';

/** GET /api/cases/:caseId: unknown ids, and the audit of every opening. */
let t: TestApp;
let s: CaseScenario;
beforeAll(async () => {
  t = await testApp();
  s = await caseScenario(t.runtime, t.app);
}, SCENARIO_TIMEOUT);

describe('cases: opening cases the caller cannot reach', () => {
  it('answers unknown, foreign and malformed case ids like an unknown case', async () => {
    const foreign = await registerCase(t.app, s.as.otherOrgAdmin, {
      identities: [{ given: 'Far' }],
    });
    const snapshot = await caseSnapshot(t.runtime, foreign.id);
    for (const id of [UNKNOWN_ID, 'not-a-uuid', foreign.id, `${s.caseId}x`, 'x'.repeat(64)]) {
      expectProblem(await openCase(t.app, s.as.admin, id), 404, 'case_not_found');
    }
    expect(await caseSnapshot(t.runtime, foreign.id)).toBe(snapshot);
  });
});

describe('cases: audit of reads', () => {
  it('records every opening of a case, by whom, with or without sensitive fields', async () => {
    const seq = await lastSeq(t.runtime);
    for (const who of ['caseworker', 'viewer', 'supervisor', 'caseworker'] as const) {
      expect((await openCase(t.app, s.as[who], s.caseId)).statusCode).toBe(200);
    }
    const reads = (await auditSince(t.runtime, s.organisationId, seq)).filter(
      (a) => a.action === 'case.read',
    );
    expect(reads.map((a) => [a.actor_user_id, a.entity_id, a.details.sensitive])).toEqual([
      [s.users.caseworker.id, s.caseId, true],
      [s.users.viewer.id, s.caseId, false],
      [s.users.supervisor.id, s.caseId, true],
      [s.users.caseworker.id, s.caseId, true],
    ]);
    const log = await request(t.app, s.as.admin, {
      method: 'GET',
      url: `/api/audit?action=case.read&entityId=${s.caseId}&actor=${s.users.viewer.id}`,
    });
    expect(log.statusCode, log.body).toBe(200);
    expect(log.json().items.length).toBeGreaterThanOrEqual(1);
  });
});
