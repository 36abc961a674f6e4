import { beforeAll, describe, expect, it } from 'vitest';
import { request, testApp, type Session, type TestApp } from '@test/support/build-app.ts';
import {
  buildOrganisation,
  buildSession,
  buildUser,
  type TestUser,
} from '@test/support/factories.ts';
import type { AuditEvent } from '@/domain/audit/index.ts';
import { systemCtx } from '@/lib/system-actor.ts';
import { assertCanShare } from './index.ts';

let t: TestApp;
let orgId: string;
let caseId: string;
let caseworker: TestUser;
let as: { caseworker: Session; admin: Session; viewer: Session };

beforeAll(async () => {
  t = await testApp();
  const org = await buildOrganisation(t.runtime);
  orgId = org.id;
  caseworker = await buildUser(t.runtime, org, 'caseworker');
  as = {
    caseworker: await buildSession(t.runtime, caseworker),
    admin: await buildSession(t.runtime, await buildUser(t.runtime, org, 'admin')),
    viewer: await buildSession(t.runtime, await buildUser(t.runtime, org, 'viewer')),
  };
  const created = await request(t.app, as.caseworker, {
    method: 'POST',
    url: '/api/cases',
    payload: { identities: [{ given: 'Mya', family: 'Audit' }] },
  });
  expect(created.statusCode, created.body).toBe(201);
  caseId = created.json().id;
}, 120_000);

async function checks(): Promise<AuditEvent[]> {
  const res = await request(t.app, as.admin, {
    method: 'GET',
    url: `/api/audit?action=consent.check&entityId=${caseId}&limit=100`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: AuditEvent[] }>().items;
}

describe('the consent check is audited', () => {
  it('records who asked, about which case, and the answer', async () => {
    const res = await request(t.app, as.caseworker, {
      method: 'GET',
      url: `/api/cases/${caseId}/consents/check?purpose=photos&categories=identity,health`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ allowed: false, reason: 'no_consent' });
    const [entry, ...rest] = await checks();
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      organisationId: orgId,
      actorUserId: caseworker.id,
      entityType: 'case',
      entityId: caseId,
    });
    expect(entry!.details).toEqual({
      purpose: 'photos',
      recipientOrganisationId: null,
      categories: ['identity', 'health'],
      allowed: false,
      reason: 'no_consent',
      consentId: null,
    });
  });

  it('records the checks a service makes before data leaves, allowed or not', async () => {
    const ctx = systemCtx({ db: t.runtime.database.db, cipher: t.runtime.cipher }, orgId);
    const before = (await checks()).length;
    const refused = await assertCanShare(ctx, {
      caseId,
      recipientOrganisationId: null,
      purpose: 'aggregate_reporting',
      categories: ['journey'],
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Error);
    const entries = await checks();
    expect(entries).toHaveLength(before + 1);
    expect(entries[0]).toMatchObject({ organisationId: orgId, entityId: caseId });
    expect(entries[0]!.details).toMatchObject({ purpose: 'aggregate_reporting', allowed: false });
  });

  it('records nothing for a check that was refused', async () => {
    const before = (await checks()).length;
    const other = await buildOrganisation(t.runtime);
    const stranger = await buildSession(t.runtime, await buildUser(t.runtime, other, 'admin'));
    const res = await request(t.app, stranger, {
      method: 'GET',
      url: `/api/cases/${caseId}/consents/check?purpose=photos&categories=identity`,
    });
    expect(res.statusCode).toBe(404);
    expect(await checks()).toHaveLength(before);
  });
});
