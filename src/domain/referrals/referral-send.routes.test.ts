import { beforeAll, describe, expect, it } from 'vitest';
import {
  clockedApp,
  expectProblem,
  request,
  testApp,
  type TestApp,
} from '@test/support/build-app.ts';
import { buildSession } from '@test/support/factories.ts';
import {
  CONSENTED,
  createDraft,
  PERSON,
  packetRow,
  postDraft,
  postStep,
  recordReferralConsent,
  referralAudit,
  referralRow,
  referralScenario,
  referralState,
  registerPerson,
  REFERRAL_TIMEOUT,
  takeStep,
  type ReferralScenario,
} from './referral.fixtures.ts';
import { RESPONSE_HOURS, type Referral } from './referral.schema.ts';

/** Drafts (allowed without consent, showing what is missing), and sending under consent. */

let t: TestApp;
let s: ReferralScenario;

beforeAll(async () => {
  t = await testApp();
  s = await referralScenario(t.runtime, t.app);
}, REFERRAL_TIMEOUT);

/** A fresh case of A (assigned to A's caseworker) with no consent at all. */
const bareCase = () => registerPerson(t.app, s.a.as.caseworker);

describe('POST /api/referrals (draft)', () => {
  it('creates a draft whose consent check says the consent covers it', async () => {
    const draft = await createDraft(t.app, s);
    expect(draft).toMatchObject({
      status: 'draft',
      side: 'sender',
      caseId: s.caseId,
      to: { id: s.b.orgId },
      from: { id: s.a.orgId },
      categories: CONSENTED,
      consentCheck: { allowed: true, missing: [], reason: 'ok' },
      packet: null,
    });
    expect(draft.history.map((h) => h.action)).toEqual(['create']);
  });

  it('creates a draft without any consent and shows every category as missing', async () => {
    const c = await bareCase();
    const draft = await createDraft(t.app, s, { caseId: c.id, categories: ['identity', 'health'] });
    expect(draft.consentCheck).toEqual({
      allowed: false,
      consentId: null,
      missing: ['identity', 'health'],
      reason: 'no_consent',
    });
  });

  it('shows only the categories the consent does not cover', async () => {
    const draft = await createDraft(t.app, s, { categories: ['identity', 'narrative'] });
    expect(draft.consentCheck).toMatchObject({
      allowed: false,
      missing: ['narrative'],
      reason: 'categories_missing',
    });
  });

  it('keeps the reason encrypted at rest', async () => {
    const draft = await createDraft(t.app, s, { reason: 'Needs a safe place tonight' });
    const row = await referralRow(t.runtime, draft.id);
    expect(String(row!.reason_enc)).toMatch(/^hw1\./);
    expect(JSON.stringify(row)).not.toContain('safe place');
    expect(draft.reason).toBe('Needs a safe place tonight');
  });

  it('refuses a referral to the own organisation (400, path toOrganisationId)', async () => {
    const before = await referralState(t.runtime, null);
    const res = await postDraft(t.app, s.a.as.caseworker, {
      caseId: s.caseId,
      toOrganisationId: s.a.orgId,
      categories: ['identity'],
    });
    const body = expectProblem(res, 400, 'validation_failed');
    expect(body.errors?.map((e) => e.path)).toEqual(['toOrganisationId']);
    expect(await referralState(t.runtime, null)).toEqual(before);
  });

  it('refuses an unknown organisation (400, path toOrganisationId)', async () => {
    const res = await postDraft(t.app, s.a.as.caseworker, {
      caseId: s.caseId,
      toOrganisationId: '01900000-0000-7000-8000-000000000000',
      categories: ['identity'],
    });
    expect(expectProblem(res, 400, 'validation_failed').errors?.[0]?.path).toBe('toOrganisationId');
  });

  it('refuses a service of another organisation (400, path serviceIds.0)', async () => {
    const service = await request(t.app, s.c.as.admin, {
      method: 'POST',
      url: '/api/directory/services',
      payload: {
        kind: 'legal_aid',
        name: 'Legal aid desk',
        countries: ['THA'],
        languages: ['th'],
        availability: 'available',
        contact: { phone: '+66 2 000 0000' },
        referralMethods: ['phone'],
      },
    });
    expect(service.statusCode, service.body).toBe(201);
    const res = await postDraft(t.app, s.a.as.caseworker, {
      caseId: s.caseId,
      toOrganisationId: s.b.orgId,
      serviceIds: [service.json<{ id: string }>().id],
      categories: ['identity'],
    });
    expect(expectProblem(res, 400, 'validation_failed').errors?.[0]?.path).toBe('serviceIds.0');
  });

  it('answers another organisation’s case as not found (404) and writes nothing', async () => {
    const before = await referralState(t.runtime, null);
    const res = await postDraft(t.app, s.c.as.admin, {
      caseId: s.caseId,
      toOrganisationId: s.b.orgId,
      categories: ['identity'],
    });
    expectProblem(res, 404, 'case_not_found');
    expect(await referralState(t.runtime, null)).toEqual(before);
  });

  it('audits the draft in the sender organisation only', async () => {
    const draft = await createDraft(t.app, s);
    expect(await referralAudit(t.runtime, s.a.orgId, draft.id)).toEqual(['referral.create']);
    expect(await referralAudit(t.runtime, s.b.orgId, draft.id)).toEqual([]);
  });
});

