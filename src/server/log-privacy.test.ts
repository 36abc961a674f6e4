import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  expectProblem,
  request,
  testApp,
  type Session,
  type TestApp,
} from '@test/support/build-app.ts';
import { buildOrganisation, buildSession, buildUser } from '@test/support/factories.ts';
import { rowCount } from '@/domain/cases/case-tasks.fixtures.ts';
import { caseCount } from '@/domain/cases/cases.fixtures.ts';
import { buildApp } from '@/server/app.ts';

/**
 * Nothing a request carried reaches the server log: not through a database error (whose message,
 * query text and parameters carry the values), not through any other logging call. And the
 * inputs that used to reach the database and fail there (year 0000, NUL, forged cursors) are
 * refused by validation with a 400 naming the field.
 */
const NAME = 'Zephyrine';
const EMAIL_USER = 'zephyrine.quill';
const BAD_DATE = '0000-01-01';
const ID = '01900000-0000-7000-8000-000000000000';
const cursor = (value: string) => Buffer.from(value, 'utf8').toString('base64url');
/** Everything a test below sends that must never be written to the log. */
const SECRETS = [NAME, NAME.toLowerCase(), EMAIL_USER, BAD_DATE, '1e999', '99999999999999999999'];

let t: TestApp;
let app: FastifyInstance;
let log = '';
let admin: Session;
let orgId: string;
let caseId: string;

beforeAll(async () => {
  t = await testApp();
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      log += chunk.toString('utf8');
      done();
    },
  });
  app = await buildApp({
    database: t.runtime.database,
    cipher: t.runtime.cipher,
    logger: { level: 'debug', stream },
  });
  // A database error carrying the values in its query text, its message and its cause's message.
  app.get('/api/test/db-error', async () => {
    await app.database.db.execute(`select '${NAME} ${BAD_DATE}'::date`);
  });
  // The same error handed to every kind of logging call some code might make.
  app.get('/api/test/db-error-logged', async (req) => {
    const err: unknown = await app.database.db
      .execute(`select '${EMAIL_USER} ${BAD_DATE}'::date`)
      .catch((e: unknown) => e);
    req.log.error(err);
    req.log.error({ err }, 'query failed');
    req.log.warn({ err }, (err as Error).message);
    app.log.error({ err: (err as { cause?: unknown }).cause });
    return { ok: true };
  });
  await app.ready();
  const org = await buildOrganisation(t.runtime);
  orgId = org.id;
  admin = await buildSession(t.runtime, await buildUser(t.runtime, org, 'admin'));
  const created = await request(app, admin, {
    method: 'POST',
    url: '/api/cases',
    payload: { identities: [{ given: NAME, family: 'Quill' }] },
  });
  expect(created.statusCode, created.body).toBe(201);
  caseId = created.json().id;
});

beforeEach(() => {
  log = '';
});

afterAll(async () => {
  await app.close();
});

function expectNoSecretInLog(): void {
  for (const secret of SECRETS) {
    expect(log.includes(secret), `"${secret}" in the log:\n${log}`).toBe(false);
  }
  expect(log).not.toContain('Failed query');
  expect(log).not.toContain('::date');
}

describe('a database error in the server log', () => {
  it('names the request, route and SQLSTATE, and nothing the request carried', async () => {
    const res = await request(app, admin, { method: 'GET', url: '/api/test/db-error' });
    expectProblem(res, 500, 'internal_error');
    const requestId = (res.json() as { detail: string }).detail.split(': ')[1];
    const line = log
      .split('\n')
      .find((l) => l.includes(`"reqId":"${requestId}"`) && l.includes('"level":50'));
    expect(line, log).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({
      level: 50,
      route: '/api/test/db-error',
      method: 'GET',
      err: { sqlState: '22007' },
    });
    expectNoSecretInLog();
  });

  it('stays out of the log whichever way code logs the error', async () => {
    const res = await request(app, admin, { method: 'GET', url: '/api/test/db-error-logged' });
    expect(res.statusCode).toBe(200);
    expect(log).toContain('22007');
    expectNoSecretInLog();
  });
});

