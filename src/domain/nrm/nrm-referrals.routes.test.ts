import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, testApp, type Session, type TestApp } from '@test/support/build-app.ts';
import {
  caseScenario,
  SCENARIO_TIMEOUT,
  type CaseScenario,
} from '@/domain/cases/case-tasks.fixtures.ts';
import type { CaseEvent } from '@/domain/cases/index.ts';
import type { Referral } from './nrm-views.schema.ts';
import { decide, nrmCase, nrmClock, refer, stepOf, type NrmClock } from './nrm.fixtures.ts';

/**
 * Worked deadline examples through the API with the clock fixed, and decisions recorded as
 * journey events of the case.
 */
let t: TestApp;
let s: CaseScenario;
let nc: NrmClock;
let cw: Session;

beforeAll(async () => {
  t = await testApp();
  nc = await nrmClock(t.runtime, '2026-01-20T09:00:00Z');
  s = await caseScenario(t.runtime, nc.app);
}, SCENARIO_TIMEOUT);

afterAll(async () => {
  await nc.app.close();
});

async function freshCase(at: string): Promise<string> {
  nc.at(at);
  cw = await nc.as(s.users.caseworker);
  return (await nrmCase(nc.app, cw)).id;
}

async function events(caseId: string): Promise<CaseEvent[]> {
  const res = await request(nc.app, cw, { method: 'GET', url: `/api/cases/${caseId}/events` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: CaseEvent[] }>().items;
}

describe('POST /api/cases/:caseId/nrm-referrals: computed deadlines', () => {
  it('GBR: 5 working days from a Friday are due the next Friday (verified, with its source)', async () => {
    const caseId = await freshCase('2026-01-20T09:00:00Z');
    const r = await refer(nc.app, cw, caseId, {
      jurisdiction: 'GBR',
      referredAt: '2026-01-16T15:00:00Z',
    });
    expect(r).toMatchObject({ caseId, jurisdiction: 'GBR', status: 'open', decisions: [] });
    expect(stepOf(r, 'reasonable_grounds_decision')).toMatchObject({
      dueOn: '2026-01-23',
      dueAt: '2026-01-23T23:59:59.999Z',
      status: 'verified',
      source: 'https://athub.org.uk/knowledge-base/nrm-decisions-and-challenges/',
      unit: 'working_days',
      duration: 5,
      startedAt: '2026-01-16T15:00:00.000Z',
      overdue: false,
    });
    // The recovery period waits for a positive reasonable-grounds decision.
    expect(stepOf(r, 'recovery_period_policy')).toMatchObject({
      dueAt: null,
      startedAt: null,
      startsOn: 'reasonable_grounds_positive',
    });
    expect(stepOf(r, 'conclusive_grounds_decision')).toMatchObject({ dueAt: null, duration: null });
  });

  it('GBR: Good Friday and Easter Monday are not working days', async () => {
    const caseId = await freshCase('2026-04-02T09:00:00Z');
    const r = await refer(nc.app, cw, caseId, {
      jurisdiction: 'GBR',
      referredAt: '2026-04-01T10:00:00+01:00',
    });
    expect(stepOf(r, 'reasonable_grounds_decision').dueOn).toBe('2026-04-10');
  });

  it('GBR: across the year end, Christmas, the substitute Boxing Day and New Year are skipped', async () => {
    const caseId = await freshCase('2026-12-24T12:00:00Z');
    const r = await refer(nc.app, cw, caseId, {
      jurisdiction: 'GBR',
      referredAt: '2026-12-24T10:00:00Z',
    });
    expect(stepOf(r, 'reasonable_grounds_decision').dueOn).toBe('2027-01-05');
  });

  it('THA: 15 calendar days in shelter (verified) and 24 hours of custody (unverified)', async () => {
    const caseId = await freshCase('2026-04-10T06:00:00Z');
    const r = await refer(nc.app, cw, caseId, {
      jurisdiction: 'THA',
      referredAt: '2026-04-10T10:00:00+07:00',
      authority: 'Multidisciplinary team, Bangkok',
    });
    expect(stepOf(r, 'temporary_protection_before_identification')).toMatchObject({
      dueOn: '2026-04-25',
      dueAt: '2026-04-25T16:59:59.999Z',
      status: 'verified',
    });
    expect(stepOf(r, 'initial_custody_for_identification')).toMatchObject({
      dueAt: '2026-04-11T03:00:00.000Z',
      status: 'unverified',
      unit: 'hours',
    });
    // No figure is known for a Thai reflection period: none is invented.
    expect(stepOf(r, 'reflection_period')).toMatchObject({ dueAt: null, duration: null });
  });

  it('records the journey event identification/nrm_referral on the referral’s day', async () => {
    const caseId = await freshCase('2026-04-10T06:00:00Z');
    // 20:00 UTC on the 9th is the 10th in Bangkok.
    await refer(nc.app, cw, caseId, { jurisdiction: 'THA', referredAt: '2026-04-09T20:00:00Z' });
    expect(await events(caseId)).toEqual([
      expect.objectContaining({
        stage: 'identification',
        type: 'nrm_referral',
        occurredOn: '2026-04-10',
        country: 'THA',
      }),
    ]);
  });

  it('lists a case’s referrals with overdue steps as of now', async () => {
    const caseId = await freshCase('2026-01-20T09:00:00Z');
    await refer(nc.app, cw, caseId, { jurisdiction: 'GBR', referredAt: '2026-01-16T15:00:00Z' });
    nc.at('2026-01-26T09:00:00Z');
    cw = await nc.as(s.users.caseworker);
    const res = await request(nc.app, cw, {
      method: 'GET',
      url: `/api/cases/${caseId}/nrm-referrals`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const [r] = res.json<{ items: Referral[] }>().items;
    expect(stepOf(r!, 'reasonable_grounds_decision').overdue).toBe(true);
  });
});

describe('PATCH /api/cases/:caseId/nrm-referrals/:id: decisions', () => {
  it('a positive RG closes its deadline, starts the recovery periods and is a journey event', async () => {
    const caseId = await freshCase('2026-01-22T09:00:00Z');
    const r = await refer(nc.app, cw, caseId, {
      jurisdiction: 'GBR',
      referredAt: '2026-01-16T15:00:00Z',
    });
    const res = await decide(nc.app, cw, r, {
      kind: 'reasonable_grounds',
      outcome: 'positive',
      decidedOn: '2026-01-21',
      decisionMaker: 'Single Competent Authority',
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json<Referral>();
    expect(after.status).toBe('open');
    expect(after.decisions).toEqual([
      expect.objectContaining({ kind: 'reasonable_grounds', outcome: 'positive' }),
    ]);
    expect(stepOf(after, 'reasonable_grounds_decision').closedAt).toBe('2026-01-22T09:00:00.000Z');
    expect(stepOf(after, 'recovery_period_statutory_minimum')).toMatchObject({
      startedAt: '2026-01-21T00:00:00.000Z',
      dueOn: '2026-02-20',
    });
    expect(stepOf(after, 'recovery_period_policy').dueOn).toBe('2026-03-07');
    const journey = await events(caseId);
    expect(journey.map((e) => [e.stage, e.type, e.occurredOn])).toEqual([
      ['identification', 'nrm_referral', '2026-01-16'],
      ['identification', 'nrm_decision', '2026-01-21'],
    ]);
    expect(journey[1]!.outcome).toBe(
      'Reasonable grounds decision: positive, by Single Competent Authority',
    );
  });

  it('a conclusive grounds decision closes the referral; nothing more can be decided', async () => {
    const caseId = await freshCase('2026-03-20T09:00:00Z');
    const r = await refer(nc.app, cw, caseId, {
      jurisdiction: 'GBR',
      referredAt: '2026-01-16T15:00:00Z',
    });
    const rg = { decisionMaker: 'SCA', outcome: 'positive', kind: 'reasonable_grounds' };
    expect((await decide(nc.app, cw, r, { ...rg, decidedOn: '2026-01-21' })).statusCode).toBe(200);
    const again = await decide(nc.app, cw, r, { ...rg, decidedOn: '2026-01-22' });
    expect(again.statusCode, again.body).toBe(409);
    const cg = await decide(nc.app, cw, r, {
      ...rg,
      kind: 'conclusive_grounds',
      decidedOn: '2026-03-10',
    });
    expect(cg.statusCode, cg.body).toBe(200);
    const closed = cg.json<Referral>();
    expect(closed.status).toBe('closed');
    expect(closed.steps.every((st) => st.closedAt !== null && !st.overdue)).toBe(true);
    const late = await decide(nc.app, cw, r, {
      ...rg,
      kind: 'conclusive_grounds',
      decidedOn: '2026-03-11',
    });
    expect(late.statusCode).toBe(409);
  });

  it('a negative RG closes the referral and the recovery periods never start', async () => {
    const caseId = await freshCase('2026-01-22T09:00:00Z');
    const r = await refer(nc.app, cw, caseId, {
      jurisdiction: 'GBR',
      referredAt: '2026-01-16T15:00:00Z',
    });
    const res = await decide(nc.app, cw, r, {
      kind: 'reasonable_grounds',
      outcome: 'negative',
      decidedOn: '2026-01-21',
      decisionMaker: 'SCA',
    });
    const after = res.json<Referral>();
    expect(after.status).toBe('closed');
    expect(stepOf(after, 'recovery_period_policy').startedAt).toBeNull();
  });

  it('the caseworker’s home shows the referral waiting until the final decision', async () => {
    const caseId = await freshCase('2026-04-12T06:00:00Z');
    const r = await refer(nc.app, cw, caseId, {
      jurisdiction: 'THA',
      referredAt: '2026-04-10T03:00:00Z',
    });
    const waiting = async () => {
      const res = await request(nc.app, cw, { method: 'GET', url: '/api/home' });
      expect(res.statusCode, res.body).toBe(200);
      const keyDates = res.json<{ keyDates: { caseId: string; kind: string }[] }>().keyDates;
      return keyDates.filter((k) => k.caseId === caseId).map((k) => k.kind);
    };
    expect(await waiting()).toEqual(['nrm_waiting']);
    const res = await decide(nc.app, cw, r, {
      kind: 'identification',
      outcome: 'negative',
      decidedOn: '2026-04-12',
      decisionMaker: 'MDT Bangkok',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await waiting()).toEqual([]);
  });

  it('Thailand: the MDT identification closes both deadlines', async () => {
    const caseId = await freshCase('2026-04-12T06:00:00Z');
    const r = await refer(nc.app, cw, caseId, {
      jurisdiction: 'THA',
      referredAt: '2026-04-10T03:00:00Z',
    });
    const res = await decide(nc.app, cw, r, {
      kind: 'identification',
      outcome: 'positive',
      decidedOn: '2026-04-12',
      decisionMaker: 'MDT Bangkok',
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json<Referral>();
    expect(after.status).toBe('closed');
    expect(stepOf(after, 'initial_custody_for_identification').overdue).toBe(false);
  });
});
