import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { expectProblem, request, type Session } from '@test/support/build-app.ts';
import type { TestRuntime } from '@test/support/database.ts';
import {
  buildOrganisation,
  buildSession,
  buildUser,
  type TestUser,
} from '@test/support/factories.ts';
import { UNKNOWN_ID } from './case-tasks.fixtures.ts';
import type { Case, CaseSummary } from './case-views.schema.ts';

/**
 * Test helpers for the main case routes (register, list/search, open, edit). The scenario with
 * every role lives in case-tasks.fixtures.ts (`caseScenario`); these add what the case routes
 * need on top: registering many people, searching, and proving a refused request changed nothing.
 */

/** POST /api/cases as `session`. */
export function postCase(
  app: FastifyInstance,
  session: Session | null,
  payload: unknown,
): Promise<LightMyRequestResponse> {
  return request(app, session, { method: 'POST', url: '/api/cases', payload });
}

/** Registers a person through the API; throws unless the API answers 201. */
export async function registerCase(
  app: FastifyInstance,
  session: Session,
  payload: Record<string, unknown>,
): Promise<Case> {
  const res = await postCase(app, session, payload);
  if (res.statusCode !== 201) {
    throw new Error(`case not registered: ${res.statusCode} ${res.body}`);
  }
  return res.json<Case>();
}

/** GET /api/cases with `params` as the query string; throws unless 200. */
export async function searchCases(
  app: FastifyInstance,
  session: Session,
  params: Record<string, string | number>,
): Promise<{ items: CaseSummary[]; nextCursor: string | null }> {
  const qs = new URLSearchParams(
    Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]),
  ).toString();
  const res = await request(app, session, { method: 'GET', url: `/api/cases?${qs}` });
  if (res.statusCode !== 200) {
    throw new Error(`search failed: ${res.statusCode} ${res.body}`);
  }
  return res.json();
}

/** Ids of every case a search finds, following `nextCursor` to the end. */
export async function searchAllIds(
  app: FastifyInstance,
  session: Session,
  params: Record<string, string | number>,
): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const res: { items: CaseSummary[]; nextCursor: string | null } = await searchCases(
      app,
      session,
      { ...params, ...(cursor && { cursor }) },
    );
    ids.push(...res.items.map((i) => i.id));
    cursor = res.nextCursor;
    if (!cursor) {
      return ids;
    }
  }
  throw new Error('pagination did not end after 100 pages');
}

/** Number of cases of an organisation (to prove a refused registration wrote nothing). */
export async function caseCount(rt: TestRuntime, organisationId: string): Promise<number> {
  const [row] = await rt.database.query<{ n: number }>(
    'select count(*)::int as n from cases where organisation_id = $1',
    [organisationId],
  );
  return row!.n;
}

/**
 * Everything stored about one case in the case tables: the row, its names and its assignees,
 * as JSON text. Equal before and after a refused request means nothing changed.
 */
export async function caseSnapshot(rt: TestRuntime, caseId: string): Promise<string> {
  const [row] = await rt.database.query<{ snapshot: string }>(
    `select json_build_object(
       'case', (select row_to_json(c) from cases c where c.id = $1),
       'identities', (select json_agg(row_to_json(i) order by i.id) from case_identities i
                      where i.case_id = $1),
       'assignees', (select json_agg(a.user_id order by a.user_id) from case_assignments a
                     where a.case_id = $1)
     )::text as snapshot`,
    [caseId],
  );
  return row!.snapshot;
}

/** A session of the admin of a new, empty organisation. */
export async function newOrganisationAdmin(rt: TestRuntime): Promise<Session> {
  return buildSession(rt, await buildUser(rt, await buildOrganisation(rt), 'admin'));
}

/** Sorted copy, for comparing sets of ids. */
export const sorted = (ids: readonly string[]): string[] => [...ids].sort();

/** The stored version of a case. */
export async function caseVersion(rt: TestRuntime, caseId: string): Promise<number> {
  const [row] = await rt.database.query<{ version: number }>(
    'select version from cases where id = $1',
    [caseId],
  );
  return row!.version;
}

/** A value for every sensitive field of a case. */
export const SENSITIVE = {
  contacts: [{ kind: 'phone', value: '+66 81 555 0199', note: 'Sister in Udon Thani' }],
  documents: [{ type: 'passport', number: 'AA1234567', issuingCountry: 'THA' }],
  currentLocation: 'Baan Kredtrakarn shelter, room 4',
  narrative: 'Recruited on Facebook for factory work in Malaysia',
  health: 'Untreated hand injury',
  exploitationDetails: 'Held in a scam compound near Shwe Kokko',
};
/** Distinctive words of `SENSITIVE`, none of which may reach a viewer. */
export const SENSITIVE_TEXTS = [
  '+66 81 555 0199',
  'Udon Thani',
  'AA1234567',
  'Kredtrakarn',
  'Facebook',
  'hand injury',
  'Shwe Kokko',
];

