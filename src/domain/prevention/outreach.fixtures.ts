import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { request, type Session } from '@test/support/build-app.ts';
import { buildCallers } from '@test/support/callers.ts';
import type { TestRuntime } from '@test/support/database.ts';
import type { TestUser } from '@test/support/factories.ts';
import type { Role } from '@/policy/roles.ts';

/**
 * Test fixture for outreach: one organisation with every role and an admin of another
 * organisation, with helpers that record a session, a material and quiz tallies through the API.
 */
export type OutreachCaller = Role | 'otherOrgAdmin';

export interface OutreachScenario {
  organisationId: string;
  otherOrganisationId: string;
  users: Record<OutreachCaller, TestUser>;
  as: Record<OutreachCaller, Session>;
}

/** Builds an `OutreachScenario` (six users: allow `OUTREACH_TIMEOUT` in `beforeAll`). */
export async function outreachScenario(rt: TestRuntime): Promise<OutreachScenario> {
  const callers = await buildCallers(rt);
  return {
    organisationId: callers.orgId,
    otherOrganisationId: callers.otherOrgId,
    users: callers.users,
    as: callers.as,
  };
}

export const OUTREACH_TIMEOUT = 120_000;

/** A valid session body (overrides replace fields). */
export function sessionBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    setting: 'school',
    heldOn: '2026-03-10',
    place: 'Example Secondary School, Mae Sot district',
    audienceSize: 30,
    ageBand: '15_17',
    topics: ['fake_job_offers', 'scam_compounds'],
    language: 'th',
    notes: 'Two classes together in the hall.',
    ...overrides,
  };
}

/** A valid material body. */
export function materialBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Spot a fake job offer (slides)',
    language: 'th',
    topics: ['fake_job_offers'],
    kind: 'slides',
    description: 'Twelve slides for a 45-minute class.',
    url: 'https://materials.example.org/fake-job-offer-th.pdf',
    ...overrides,
  };
}

/** Tallies for the built-in quiz: `correct[i]` right answers to its i-th question. */
export function resultBody(respondents: number, correct: number[]): Record<string, unknown> {
  const ids = [
    'high_pay_no_experience',
    'passport_kept_by_employer',
    'tourist_visa_for_work',
    'id_documents_before_interview',
    'destination_changed',
    'written_contract_licensed_agency',
    'offer_from_friend',
    'friend_needs_help',
  ];
  return {
    quizId: 'safe-jobs',
    language: 'th',
    respondents,
    correct: correct.map((n, i) => ({ questionId: ids[i], correct: n })),
  };
}

/** POSTs a session as `session`. */
export function postSession(
  app: FastifyInstance,
  session: Session | null,
  body: unknown = sessionBody(),
): Promise<LightMyRequestResponse> {
  return request(app, session, { method: 'POST', url: '/api/outreach/sessions', payload: body });
}

/** POSTs a material as `session`. */
export function postMaterial(
  app: FastifyInstance,
  session: Session | null,
  body: unknown = materialBody(),
): Promise<LightMyRequestResponse> {
  return request(app, session, { method: 'POST', url: '/api/outreach/materials', payload: body });
}

/** Records a session and returns its id; throws when the API refuses. */
export async function newSession(
  app: FastifyInstance,
  session: Session,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const res = await postSession(app, session, sessionBody(overrides));
  if (res.statusCode !== 201) {
    throw new Error(`session not created: ${res.body}`);
  }
  return res.json<{ id: string }>().id;
}

/** Adds a material and returns its id; throws when the API refuses. */
export async function newMaterial(app: FastifyInstance, session: Session): Promise<string> {
  const res = await postMaterial(app, session);
  if (res.statusCode !== 201) {
    throw new Error(`material not created: ${res.body}`);
  }
  return res.json<{ id: string }>().id;
}

/** PUTs a phase's tallies. */
export function putResults(
  app: FastifyInstance,
  session: Session | null,
  ref: { id: string; phase: string },
  body: unknown,
): Promise<LightMyRequestResponse> {
  return request(app, session, {
    method: 'PUT',
    url: `/api/outreach/sessions/${ref.id}/results/${ref.phase}`,
    payload: body,
  });
}

/** Rows of an outreach table of an organisation (to prove a refused request wrote nothing). */
export async function outreachRows(
  rt: TestRuntime,
  table: 'outreach_sessions' | 'outreach_materials' | 'outreach_quiz_results',
  organisationId: string,
): Promise<number> {
  const [row] = await rt.database.query<{ n: number }>(
    `select count(*)::int as n from ${table} where organisation_id = $1`,
    [organisationId],
  );
  return row!.n;
}
