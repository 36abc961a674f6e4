import { beforeAll, describe, expect, it } from 'vitest';
import { request, testApp, type Session, type TestApp } from '@test/support/build-app.ts';
import { buildOrganisation, buildSession, buildUser } from '@test/support/factories.ts';
import type { Ctx } from '@/lib/context.ts';
import { isAppError } from '@/lib/errors.ts';
import { systemCtx } from '@/lib/system-actor.ts';
import { assertCanShare, canShare, listConsents, type ShareRequest } from './index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

const DAY = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);

interface World {
  orgId: string;
  caseId: string;
  s: Session;
  ctx: (at?: Date) => Ctx;
}

async function world(): Promise<World> {
  const org = await buildOrganisation(t.runtime);
  const s = await buildSession(t.runtime, await buildUser(t.runtime, org, 'caseworker'));
  const created = await request(t.app, s, {
    method: 'POST',
    url: '/api/cases',
    payload: { identities: [{ given: 'Lin', family: 'Test' }] },
  });
  expect(created.statusCode, created.body).toBe(201);
  const deps = { db: t.runtime.database.db, cipher: t.runtime.cipher };
  return {
    orgId: org.id,
    caseId: created.json().id,
    s,
    ctx: (at = new Date()) => ({ ...systemCtx(deps, org.id), now: () => at }),
  };
}