describe('POST /api/referrals/:id/send', () => {
  it('sends a covered draft: status, deadline by urgency, consent and history', async () => {
    const draft = await createDraft(t.app, s, { urgency: 'urgent' });
    const sent = await takeStep(t.app, s.a.as.caseworker, draft.id, 'send');
    expect(sent).toMatchObject({ status: 'sent', consentCheck: null, overdue: false });
    const hours = (Date.parse(sent.respondBy!) - Date.parse(sent.sentAt!)) / 3_600_000;
    expect(hours).toBe(RESPONSE_HOURS.urgent);
    expect((await referralRow(t.runtime, draft.id))!.consent_id).toBe(s.consentId);
    expect(sent.history.map((h) => [h.action, h.fromStatus, h.toStatus])).toEqual([
      ['create', null, 'draft'],
      ['send', 'draft', 'sent'],
    ]);
  });

  it('seals the packet under its own key (no survivor data in the row)', async () => {
    const draft = await createDraft(t.app, s);
    await takeStep(t.app, s.a.as.caseworker, draft.id, 'send');
    const packet = await packetRow(t.runtime, draft.id);
    expect(packet).toMatchObject({ schema_version: 1, destroyed_at: null });
    expect(String(packet!.key_enc)).toMatch(/^hw1\./);
    expect(String(packet!.body_sealed)).toMatch(/^hw1\.packet\./);
    expect(JSON.stringify(packet)).not.toContain('insulin');
    expect(JSON.stringify(packet)).not.toContain('Dara');
  });

  it('is idempotent: sending again answers 200 and changes nothing', async () => {
    const draft = await createDraft(t.app, s);
    await takeStep(t.app, s.a.as.caseworker, draft.id, 'send');
    const before = await referralState(t.runtime, draft.id);
    const again = await postStep(t.app, s.a.as.caseworker, draft.id, 'send');
    expect(again.statusCode).toBe(200);
    expect(again.json<Referral>().status).toBe('sent');
    expect(await referralState(t.runtime, draft.id)).toEqual(before);
  });

  it('audits the sending in both organisations', async () => {
    const draft = await createDraft(t.app, s);
    await takeStep(t.app, s.a.as.caseworker, draft.id, 'send');
    expect(await referralAudit(t.runtime, s.a.orgId, draft.id)).toEqual([
      'referral.create',
      'referral.send',
    ]);
    expect(await referralAudit(t.runtime, s.b.orgId, draft.id)).toEqual(['referral.send']);
  });
});