/** A forged query: [label, URL, the field the 400 must name]. */
const BAD_QUERIES: [string, () => string, string][] = [
  [
    'search cursor, overflowing score',
    () => `/api/cases?q=${NAME}&cursor=${cursor(`s|1e999|${ID}`)}`,
    'cursor',
  ],
  [
    'search cursor, underflowing score',
    () => `/api/cases?q=${NAME}&cursor=${cursor(`s|1e-400|${ID}`)}`,
    'cursor',
  ],
  [
    'list cursor in year 0000',
    () => `/api/cases?cursor=${cursor(`u|${BAD_DATE}T00:00:00.000Z|${ID}`)}`,
    'cursor',
  ],
  [
    'list cursor on 31 February',
    () => `/api/cases?cursor=${cursor(`u|2024-02-31T00:00:00.000Z|${ID}`)}`,
    'cursor',
  ],
  ['task cursor in year 0000', () => `/api/tasks?cursor=${cursor(`${BAD_DATE}|${ID}`)}`, 'cursor'],
  ['task cursor on 31 February', () => `/api/tasks?cursor=${cursor(`2024-02-31|${ID}`)}`, 'cursor'],
  [
    'task cursor without a UUID',
    () => `/api/tasks?cursor=${cursor('2024-02-01|not-a-uuid')}`,
    'cursor',
  ],
  [
    'audit cursor past bigint',
    () => `/api/audit?cursor=${cursor('99999999999999999999')}`,
    'cursor',
  ],
  ['audit cursor that is no number', () => `/api/audit?cursor=${cursor(ID)}`, 'cursor'],
  ['user cursor that is no cursor', () => `/api/users?cursor=${cursor('not a cursor')}`, 'cursor'],
  ['audit filter in year 0000', () => `/api/audit?from=${BAD_DATE}`, 'from'],
  ['audit filter past 9999 in UTC', () => '/api/audit?to=9999-12-31T23:00:00-10:00', 'to'],
  ['NUL in a query string', () => `/api/audit?actor=${EMAIL_USER}%00`, 'actor'],
  ['NUL in a path parameter', () => '/api/cases/%00', 'caseId'],
];

const CONSENT = {
  purpose: 'case_management',
  dataCategories: ['identity'],
  method: 'verbal',
  decision: 'given',
};
const EVENT = { stage: 'return', type: 'departure', occurredOn: '2025-01-01' };
/** A bad body: [label, URL, body, the field the 400 must name, the table that must not grow]. */
const BAD_BODIES: [string, () => string, Record<string, unknown>, string, string?][] = [
  [
    'birth date in year 0000',
    () => '/api/cases',
    { identities: [{ given: NAME }], birthDate: BAD_DATE },
    'birthDate',
    'cases',
  ],
  [
    'birth date before 1900',
    () => '/api/cases',
    { identities: [{ given: NAME }], birthDate: '1899-12-31' },
    'birthDate',
    'cases',
  ],
  [
    'NUL in a login e-mail',
    () => '/api/auth/login',
    { email: `${EMAIL_USER}\u0000@example.org`, password: 'x'.repeat(12) },
    'email',
  ],
  [
    'NUL in a new user',
    () => '/api/users',
    { email: `${EMAIL_USER}@example.org`, displayName: 'A\u0000B', role: 'viewer' },
    'displayName',
  ],
  [
    'event in year 0000',
    () => `/api/cases/${caseId}/events`,
    { ...EVENT, occurredOn: BAD_DATE },
    'occurredOn',
    'case_events',
  ],
  [
    'NUL in an event note',
    () => `/api/cases/${caseId}/events`,
    { ...EVENT, note: `${NAME}\u0000` },
    'note',
    'case_events',
  ],
  [
    'task due in year 0000',
    () => `/api/cases/${caseId}/tasks`,
    { title: 'Call', dueOn: BAD_DATE },
    'dueOn',
    'case_tasks',
  ],
  [
    'follow-ups from year 0000',
    () => `/api/cases/${caseId}/follow-ups`,
    { from: BAD_DATE },
    'from',
    'case_tasks',
  ],
  [
    'consent until year 0000',
    () => `/api/cases/${caseId}/consents`,
    { ...CONSENT, validUntil: BAD_DATE },
    'validUntil',
    'case_consents',
  ],
  [
    'NUL in a guardian name',
    () => `/api/cases/${caseId}/consents`,
    { ...CONSENT, guardianName: `${NAME}\u0000` },
    'guardianName',
    'case_consents',
  ],
];

function expectRefused(res: LightMyRequestResponse, field: string): void {
  const body = expectProblem(res, 400, 'validation_failed');
  const paths = body.errors?.map((e) => e.path) ?? [];
  expect(
    paths.some((p) => p.split('.').includes(field)),
    JSON.stringify(paths),
  ).toBe(true);
  expectNoSecretInLog();
}

describe('inputs that used to reach the database', () => {
  it.each(BAD_QUERIES)('refuses a %s with 400 naming the field', async (_label, url, field) => {
    expectRefused(await request(app, admin, { method: 'GET', url: url() }), field);
  });

  it.each(BAD_BODIES.map(([label, ...rest]) => [label, rest] as const))(
    'refuses a %s with 400 naming the field, and writes nothing',
    async (_label, [url, payload, field, table]) => {
      const rows = () =>
        table === 'cases'
          ? caseCount(t.runtime, orgId)
          : table
            ? rowCount(t.runtime, table, caseId)
            : 0;
      const before = await rows();
      expectRefused(await request(app, admin, { method: 'POST', url: url(), payload }), field);
      expect(await rows()).toBe(before);
    },
  );
});