async function record(w: World, payload: Record<string, unknown>): Promise<{ id: string }> {
  const res = await request(t.app, w.s, {
    method: 'POST',
    url: `/api/cases/${w.caseId}/consents`,
    payload: { method: 'written', decision: 'given', dataCategories: ['all'], ...payload },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function check(w: World, query: string) {
  const res = await request(t.app, w.s, {
    method: 'GET',
    url: `/api/cases/${w.caseId}/consents/check?${query}`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const ask = (w: World, over: Partial<ShareRequest> = {}): ShareRequest => ({
  caseId: w.caseId,
  recipientOrganisationId: null,
  purpose: 'case_management',
  categories: ['identity'],
  ...over,
});

describe('canShare', () => {
  it('says no without consent, and yes for covered categories', async () => {
    const w = await world();
    expect(await canShare(w.ctx(), ask(w))).toEqual({
      allowed: false,
      consentId: null,
      missing: ['identity'],
      reason: 'no_consent',
    });
    const c = await record(w, { purpose: 'photos', dataCategories: ['identity', 'contacts'] });
    const ok = await check(w, 'purpose=photos&categories=identity,contacts');
    expect(ok).toEqual({ allowed: true, consentId: c.id, missing: [], reason: 'ok' });
    const partial = await check(w, 'purpose=photos&categories=identity,health,narrative');
    expect(partial).toMatchObject({ allowed: false, reason: 'categories_missing' });
    expect(partial.missing).toEqual(['health', 'narrative']);
    expect((await check(w, 'purpose=photos&categories=all')).missing).toEqual(['all']);
    expect((await check(w, 'purpose=phone_contact&categories=identity')).reason).toBe('no_consent');
  });

  it("treats 'all' as covering every category", async () => {
    const w = await world();
    await record(w, { purpose: 'aggregate_reporting', dataCategories: ['all'] });
    const all = 'identity,contacts,documents,journey,health,exploitation,narrative,assessment,all';
    expect((await check(w, `purpose=aggregate_reporting&categories=${all}`)).allowed).toBe(true);
  });

  it('applies a withdrawal at once', async () => {
    const w = await world();
    const c = await record(w, { purpose: 'phone_contact', dataCategories: ['contacts'] });
    expect((await check(w, 'purpose=phone_contact&categories=contacts')).allowed).toBe(true);
    const res = await request(t.app, w.s, {
      method: 'POST',
      url: `/api/cases/${w.caseId}/consents/${c.id}/withdraw`,
    });
    expect(res.statusCode).toBe(201);
    const after = await check(w, 'purpose=phone_contact&categories=contacts');
    expect(after).toMatchObject({ allowed: false, reason: 'withdrawn', consentId: res.json().id });
  });

  it('honours refusals and expiry', async () => {
    const w = await world();
    await record(w, { purpose: 'photos', decision: 'refused' });
    expect(await canShare(w.ctx(), ask(w, { purpose: 'photos' }))).toMatchObject({
      allowed: false,
      reason: 'refused',
    });
    await record(w, { purpose: 'case_management', validUntil: today() });
    expect((await canShare(w.ctx(), ask(w))).allowed).toBe(true);
    const later = w.ctx(new Date(Date.now() + 2 * DAY));
    expect(await canShare(later, ask(w))).toMatchObject({ allowed: false, reason: 'expired' });
    const listed = await listConsents(later, w.caseId);
    const mgmt = listed.items.find((c) => c.purpose === 'case_management');
    expect(mgmt?.status).toBe('expired');
  });

  it('matches the recipient organisation for referral and cross-border sharing', async () => {
    const w = await world();
    const partner = await buildOrganisation(t.runtime);
    const stranger = await buildOrganisation(t.runtime);
    await record(w, { purpose: 'referral', recipientOrganisationId: partner.id });
    await record(w, { purpose: 'cross_border_sharing', recipientName: 'Embassy shelter' });
    const referral = (recipientOrganisationId: string | null) =>
      canShare(w.ctx(), ask(w, { purpose: 'referral', recipientOrganisationId }));
    expect((await referral(partner.id)).allowed).toBe(true);
    expect((await referral(stranger.id)).reason).toBe('no_consent');
    expect((await referral(null)).reason).toBe('no_consent');
    const abroad = ask(w, { purpose: 'cross_border_sharing', recipientOrganisationId: partner.id });
    expect((await canShare(w.ctx(), abroad)).reason).toBe('no_consent');
    await record(w, { purpose: 'case_management' });
    const anyone = ask(w, { recipientOrganisationId: stranger.id });
    expect((await canShare(w.ctx(), anyone)).allowed).toBe(true);
  });

  it('lets the newest consent for the same purpose and recipient decide', async () => {
    const w = await world();
    const partner = await buildOrganisation(t.runtime);
    const referral = ask(w, { purpose: 'referral', recipientOrganisationId: partner.id });
    await record(w, { purpose: 'referral', recipientOrganisationId: partner.id });
    await record(w, {
      purpose: 'referral',
      recipientOrganisationId: partner.id,
      decision: 'refused',
    });
    expect((await canShare(w.ctx(), referral)).reason).toBe('refused');
    const again = await record(w, { purpose: 'referral', recipientOrganisationId: partner.id });
    expect(await canShare(w.ctx(), referral)).toMatchObject({ allowed: true, consentId: again.id });
  });

  it('assertCanShare throws consent_required naming the reason', async () => {
    const w = await world();
    const err = await assertCanShare(w.ctx(), ask(w)).catch((e: unknown) => e);
    expect(isAppError(err, 'consent_required')).toBe(true);
    expect((err as Error).message).toContain('no_consent');
    const c = await record(w, { purpose: 'case_management' });
    expect(await assertCanShare(w.ctx(), ask(w))).toBe(c.id);
  });

  it("does not answer for another organisation's case", async () => {
    const w = await world();
    const other = await world();
    await record(w, { purpose: 'case_management' });
    const err = await canShare(other.ctx(), ask(w)).catch((e: unknown) => e);
    expect(isAppError(err, 'case_not_found')).toBe(true);
  });
});

describe('consent routes in OpenAPI', () => {
  it('documents the check query (comma-separated categories) and the withdraw route', async () => {
    const res = await request(t.app, (await world()).s, {
      method: 'GET',
      url: '/api/openapi.json',
    });
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths as Record<string, unknown>;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/api/cases/{caseId}/consents/check',
        '/api/cases/{caseId}/consents/{consentId}/withdraw',
        '/api/cases/{caseId}/events',
      ]),
    );
  });
});