describe('consent gating at sending', () => {
  /** Sending `draftId` is refused with `consent_required` and these messages, changing nothing. */
  async function expectRefused(draftId: string, messages: string[]) {
    const before = await referralState(t.runtime, draftId);
    const res = await postStep(t.app, s.a.as.caseworker, draftId, 'send');
    const body = expectProblem(res, 403, 'consent_required');
    expect(body.errors).toEqual(messages.map((message) => ({ path: 'categories', message })));
    expect(await referralState(t.runtime, draftId)).toEqual(before);
    expect((await referralRow(t.runtime, draftId))!.status).toBe('draft');
    expect(await packetRow(t.runtime, draftId)).toBeUndefined();
  }

  it('refuses without any consent', async () => {
    const c = await bareCase();
    const draft = await createDraft(t.app, s, { caseId: c.id, categories: ['identity'] });
    await expectRefused(draft.id, ['No valid consent for this recipient: no_consent']);
  });

  it('refuses with a consent for another recipient', async () => {
    const c = await bareCase();
    await recordReferralConsent(t.app, s.a.as.caseworker, {
      caseId: c.id,
      recipientOrganisationId: s.c.orgId,
      dataCategories: ['all'],
    });
    const draft = await createDraft(t.app, s, { caseId: c.id, categories: ['identity'] });
    await expectRefused(draft.id, ['No valid consent for this recipient: no_consent']);
  });

  it('refuses with a consent for fewer categories, one error per missing category', async () => {
    const draft = await createDraft(t.app, s, {
      categories: ['identity', 'narrative', 'documents'],
    });
    await expectRefused(draft.id, [
      'Not covered by a consent: narrative',
      'Not covered by a consent: documents',
    ]);
  });

  it('refuses with an expired consent', async () => {
    const c = await bareCase();
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await recordReferralConsent(
      t.app,
      s.a.as.caseworker,
      { caseId: c.id, recipientOrganisationId: s.b.orgId, dataCategories: ['all'] },
      { validUntil: tomorrow },
    );
    // Three days on, the consent has expired.
    const later = await clockedApp(t.runtime, new Date(Date.now() + 3 * 86_400_000));
    const session = await buildSession(t.runtime, s.a.users.caseworker, { now: later.clock.now });
    const res = await postDraft(later.app, session, {
      caseId: c.id,
      toOrganisationId: s.b.orgId,
      categories: ['identity'],
    });
    expect(res.json<Referral>().consentCheck?.reason).toBe('expired');
    const send = await postStep(later.app, session, res.json<Referral>().id, 'send');
    expect(expectProblem(send, 403, 'consent_required').errors).toEqual([
      { path: 'categories', message: 'No valid consent for this recipient: expired' },
    ]);
    expect((await referralRow(t.runtime, res.json<Referral>().id))!.status).toBe('draft');
    await later.app.close();
  });

  it('refuses with a withdrawn consent', async () => {
    const c = await bareCase();
    const consentId = await recordReferralConsent(t.app, s.a.as.caseworker, {
      caseId: c.id,
      recipientOrganisationId: s.b.orgId,
      dataCategories: ['all'],
    });
    const withdrawn = await request(t.app, s.a.as.caseworker, {
      method: 'POST',
      url: `/api/cases/${c.id}/consents/${consentId}/withdraw`,
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(201);
    const draft = await createDraft(t.app, s, { caseId: c.id, categories: ['identity'] });
    expect(draft.consentCheck?.reason).toBe('withdrawn');
    await expectRefused(draft.id, ['No valid consent for this recipient: withdrawn']);
  });

  it('sends everything for `all` when the consent covers all', async () => {
    const c = await bareCase();
    await recordReferralConsent(t.app, s.a.as.caseworker, {
      caseId: c.id,
      recipientOrganisationId: s.b.orgId,
      dataCategories: ['all'],
    });
    const draft = await createDraft(t.app, s, { caseId: c.id, categories: ['all'] });
    await takeStep(t.app, s.a.as.caseworker, draft.id, 'send');
    const read = await request(t.app, s.b.as.caseworker, {
      method: 'GET',
      url: `/api/referrals/${draft.id}`,
    });
    const packet = read.json<Referral>().packet!;
    expect(packet.categories).toContain('narrative');
    expect(packet.categories).not.toContain('all');
    expect(packet.data.narrative).toEqual({ narrative: PERSON.narrative });
  });
});
