import { beforeAll, describe, expect, it } from 'vitest';
import { request, testApp, type Session, type TestApp } from '@test/support/build-app.ts';
import { buildOrganisation, buildSession, buildUser, unique } from '@test/support/factories.ts';
import { systemCtx } from '@/lib/system-actor.ts';
import type { AuditEvent } from './audit.schema.ts';
import { recordAuditNow } from './audit.service.ts';

/**
 * The audit viewer shows case numbers and names, not UUIDs (issue 9, item 12): each event of a
 * page carries `entityLabel`, looked up in the caller's organisation only.
 */
let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

async function events(s: Session, query = ''): Promise<AuditEvent[]> {
  const res = await request(t.app, s, { method: 'GET', url: `/api/audit?limit=100${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: AuditEvent[] }).items;
}

async function register(s: Session): Promise<{ id: string; caseNumber: string }> {
  const res = await request(t.app, s, {
    method: 'POST',
    url: '/api/cases',
    payload: { identities: [{ given: 'Label', family: `Test${unique()}` }] },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('GET /api/audit entity labels', () => {
  it('names cases by number, members, tokens and the organisation', async () => {
    const org = await buildOrganisation(t.runtime);
    const admin = await buildUser(t.runtime, org, 'admin');
    const s = await buildSession(t.runtime, admin);
    const first = await register(s);
    const second = await register(s);
    await request(t.app, s, { method: 'GET', url: `/api/cases/${first.id}` });
    const token = await request(t.app, s, {
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'Nightly export', scopes: ['read'] },
    });
    expect(token.statusCode, token.body).toBe(201);
    await request(t.app, s, {
      method: 'PATCH',
      url: '/api/me/preferences',
      payload: { hideNames: true },
    });

    const all = await events(s);
    const caseEvents = all.filter((e) => e.entityType === 'case' && e.entityId !== null);
    expect(caseEvents.length).toBeGreaterThanOrEqual(3);
    // A search is about cases in general: no id, no label.
    expect(
      all.filter((e) => e.entityType === 'case' && e.entityId === null).map((e) => e.entityLabel),
    ).not.toContain(expect.anything());
    for (const e of caseEvents) {
      expect(e.entityLabel).toBe(e.entityId === first.id ? first.caseNumber : second.caseNumber);
    }
    expect(all.find((e) => e.action === 'token.create')?.entityLabel).toBe('Nightly export');
    expect(all.find((e) => e.action === 'user.preferences_update')?.entityLabel).toBe('Test admin');
  });

  it('never names another organisation’s case, member or token', async () => {
    const org = await buildOrganisation(t.runtime);
    const admin = await buildUser(t.runtime, org, 'admin');
    const otherOrg = await buildOrganisation(t.runtime);
    const otherAdmin = await buildUser(t.runtime, otherOrg, 'admin');
    const theirs = await register(await buildSession(t.runtime, otherAdmin));
    const ctx = systemCtx({ db: t.runtime.database.db, cipher: t.runtime.cipher }, org.id);
    const marker = `probe.${unique()}`;
    for (const [entityType, entityId] of [
      ['case', theirs.id],
      ['user', otherAdmin.id],
      ['organisation', otherOrg.id],
      ['case', 'not-a-uuid'],
    ] as const) {
      await recordAuditNow(t.runtime.database.db, ctx, {
        organisationId: org.id,
        action: marker,
        entityType,
        entityId,
      });
    }
    const probes = await events(await buildSession(t.runtime, admin), `&action=${marker}`);
    expect(probes).toHaveLength(4);
    expect(probes.map((e) => e.entityLabel)).toEqual([null, null, null, null]);
  });
});
