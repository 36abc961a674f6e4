import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, request, testApp, type TestApp } from '@test/support/build-app.ts';
import { buildSession, buildTeam } from '@test/support/factories.ts';
import { ROLES } from '@/policy/roles.ts';
import type { AuditEvent } from './audit.schema.ts';

let t: TestApp;

beforeAll(async () => {
  t = await testApp();
});

describe('GET /api/audit/verify', () => {
  it('answers an admin with the report, audited as audit.verify', async () => {
    const { users } = await buildTeam(t.runtime);
    const s = await buildSession(t.runtime, users.admin);
    const res = await request(t.app, s, { method: 'GET', url: '/api/audit/verify' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      ok: true,
      checked: expect.any(Number),
      firstBrokenSeq: null,
      reason: null,
      warnings: expect.any(Array),
    });
    const log = await request(t.app, s, { method: 'GET', url: '/api/audit?action=audit.verify' });
    const items = (log.json() as { items: AuditEvent[] }).items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      actorUserId: users.admin.id,
      outcome: 'success',
      details: { ok: true, checked: res.json().checked, firstBrokenSeq: null },
    });
  });

  it('is refused to every other role (403) and to anonymous callers (401)', async () => {
    const { users } = await buildTeam(t.runtime);
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const s = await buildSession(t.runtime, users[role]);
      const res = await request(t.app, s, { method: 'GET', url: '/api/audit/verify' });
      expectProblem(res, 403, 'forbidden');
    }
    expectProblem(
      await request(t.app, null, { method: 'GET', url: '/api/audit/verify' }),
      401,
      'unauthenticated',
    );
  });
});
