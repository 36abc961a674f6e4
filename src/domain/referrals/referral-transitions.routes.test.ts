import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, testApp, type TestApp } from '@test/support/build-app.ts';
import {
  postStep,
  referralAudit,
  referralIn,
  referralRow,
  referralScenario,
  referralState,
  REFERRAL_TIMEOUT,
  STEP_BODY,
  type ReferralScenario,
} from './referral.fixtures.ts';
import {
  REFERRAL_ACTIONS,
  REFERRAL_STATUSES,
  TRANSITIONS,
  type Referral,
  type ReferralAction,
  type ReferralSide,
  type ReferralStatus,
} from './referral.schema.ts';

/**
 * Every step from every state, by each side: the side that takes the step moves the referral
 * (200), repeats it as a no-op (200), or gets 409 from any other state; the other side gets 403
 * (it knows the referral), except that the recipient never learns of a draft (404).
 */

let t: TestApp;
let s: ReferralScenario;

beforeAll(async () => {
  t = await testApp();
  s = await referralScenario(t.runtime, t.app);
}, REFERRAL_TIMEOUT);

type Expect = 'moves' | 'repeat' | 409 | 403 | 404;

function expected(status: ReferralStatus, action: ReferralAction, side: ReferralSide): Expect {
  const step = TRANSITIONS[action];
  if (side === 'recipient' && status === 'draft') {
    return 404;
  }
  if (step.side !== side) {
    return 403;
  }
  if (status === step.to) {
    return 'repeat';
  }
  return step.from.includes(status) ? 'moves' : 409;
}

const CASES = REFERRAL_STATUSES.flatMap((status) =>
  REFERRAL_ACTIONS.flatMap((action) =>
    (['sender', 'recipient'] as const).map((side) => ({
      status,
      action,
      side,
      want: expected(status, action, side),
    })),
  ),
);

describe('the state machine through the API', () => {
  it.each(CASES)('$side $action on a $status referral: $want', async (c) => {
    const r = await referralIn(t.app, s, c.status);
    const session = c.side === 'sender' ? s.a.as.caseworker : s.b.as.caseworker;
    const before = await referralState(t.runtime, r.id);
    const res = await postStep(t.app, session, r.id, {
      action: c.action,
      payload: STEP_BODY[c.action],
    });
    if (c.want === 'moves') {
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<Referral>().status).toBe(TRANSITIONS[c.action].to);
      expect((await referralRow(t.runtime, r.id))!.version).toBe(r.version + 1);
      return;
    }
    if (c.want === 'repeat') {
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<Referral>().status).toBe(c.status);
    } else {
      const code = { 409: 'referral_state_invalid', 403: 'forbidden', 404: 'referral_not_found' };
      expectProblem(res, c.want, code[c.want]);
    }
    expect(await referralState(t.runtime, r.id)).toEqual(before);
  });
});

describe('history and audit of each step', () => {
  it.each(['accept', 'decline'] as const)(
    'records %s in the history with the acting organisation',
    async (action) => {
      const r = await referralIn(t.app, s, action === 'accept' ? 'accepted' : 'declined');
      const last = r.history.at(-1)!;
      expect(last).toMatchObject({
        action,
        fromStatus: 'sent',
        toStatus: TRANSITIONS[action].to,
        organisationId: s.b.orgId,
      });
    },
  );

  it('keeps the decline reason in the history, encrypted at rest', async () => {
    const r = await referralIn(t.app, s, 'declined');
    expect(r.history.at(-1)!.note).toBe('No place for now');
    const [row] = await t.runtime.database.query<{ note_enc: string }>(
      `select note_enc from referral_events where referral_id = $1 and action = 'decline'`,
      [r.id],
    );
    expect(row!.note_enc).toMatch(/^hw1\./);
  });

  it('audits every step in both organisations', async () => {
    const r = await referralIn(t.app, s, 'completed');
    const both = ['referral.send', 'referral.accept', 'referral.complete'];
    expect(await referralAudit(t.runtime, s.a.orgId, r.id)).toEqual(['referral.create', ...both]);
    expect(await referralAudit(t.runtime, s.b.orgId, r.id)).toEqual(both);
  });

  it('audits a revoked draft in the sender organisation only', async () => {
    const r = await referralIn(t.app, s, 'draft');
    const res = await postStep(t.app, s.a.as.caseworker, r.id, 'revoke');
    expect(res.statusCode, res.body).toBe(200);
    expect(await referralAudit(t.runtime, s.b.orgId, r.id)).toEqual([]);
    expect(await referralAudit(t.runtime, s.a.orgId, r.id)).toContain('referral.revoke');
  });

  it('records the outcome and the metrics when completed', async () => {
    const r = await referralIn(t.app, s, 'completed');
    expect(r.outcome).toBe('received');
    expect(r.metrics.hoursToAccept).not.toBeNull();
    expect(r.completedAt).not.toBeNull();
  });

  it('refuses “not reached” without a reason (400) and changes nothing', async () => {
    const r = await referralIn(t.app, s, 'accepted');
    const before = await referralState(t.runtime, r.id);
    const res = await postStep(t.app, s.b.as.caseworker, r.id, {
      action: 'complete',
      payload: { outcome: 'not_reached' },
    });
    expect(expectProblem(res, 400, 'validation_failed').errors?.[0]?.path).toBe('body.reason');
    expect(await referralState(t.runtime, r.id)).toEqual(before);
  });
});

describe('concurrency', () => {
  it('lets only one of two simultaneous accepts create a case', async () => {
    const r = await referralIn(t.app, s, 'sent');
    const before = await referralState(t.runtime, r.id);
    const [one, two] = await Promise.all([
      postStep(t.app, s.b.as.caseworker, r.id, { action: 'accept', payload: {} }),
      postStep(t.app, s.b.as.supervisor, r.id, { action: 'accept', payload: {} }),
    ]);
    expect([one.statusCode, two.statusCode]).toEqual([200, 200]);
    const after = await referralState(t.runtime, r.id);
    expect(after!.cases).toBe(before!.cases + 1);
    expect(after!.version).toBe(before!.version + 1);
  });

  it('lets a decline racing an accept fail with 409, changing nothing of its own', async () => {
    const r = await referralIn(t.app, s, 'sent');
    const [accept, decline] = await Promise.all([
      postStep(t.app, s.b.as.caseworker, r.id, { action: 'accept', payload: {} }),
      postStep(t.app, s.b.as.supervisor, r.id, { action: 'decline', payload: { reason: 'No' } }),
    ]);
    const codes = [accept.statusCode, decline.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const row = await referralRow(t.runtime, r.id);
    expect(['accepted', 'declined']).toContain(row!.status);
    expect(row!.version).toBe(r.version + 1);
  });
});
