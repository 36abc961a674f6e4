import { beforeAll, describe, expect, it } from 'vitest';
import {
  expectProblem,
  request,
  testApp,
  type Session,
  type TestApp,
} from '@test/support/build-app.ts';
import { auditCount, buildOrganisation, buildSession, buildUser } from '@test/support/factories.ts';
import type { Ctx } from '@/lib/context.ts';
import { isAppError } from '@/lib/errors.ts';
import { systemCtx } from '@/lib/system-actor.ts';
import { assertCanShare, canShare, type AuthorityRecipient, type ShareRequest } from './index.ts';

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

async function world(caseExtra: Record<string, unknown> = {}): Promise<World> {
  const org = await buildOrganisation(t.runtime);
  const s = await buildSession(t.runtime, await buildUser(t.runtime, org, 'caseworker'));
  const created = await request(t.app, s, {
    method: 'POST',
    url: '/api/cases',
    payload: { identities: [{ given: 'Mai', family: 'Test' }], ...caseExtra },
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

const LEGAL = {
  purpose: 'legal_proceedings',
  recipientName: 'Central Criminal Court',
  recipientAuthorityKind: 'court',
  dataCategories: ['identity', 'narrative'],
  method: 'written',
  decision: 'given',
};

const post = (w: World, payload: unknown) =>
  request(t.app, w.s, { method: 'POST', url: `/api/cases/${w.caseId}/consents`, payload });

async function record(w: World, payload: Record<string, unknown> = {}): Promise<{ id: string }> {
  const res = await post(w, { ...LEGAL, ...payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const consentCount = async (caseId: string) =>
  (await t.runtime.database.query('select id from case_consents where case_id = $1', [caseId]))
    .length;

const court = (over: Partial<AuthorityRecipient> = {}): AuthorityRecipient => ({
  kind: 'authority',
  name: 'Central Criminal Court',
  authorityKind: 'court',
  ...over,
});

const ask = (w: World, over: Partial<ShareRequest> = {}): ShareRequest => ({
  caseId: w.caseId,
  recipientOrganisationId: null,
  authority: court(),
  purpose: 'legal_proceedings',
  categories: ['identity'],
  ...over,
});

describe('legal proceedings consent: recording', () => {
  it('records the authority name and kind, and returns the kind in the view', async () => {
    const w = await world();
    const res = await post(w, LEGAL);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      purpose: 'legal_proceedings',
      recipientName: 'Central Criminal Court',
      recipientAuthorityKind: 'court',
      recipientOrganisationId: null,
      status: 'given',
    });
    const listed = await request(t.app, w.s, {
      method: 'GET',
      url: `/api/cases/${w.caseId}/consents`,
    });
    expect(listed.json().items[0]).toMatchObject({ recipientAuthorityKind: 'court' });
    const other = await record(w, {
      purpose: 'photos',
      recipientName: undefined,
      recipientAuthorityKind: undefined,
    });
    const all = (
      await request(t.app, w.s, {
        method: 'GET',
        url: `/api/cases/${w.caseId}/consents`,
      })
    ).json() as { items: { id: string; recipientAuthorityKind: unknown }[] };
    expect(all.items.find((c) => c.id === other.id)?.recipientAuthorityKind).toBeNull();
  });

  it('refuses a missing name or kind, and a kind on another purpose, writing nothing', async () => {
    const w = await world();
    const before = await auditCount(t.runtime, w.orgId);
    const bad = async (payload: Record<string, unknown>, path: string) => {
      const body = expectProblem(await post(w, payload), 400, 'validation_failed');
      expect(body.errors?.map((e) => e.path)).toContain(`body.${path}`);
    };
    await bad({ ...LEGAL, recipientName: undefined }, 'recipientName');
    await bad({ ...LEGAL, recipientName: '   ' }, 'recipientName');
    await bad({ ...LEGAL, recipientAuthorityKind: undefined }, 'recipientAuthorityKind');
    await bad({ ...LEGAL, recipientAuthorityKind: 'army' }, 'recipientAuthorityKind');
    await bad({ ...LEGAL, purpose: 'cross_border_sharing' }, 'recipientAuthorityKind');
    await bad({ ...LEGAL, purpose: 'case_management' }, 'recipientAuthorityKind');
    expect(await consentCount(w.caseId)).toBe(0);
    expect(await auditCount(t.runtime, w.orgId)).toBe(before);
  });

  it("keeps the minors' rule: a guardian or best-interest record is needed", async () => {
    const w = await world({ possibleMinor: true });
    expectProblem(await post(w, LEGAL), 400, 'validation_failed');
    expect(await consentCount(w.caseId)).toBe(0);
    await record(w, { guardianName: 'Aunt' });
    expect((await canShare(w.ctx(), ask(w))).allowed).toBe(true);
  });

  it('carries the kind into the withdrawn version, and the column cannot be updated', async () => {
    const w = await world();
    const c = await record(w);
    const res = await request(t.app, w.s, {
      method: 'POST',
      url: `/api/cases/${w.caseId}/consents/${c.id}/withdraw`,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ recipientAuthorityKind: 'court', status: 'withdrawn' });
    await expect(
      t.runtime.database.query(
        "update case_consents set recipient_authority_kind = 'police' where id = $1",
        [c.id],
      ),
    ).rejects.toThrow(/append-only/);
  });
});

describe('assertCanShare for an authority', () => {
  it('allows the named authority, ignoring case and surrounding spaces', async () => {
    const w = await world();
    const c = await record(w);
    expect(await assertCanShare(w.ctx(), ask(w))).toBe(c.id);
    const loose = ask(w, { authority: court({ name: '  central criminal COURT ' }) });
    expect(await assertCanShare(w.ctx(), loose)).toBe(c.id);
  });

  it("refuses another authority's name or another kind", async () => {
    const w = await world();
    await record(w);
    const refusal = async (req: ShareRequest) => {
      const err = await assertCanShare(w.ctx(), req).catch((e: unknown) => e);
      expect(isAppError(err, 'consent_required')).toBe(true);
      return (err as Error).message;
    };
    expect(await refusal(ask(w, { authority: court({ name: 'District Court' }) }))).toContain(
      'no_consent',
    );
    expect(await refusal(ask(w, { authority: court({ authorityKind: 'prosecutor' }) }))).toContain(
      'no_consent',
    );
    expect(await refusal(ask(w, { authority: undefined }))).toContain('no_consent');
  });

  it('refuses after withdrawal, after expiry, and for a category not covered', async () => {
    const w = await world();
    await record(w, { validUntil: today() });
    const err = await assertCanShare(w.ctx(), ask(w, { categories: ['identity', 'health'] })).catch(
      (e: unknown) => e,
    );
    expect(isAppError(err, 'consent_required')).toBe(true);
    expect((err as Error).message).toContain('categories_missing');
    expect((err as Error).message).toContain('health');
    const later = w.ctx(new Date(Date.now() + 2 * DAY));
    expect(await canShare(later, ask(w))).toMatchObject({ allowed: false, reason: 'expired' });

    const v = await world();
    const c = await record(v);
    const res = await request(t.app, v.s, {
      method: 'POST',
      url: `/api/cases/${v.caseId}/consents/${c.id}/withdraw`,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await canShare(v.ctx(), ask(v))).toMatchObject({ allowed: false, reason: 'withdrawn' });
  });

  it('never lets an organisation consent permit an authority, nor the reverse', async () => {
    const w = await world();
    const partner = await buildOrganisation(t.runtime);
    await record(w, {
      purpose: 'referral',
      recipientOrganisationId: partner.id,
      recipientName: 'Central Criminal Court',
      recipientAuthorityKind: undefined,
    });
    expect((await canShare(w.ctx(), ask(w))).reason).toBe('no_consent');
    const asOrg = ask(w, { authority: undefined, recipientOrganisationId: partner.id });
    expect((await canShare(w.ctx(), asOrg)).reason).toBe('no_consent');

    const v = await world();
    await record(v);
    const referral = ask(v, { purpose: 'referral', recipientOrganisationId: partner.id });
    expect((await canShare(v.ctx(), referral)).reason).toBe('no_consent');
    const authorityForReferral = ask(v, { purpose: 'referral' });
    expect((await canShare(v.ctx(), authorityForReferral)).reason).toBe('no_consent');
  });

  it('audits the authority asked about', async () => {
    const w = await world();
    await record(w);
    await canShare(w.ctx(), ask(w));
    const [entry] = await t.runtime.database.query<{ details: Record<string, unknown> }>(
      `select details from audit_events
        where organisation_id = $1 and entity_id = $2 and action = 'consent.check'`,
      [w.orgId, w.caseId],
    );
    expect(entry?.details).toMatchObject({
      purpose: 'legal_proceedings',
      authority: { name: 'Central Criminal Court', kind: 'court' },
      allowed: true,
    });
  });
});
