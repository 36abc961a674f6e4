import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { request, type Session } from '@test/support/build-app.ts';
import { buildCallers, type Caller } from '@test/support/callers.ts';
import type { TestRuntime } from '@test/support/database.ts';
import { unique } from '@test/support/factories.ts';

/** Test fixtures of the directory: an organisation with every role, another one, a platform admin. */

export type DirectoryCaller = Caller;

export interface DirectoryScenario {
  orgId: string;
  otherOrgId: string;
  as: Record<DirectoryCaller, Session>;
}

export const DIRECTORY_TIMEOUT = 30_000;

/** A fresh organisation with one member of every role, another organisation's admin, a platform admin. */
export async function directoryScenario(rt: TestRuntime): Promise<DirectoryScenario> {
  // A viewer where they are a member: what they may do comes from being a platform admin.
  const { orgId, otherOrgId, as } = await buildCallers(rt, { platformAdminRole: 'viewer' });
  return { orgId, otherOrgId, as };
}

/** A distinctive address: tests search every answer for it. */
export const SHELTER_ADDRESS = '17 Soi Hidden Lane, Mae Sot 63110';

/** A valid service body; `over` replaces fields. */
export function serviceBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'legal_aid',
    name: `Legal clinic ${unique()}`,
    description: 'Free legal advice for people leaving scam compounds.',
    countries: ['THA'],
    regions: ['Tak'],
    languages: ['th', 'en', 'my-MM'],
    contact: { phone: '+66 55 000 000', email: 'help@clinic.example' },
    hours: 'Mon–Fri 09:00–17:00',
    referralMethods: ['homeward', 'phone'],
    public: true,
    ...over,
  };
}

/** A shelter with an address (staff-only). */
export function shelterBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return serviceBody({
    kind: 'shelter',
    name: `Safe house ${unique()}`,
    capacity: 12,
    availability: 'limited',
    address: SHELTER_ADDRESS,
    eligibility: { genders: ['female'], minAge: 18, maxAge: null, nationalities: [] },
    ...over,
  });
}

/** POST /api/directory/services as `session`. */
export function postService(
  app: FastifyInstance,
  session: Session | null,
  body: unknown,
): Promise<LightMyRequestResponse> {
  return request(app, session, { method: 'POST', url: '/api/directory/services', payload: body });
}

/** Adds a service as `session` and returns its id (fails the test otherwise). */
export async function newService(
  app: FastifyInstance,
  session: Session,
  body: Record<string, unknown> = serviceBody(),
): Promise<string> {
  const res = await postService(app, session, body);
  if (res.statusCode !== 201) {
    throw new Error(`service not created: ${res.statusCode} ${res.body}`);
  }
  return res.json<{ id: string }>().id;
}

/** Lists an external organisation as the platform admin; returns its id. */
export async function newExternalOrganisation(
  app: FastifyInstance,
  platformAdmin: Session,
  country = 'KEN',
): Promise<string> {
  const res = await request(app, platformAdmin, {
    method: 'POST',
    url: '/api/directory/external-organisations',
    payload: { name: `External ${unique()}`, country, installationId: null },
  });
  if (res.statusCode !== 201) {
    throw new Error(`external organisation not created: ${res.statusCode} ${res.body}`);
  }
  return res.json<{ id: string }>().id;
}
