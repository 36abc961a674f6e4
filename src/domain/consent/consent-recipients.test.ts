import { beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  expectProblem,
  request,
  testApp,
  type Session,
  type TestApp,
} from '@test/support/build-app.ts';
import { auditCount, buildOrganisation, buildSession, buildUser } from '@test/support/factories.ts';
import type { Organisation } from '@/domain/auth/index.ts';
import type { Role } from '@/policy/roles.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

interface World {
  org: Organisation;
  other: Organisation;
  caseId: string;
  s: Record<Role, Session>;
}

async function world(): Promise<World> {
  const org = await buildOrganisation(t.runtime);
  const other = await buildOrganisation(t.runtime, { country: 'KEN' });
  const s = {} as World['s'];
  for (const role of ['admin', 'supervisor', 'caseworker', 'outreach', 'viewer'] as const) {
    s[role] = await buildSession(t.runtime, await buildUser(t.runtime, org, role));
  }
  const created = await request(t.app, s.caseworker, {
    method: 'POST',
    url: '/api/cases',
    payload: { identities: [{ given: 'Ana', family: 'Recipient' }] },
  });
  expect(created.statusCode, created.body).toBe(201);
  return { org, other, caseId: created.json().id, s };
}

const recipients = (s: Session | null) =>
  request(t.app, s, { method: 'GET', url: '/api/consent/recipients' });
const record = (s: Session, caseId: string, payload: unknown) =>
  request(t.app, s, { method: 'POST', url: `/api/cases/${caseId}/consents`, payload });
const check = (s: Session, caseId: string, query: string) =>
  request(t.app, s, { method: 'GET', url: `/api/cases/${caseId}/consents/check?${query}` });
const REFERRAL = {
  purpose: 'referral',
  dataCategories: ['identity', 'contacts'],
  method: 'verbal',
  decision: 'given',
};

describe('GET /api/consent/recipients', () => {
  it('lists the other organisations of the installation to the roles that record consent', async () => {
    const w = await world();
    for (const role of ['admin', 'supervisor', 'caseworker'] as const) {
      const res = await recipients(w.s[role]);
      expect(res.statusCode, res.body).toBe(200);
      const items = res.json().items as { id: string; name: string; country: string }[];
      expect(items).toContainEqual({ id: w.other.id, name: w.other.name, country: 'KEN' });
      // The caller's own organisation is not a recipient of its own referral.
      expect(items.map((item) => item.id)).not.toContain(w.org.id);
      expect(Object.keys(items[0]!).sort()).toEqual(['country', 'id', 'name']);
    }
  });

  it('refuses outreach staff, viewers and anonymous callers', async () => {
    const w = await world();
    expectProblem(await recipients(w.s.outreach), 403, 'forbidden');
    expectProblem(await recipients(w.s.viewer), 403, 'forbidden');
    expectProblem(await recipients(null), 401, 'unauthenticated');
  });

  it('answers a write token of a caseworker, not a read-only token', async () => {
    const w = await world();
    const make = async (scopes: string[]) => {
      const res = await request(t.app, w.s.caseworker, {
        method: 'POST',
        url: '/api/tokens',
        payload: { name: `recipients ${scopes.join(' ')}`, scopes },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().token as string;
    };
    const url = '/api/consent/recipients';
    const writeToken = await make(['read', 'write']);
    expect((await bearer(t.app, writeToken, { method: 'GET', url })).statusCode).toBe(200);
    const readToken = await make(['read']);
    expectProblem(await bearer(t.app, readToken, { method: 'GET', url }), 403, 'forbidden');
  });
});

describe('a consent naming a recipient organisation', () => {
  it('lets canShare permit that organisation, and stores its name', async () => {
    const w = await world();
    const created = await record(w.s.caseworker, w.caseId, {
      ...REFERRAL,
      recipientOrganisationId: w.other.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      recipientOrganisationId: w.other.id,
      recipientName: w.other.name,
      recordedByName: 'Test caseworker',
    });
    const q = `purpose=referral&categories=identity&recipientOrganisationId=${w.other.id}`;
    expect((await check(w.s.caseworker, w.caseId, q)).json()).toMatchObject({
      allowed: true,
      reason: 'ok',
    });
    const elsewhere = await buildOrganisation(t.runtime);
    const q2 = `purpose=referral&categories=identity&recipientOrganisationId=${elsewhere.id}`;
    expect((await check(w.s.caseworker, w.caseId, q2)).json().allowed).toBe(false);
  });

  it('a name-only consent permits no referral', async () => {
    const w = await world();
    const created = await record(w.s.caseworker, w.caseId, {
      ...REFERRAL,
      recipientName: w.other.name,
    });
    expect(created.statusCode, created.body).toBe(201);
    const q = `purpose=referral&categories=identity&recipientOrganisationId=${w.other.id}`;
    expect((await check(w.s.caseworker, w.caseId, q)).json()).toMatchObject({
      allowed: false,
      reason: 'no_consent',
    });
  });

  it('refuses an unknown organisation id and writes nothing', async () => {
    const w = await world();
    const before = await auditCount(t.runtime, w.org.id);
    for (const recipientOrganisationId of ['0190a0a0-0000-7000-8000-000000000000', 'not-a-uuid']) {
      const res = await record(w.s.caseworker, w.caseId, { ...REFERRAL, recipientOrganisationId });
      expectProblem(res, 400, 'validation_failed');
    }
    expect(await auditCount(t.runtime, w.org.id)).toBe(before);
  });
});

describe('who recorded a consent', () => {
  it('is named to every role that sees the consent, viewers included', async () => {
    const w = await world();
    const created = await record(w.s.supervisor, w.caseId, {
      purpose: 'case_management',
      dataCategories: ['all'],
      method: 'written',
      decision: 'given',
    });
    expect(created.statusCode, created.body).toBe(201);
    for (const role of ['admin', 'supervisor', 'caseworker', 'viewer'] as const) {
      const res = await request(t.app, w.s[role], {
        method: 'GET',
        url: `/api/cases/${w.caseId}/consents`,
      });
      expect(res.statusCode, res.body).toBe(200);
      const item = (res.json().items as { id: string; recordedByName: string | null }[]).find(
        (consent) => consent.id === created.json().id,
      );
      expect(item?.recordedByName).toBe('Test supervisor');
    }
  });
});