export const NEXT_YEAR = new Date().getUTCFullYear() + 1;
export const TOMORROW = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
export const NAME = { identities: [{ given: 'Bad', family: 'Input' }] };
/** Payloads every form of registration and edit must refuse, with the field at fault. */
export const BAD_FIELDS: [string, Record<string, unknown>, string][] = [
  ['unknown field', { favouriteColour: 'red' }, 'favouriteColour'],
  ['birth year as text', { birthYear: '1990' }, 'birthYear'],
  ['identities not a list', { identities: { given: 'A' } }, 'identities'],
  ['no identity', { identities: [] }, 'identities'],
  ['identity without a name', { identities: [{ script: 'Latn' }] }, 'identities'],
  ['control characters in a name', { identities: [{ given: 'A\u0007' }] }, 'identities'],
  ['unknown nationality code', { nationality: 'XXX' }, 'nationality'],
  ['lower-case nationality', { nationality: 'tha' }, 'nationality'],
  ['alpha-2 nationality', { nationality: 'TH' }, 'nationality'],
  [
    'unknown document country',
    { documents: [{ type: 'passport', number: '1', issuingCountry: 'ZZZ' }] },
    'documents',
  ],
  ['birth year before 1900', { birthYear: 1850 }, 'birthYear'],
  ['estimated age 130', { estimatedAge: 130 }, 'estimatedAge'],
  ['negative estimated age', { estimatedAge: -1 }, 'estimatedAge'],
  ['impossible date', { birthDate: '1990-02-30' }, 'birthDate'],
  [
    'exit before recruitment',
    { recruitmentDate: '2024-05-01', exitDate: '2024-01-01' },
    'exitDate',
  ],
  ['unknown exploitation form', { exploitationForms: ['slavery'] }, 'exploitationForms'],
  ['assignee not a uuid', { assigneeIds: ['someone'] }, 'assigneeIds'],
  ['unknown assignee', { assigneeIds: [UNKNOWN_ID] }, 'assigneeIds'],
];

/** Asserts a 400 validation problem naming `field` in one of its error paths. */
export function expectInvalid(res: LightMyRequestResponse, field: string, label: string): void {
  const body = expectProblem(res, 400, 'validation_failed');
  const paths = body.errors?.map((e) => e.path) ?? [];
  expect(
    paths.some((p) => p.split('.').includes(field)),
    `${label}: ${JSON.stringify(paths)}`,
  ).toBe(true);
}

