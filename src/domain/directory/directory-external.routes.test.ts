import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, expectProblem, request, testApp, type TestApp } from '@test/support/build-app.ts';
import {
  buildOrganisation,
  buildSession,
  buildUser,
  makePlatformAdmin,
} from '@test/support/factories.ts';
import {
  caseScenario,
  SCENARIO_TIMEOUT,
  type CaseScenario,
} from '@/domain/cases/case-tasks.fixtures.ts';
import type { Session } from '@test/support/build-app.ts';
import { createUser } from '@/domain/auth/index.ts';
import { systemCtx } from '@/lib/system-actor.ts';
import { newExternalOrganisation, newService, serviceBody } from './directory.fixtures.ts';

/**
 * External organisations are organisations like any other for consent (and, later, referrals):
 * a consent names one by the id the directory lists it with. API tokens: a read token searches
 * the directory, a write token maintains its organisation's services, and no token verifies.
 */
let t: TestApp;
let s: CaseScenario;
let platform: Session;

beforeAll(async () => {
  t = await testApp();
  s = await caseScenario(t.runtime, t.app);
  const user = await buildUser(t.runtime, await buildOrganisation(t.runtime), 'admin');
  await makePlatformAdmin(t.runtime, user);
  platform = await buildSession(t.runtime, user);
}, SCENARIO_TIMEOUT);

async function token(session: Session, scopes: string[]): Promise<string> {
  const res = await request(t.app, session, {
    method: 'POST',
    url: '/api/tokens',
    payload: { name: `directory ${scopes.join(' ')}`, scopes },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ token: string }>().token;
}

describe('an external organisation as a consent’s recipient', () => {
  it('is offered as a recipient and named by a referral consent with its directory id', async () => {
    const ext = await newExternalOrganisation(t.app, platform);
    const recipients = await request(t.app, s.as.caseworker, {
      method: 'GET',
      url: '/api/consent/recipients',
    });
    expect(recipients.json<{ items: { id: string }[] }>().items.map((r) => r.id)).toContain(ext);
    const consent = await request(t.app, s.as.caseworker, {
      method: 'POST',
      url: `/api/cases/${s.caseId}/consents`,
      payload: {
        purpose: 'cross_border_sharing',
        recipientOrganisationId: ext,
        dataCategories: ['identity', 'journey'],
        method: 'verbal',
        decision: 'given',
      },
    });
    expect(consent.statusCode, consent.body).toBe(201);
    expect(consent.json()).toMatchObject({ recipientOrganisationId: ext });
    const listed = await request(t.app, s.as.caseworker, {
      method: 'GET',
      url: '/api/directory/organisations',
    });
    const org = listed
      .json<{ items: { id: string; external: boolean }[] }>()
      .items.find((o) => o.id === ext);
    expect(org).toMatchObject({ external: true });
  });
});

describe('accounts in an external organisation', () => {
  it('are refused, even to the operator: it is not on this installation', async () => {
    const ext = await newExternalOrganisation(t.app, platform);
    const ctx = systemCtx({ db: t.runtime.database.db, cipher: t.runtime.cipher }, ext);
    await expect(
      createUser(ctx, {
        email: `ext-${Date.now()}@test.homeward.example`,
        displayName: 'Someone',
        role: 'admin',
        password: 'factory-Pass-7431-homeward',
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const [row] = await t.runtime.database.query<{ n: number }>(
      'select count(*)::int as n from memberships where organisation_id = $1',
      [ext],
    );
    expect(row!.n).toBe(0);
  });
});

describe('API tokens and the directory', () => {
  it('a read token searches, a write token of an admin maintains, no token verifies', async () => {
    const read = await token(s.as.viewer, ['read']);
    expect(
      (await bearer(t.app, read, { method: 'GET', url: '/api/directory/services' })).statusCode,
    ).toBe(200);
    expectProblem(
      await bearer(t.app, read, {
        method: 'POST',
        url: '/api/directory/services',
        payload: serviceBody(),
      }),
      403,
      'forbidden',
    );
    const write = await token(s.as.admin, ['read', 'write']);
    const created = await bearer(t.app, write, {
      method: 'POST',
      url: '/api/directory/services',
      payload: serviceBody(),
    });
    expect(created.statusCode, created.body).toBe(201);
    const platformToken = await token(platform, ['read', 'write', 'sensitive']);
    expectProblem(
      await bearer(t.app, platformToken, {
        method: 'PUT',
        url: `/api/directory/organisations/${s.organisationId}/verification`,
        payload: { verified: true },
      }),
      403,
      'session_required',
    );
    // A platform admin's token maintains no external organisation's services either.
    const ext = await newExternalOrganisation(t.app, platform);
    const id = await newService(t.app, platform, serviceBody({ organisationId: ext }));
    expectProblem(
      await bearer(t.app, platformToken, {
        method: 'DELETE',
        url: `/api/directory/services/${id}`,
      }),
      404,
      'directory_service_not_found',
    );
  });
});
