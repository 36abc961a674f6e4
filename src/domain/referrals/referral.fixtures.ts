import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { request, type Session } from '@test/support/build-app.ts';
import type { TestRuntime } from '@test/support/database.ts';
import {
  buildOrganisation,
  buildSession,
  buildTeam,
  buildUser,
  type TestUser,
} from '@test/support/factories.ts';
import type { DataCategory } from '@/domain/consent/consent.schema.ts';
import type { Role } from '@/policy/roles.ts';
import type { Referral, ReferralAction } from './referral.schema.ts';

/**
 * Test fixture for referrals: organisation A (the sender: every role and a second caseworker
 * not assigned to the case), organisation B (the recipient: every role), a third organisation C
 * (an admin) that must learn nothing, and a case of A registered by (so assigned to) A's
 * caseworker, with a referral consent to B for `CONSENTED` categories.
 */

export type SenderCaller = Role | 'otherCaseworker';

export interface Side<K extends string> {
  orgId: string;
  users: Record<K, TestUser>;
  as: Record<K, Session>;
}

export interface ReferralScenario {
  a: Side<SenderCaller>;
  b: Side<Role>;
  c: Side<'admin'>;
  caseId: string;
  caseNumber: string;
  consentId: string;
}

/** What the scenario's consent to B covers. */
export const CONSENTED: DataCategory[] = ['identity', 'contacts', 'health'];

/** The person of the scenario's case. */
export const PERSON = {
  identities: [{ given: 'Dara', family: 'Sok', script: 'Latn' }],
  nationality: 'KHM',
  birthYear: 1998,
  contacts: [{ kind: 'phone', value: '+855 12 345 678' }],
  health: 'Needs insulin every day',
  narrative: 'Recruited through a job advert',
};

async function sessions<K extends string>(
  rt: TestRuntime,
  users: Record<K, TestUser>,
): Promise<Record<K, Session>> {
  const as = {} as Record<K, Session>;
  for (const [key, user] of Object.entries(users) as [K, TestUser][]) {
    as[key] = await buildSession(rt, user);
  }
  return as;
}

/** Records a referral consent on `caseId` through the API; returns its id. */
export async function recordReferralConsent(
  app: FastifyInstance,
  session: Session,
  c: { caseId: string; recipientOrganisationId: string; dataCategories: DataCategory[] },
  extra: Record<string, unknown> = {},
): Promise<string> {
  const res = await request(app, session, {
    method: 'POST',
    url: `/api/cases/${c.caseId}/consents`,
    payload: {
      purpose: 'referral',
      recipientOrganisationId: c.recipientOrganisationId,
      dataCategories: c.dataCategories,
      method: 'verbal',
      decision: 'given',
      ...extra,
    },
  });
  if (res.statusCode !== 201) {
    throw new Error(`consent not recorded: ${res.statusCode} ${res.body}`);
  }
  return res.json<{ id: string }>().id;
}

/** Registers a case as `session`; returns its id and number. */
export async function registerPerson(
  app: FastifyInstance,
  session: Session,
  payload: Record<string, unknown> = PERSON,
): Promise<{ id: string; caseNumber: string }> {
  const res = await request(app, session, { method: 'POST', url: '/api/cases', payload });
  if (res.statusCode !== 201) {
    throw new Error(`case not registered: ${res.statusCode} ${res.body}`);
  }
  return res.json<{ id: string; caseNumber: string }>();
}

/** Builds a `ReferralScenario` (allow `REFERRAL_TIMEOUT` in `beforeAll`). */
export async function referralScenario(
  rt: TestRuntime,
  app: FastifyInstance,
): Promise<ReferralScenario> {
  const teamA = await buildTeam(rt);
  const usersA = {
    ...teamA.users,
    otherCaseworker: await buildUser(rt, teamA.org, 'caseworker'),
  };
  const teamB = await buildTeam(rt);
  const usersC = { admin: await buildUser(rt, await buildOrganisation(rt), 'admin') };
  const a = { orgId: teamA.org.id, users: usersA, as: await sessions(rt, usersA) };
  const b = { orgId: teamB.org.id, users: teamB.users, as: await sessions(rt, teamB.users) };
  const c = { orgId: usersC.admin.organisationId, users: usersC, as: await sessions(rt, usersC) };
  const person = await registerPerson(app, a.as.caseworker);
  const consentId = await recordReferralConsent(app, a.as.caseworker, {
    caseId: person.id,
    recipientOrganisationId: b.orgId,
    dataCategories: CONSENTED,
  });
  return { a, b, c, caseId: person.id, caseNumber: person.caseNumber, consentId };
}

/** `beforeAll` timeout for `referralScenario` on a busy two-core machine. */
export const REFERRAL_TIMEOUT = 180_000;