export interface AuditRow {
  action: string;
  actor_user_id: string | null;
  entity_id: string | null;
  details: Record<string, unknown>;
  whole: string;
}
/** Audit entries of an organisation after `seq`, with each whole row as text too. */
export async function auditSince(
  rt: TestRuntime,
  organisationId: string,
  seq: string,
): Promise<AuditRow[]> {
  return rt.database.query<AuditRow>(
    `select action, actor_user_id, entity_id, details, row_to_json(a)::text as whole
     from audit_events a where organisation_id = $1 and seq > $2 order by seq`,
    [organisationId, seq],
  );
}
/** The newest audit sequence number (entries after it are new). */
export async function lastSeq(rt: TestRuntime): Promise<string> {
  const [row] = await rt.database.query<{ seq: string }>(
    'select coalesce(max(seq), 0)::text as seq from audit_events',
  );
  return row!.seq;
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const transliteration = (given: string, family?: string) => ({
  given,
  ...(family && { family }),
  script: 'Latn',
  kind: 'transliteration',
});

/** Real-world names: each in its own script, with the Latin spelling where one is recorded. */
export const PEOPLE: Record<string, Record<string, unknown>> = {
  somchai: {
    identities: [
      { given: 'สมชาย', family: 'ใจดี', script: 'Thai' },
      transliteration('Somchai', 'Jaidee'),
    ],
    nationality: 'THA',
    birthYear: 1998,
  },
  // Khmer and Bengali transliterate well enough without a recorded Latin spelling.
  dara: { identities: [{ given: 'ដារ៉ា', family: 'សុខ', script: 'Khmr' }], nationality: 'KHM' },
  rahim: {
    identities: [{ given: 'রহিম', family: 'উদ্দিন', script: 'Beng' }],
    nationality: 'BGD',
  },
  // Burmese names have no family name.
  aung: {
    identities: [{ given: 'အောင် ထွန်း', script: 'Mymr' }, transliteration('Aung Htun')],
    nationality: 'MMR',
  },
  selam: { identities: [{ given: 'ሰላም', family: 'ተስፋዬ', script: 'Ethi' }], nationality: 'ETH' },
  wang: { identities: [{ given: '伟', family: '王', script: 'Hans' }], nationality: 'CHN' },
  an: {
    identities: [{ given: 'Văn An', family: 'Nguyễn', script: 'Latn' }],
    nationality: 'VNM',
  },
  maria: { identities: [{ given: 'Maria Luisa', family: 'Dela Cruz' }], nationality: 'PHL' },
  olena: { identities: [{ given: 'Olena', family: 'Kovalenko' }], nationality: 'UKR' },
};

/** Four people called Trần Thị Hoa (a very common name), told apart by the filters. */
export const HOA = { given: 'Thị Hoa', family: 'Trần', script: 'Latn' };
export const HOAS: Record<string, Record<string, unknown>> = {
  hoa1: { nationality: 'VNM', riskLevel: 'high', riskFactors: ['recruiter_contact'] },
  hoa2: { nationality: 'VNM', riskLevel: 'low', riskFactors: ['debt'] },
  hoa3: { nationality: 'KHM', riskLevel: 'high', caseNumber: 'HOA-0003' },
  hoa4: { nationality: 'VNM', riskLevel: 'medium', riskFactors: ['debt', 'no_support'] },
};

/** The organisation `case-search.test.ts` searches, and a second one with the same names. */
export interface SearchWorld {
  as: Record<'admin' | 'cwA' | 'cwB' | 'viewer' | 'otherAdmin', Session>;
  users: Record<'admin' | 'cwA' | 'cwB', TestUser>;
  /** Case ids of `PEOPLE` and `HOAS` by key. */
  id: Record<string, string>;
  /** Case ids of the other organisation: `somchai` and `hoa` (same case number as hoa3). */
  foreign: Record<string, string>;
}

async function searchSessions(rt: TestRuntime): Promise<Pick<SearchWorld, 'as' | 'users'>> {
  const org = await buildOrganisation(rt);
  const users = {
    admin: await buildUser(rt, org, 'admin'),
    cwA: await buildUser(rt, org, 'caseworker'),
    cwB: await buildUser(rt, org, 'caseworker'),
  };
  const viewer = await buildUser(rt, org, 'viewer');
  const otherAdmin = await buildUser(rt, await buildOrganisation(rt), 'admin');
  const as = {
    admin: await buildSession(rt, users.admin),
    cwA: await buildSession(rt, users.cwA),
    cwB: await buildSession(rt, users.cwB),
    viewer: await buildSession(rt, viewer),
    otherAdmin: await buildSession(rt, otherAdmin),
  };
  return { as, users };
}

/**
 * Registers `PEOPLE` (assigned to the admin) and `HOAS` (hoa1 and hoa3 to caseworker A, hoa2 to
 * B, hoa4 to the admin); hoa1 and hoa4 are at the return stage, hoa2 at exit and closed.
 */
export async function searchWorld(rt: TestRuntime, app: FastifyInstance): Promise<SearchWorld> {
  const { as, users } = await searchSessions(rt);
  const id: Record<string, string> = {};
  const hoaAssignee = { hoa1: users.cwA, hoa2: users.cwB, hoa3: users.cwA, hoa4: users.admin };
  const all = [
    ...Object.entries(PEOPLE).map(([k, p]) => [k, p, users.admin] as const),
    ...Object.entries(HOAS).map(
      ([k, p]) => [k, { identities: [HOA], ...p }, hoaAssignee[k as 'hoa1']] as const,
    ),
  ];
  for (const [key, payload, assignee] of all) {
    id[key] = (await registerCase(app, as.admin, { ...payload, assigneeIds: [assignee.id] })).id;
  }
  const send = async (method: string, url: string, payload: unknown) => {
    const res = await request(app, as.admin, { method, url, payload });
    if (res.statusCode >= 300) {
      throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    }
  };
  const event = (stage: string, type: string) => ({ stage, type, occurredOn: daysAgo(3) });
  await send('POST', `/api/cases/${id.hoa1}/events`, event('return', 'departure'));
  await send('POST', `/api/cases/${id.hoa2}/events`, event('exit', 'rescued'));
  await send('POST', `/api/cases/${id.hoa4}/events`, event('return', 'departure'));
  await send('PATCH', `/api/cases/${id.hoa2}`, { version: 1, status: 'closed' });
  const foreign = {
    somchai: (await registerCase(app, as.otherAdmin, PEOPLE.somchai!)).id,
    hoa: (
      await registerCase(app, as.otherAdmin, {
        identities: [HOA],
        nationality: 'VNM',
        caseNumber: 'HOA-0003',
      })
    ).id,
  };
  return { as, users, id, foreign };
}