/** POST /api/referrals as `session`, with the scenario's case to B by default. */
export function postDraft(
  app: FastifyInstance,
  session: Session | null,
  payload: Record<string, unknown>,
): Promise<LightMyRequestResponse> {
  return request(app, session, {
    method: 'POST',
    url: '/api/referrals',
    payload: { reason: 'Needs shelter and medical care', urgency: 'high', ...payload },
  });
}

/** A draft of the scenario's case to B (categories `CONSENTED` unless given); throws unless 201. */
export async function createDraft(
  app: FastifyInstance,
  s: ReferralScenario,
  payload: Record<string, unknown> = {},
): Promise<Referral> {
  const res = await postDraft(app, s.a.as.caseworker, {
    caseId: s.caseId,
    toOrganisationId: s.b.orgId,
    categories: CONSENTED,
    ...payload,
  });
  if (res.statusCode !== 201) {
    throw new Error(`draft not created: ${res.statusCode} ${res.body}`);
  }
  return res.json<Referral>();
}

/** POST /api/referrals/:id/<action> as `session` (`payload` as the body, if any). */
export function postStep(
  app: FastifyInstance,
  session: Session | null,
  id: string,
  step: ReferralAction | { action: ReferralAction; payload: unknown },
): Promise<LightMyRequestResponse> {
  const { action, payload } =
    typeof step === 'string' ? { action: step, payload: undefined } : step;
  return request(app, session, {
    method: 'POST',
    url: `/api/referrals/${id}/${action}`,
    ...(payload !== undefined && { payload }),
  });
}

/** The usual body of each step. */
export const STEP_BODY: Record<ReferralAction, unknown> = {
  send: undefined,
  accept: {},
  decline: { reason: 'No place for now' },
  start: undefined,
  complete: { outcome: 'received' },
  revoke: { reason: 'Sent by mistake' },
};

/** Takes `action` as `session` with its usual body; throws unless 200. */
export async function takeStep(
  app: FastifyInstance,
  session: Session,
  id: string,
  action: ReferralAction,
): Promise<Referral> {
  const res = await postStep(app, session, id, { action, payload: STEP_BODY[action] });
  if (res.statusCode !== 200) {
    throw new Error(`${action} failed: ${res.statusCode} ${res.body}`);
  }
  return res.json<Referral>();
}

/** A referral of the scenario's case brought to `status` through the API. */
export async function referralIn(
  app: FastifyInstance,
  s: ReferralScenario,
  status: Referral['status'],
): Promise<Referral> {
  const draft = await createDraft(app, s);
  const path: Record<Referral['status'], [ReferralAction, Session][]> = {
    draft: [],
    sent: [['send', s.a.as.caseworker]],
    accepted: [
      ['send', s.a.as.caseworker],
      ['accept', s.b.as.caseworker],
    ],
    declined: [
      ['send', s.a.as.caseworker],
      ['decline', s.b.as.caseworker],
    ],
    in_progress: [
      ['send', s.a.as.caseworker],
      ['accept', s.b.as.caseworker],
      ['start', s.b.as.caseworker],
    ],
    completed: [
      ['send', s.a.as.caseworker],
      ['accept', s.b.as.caseworker],
      ['complete', s.b.as.caseworker],
    ],
    revoked: [
      ['send', s.a.as.caseworker],
      ['revoke', s.a.as.caseworker],
    ],
  };
  let current = draft;
  for (const [action, session] of path[status]) {
    current = await takeStep(app, session, draft.id, action);
  }
  return current;
}

/** The referral's row as stored (status, version, link, …). */
export async function referralRow(rt: TestRuntime, id: string) {
  const [row] = await rt.database.query<Record<string, unknown>>(
    'select * from referrals where id = $1',
    [id],
  );
  return row;
}

/** The packet's row as stored (key_enc, body_sealed, destroyed_at). */
export async function packetRow(rt: TestRuntime, id: string) {
  const [row] = await rt.database.query<Record<string, unknown>>(
    'select * from referral_packets where referral_id = $1',
    [id],
  );
  return row;
}

/** The audit actions recorded about the referral in an organisation, oldest first. */
export async function referralAudit(
  rt: TestRuntime,
  organisationId: string,
  referralId: string,
): Promise<string[]> {
  const rows = await rt.database.query<{ action: string }>(
    `select action from audit_events where organisation_id = $1 and entity_type = 'referral'
     and entity_id = $2 order by seq`,
    [organisationId, referralId],
  );
  return rows.map((r) => r.action);
}

/** The referral tables' row counts and A's case row version (to prove nothing changed). */
export async function referralState(rt: TestRuntime, id: string | null) {
  const [row] = await rt.database.query<{
    referrals: number;
    events: number;
    packets: number;
    cases: number;
    version: number;
  }>(
    `select (select count(*)::int from referrals) as referrals,
            (select count(*)::int from referral_events) as events,
            (select count(*)::int from referral_packets) as packets,
            (select count(*)::int from cases) as cases,
            (select coalesce(max(version), 0)::int from referrals where id = $1) as version`,
    [id],
  );
  return row;
}
