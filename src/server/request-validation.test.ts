import { beforeAll, describe, expect, it } from 'vitest';
import {
  expectProblem,
  randomAddress,
  request,
  testApp,
  type Session,
  type TestApp,
} from '@test/support/build-app.ts';
import {
  auditCount,
  buildOrganisation,
  buildSession,
  buildUser,
  makePlatformAdmin,
  unique,
  type TestUser,
} from '@test/support/factories.ts';

/**
 * Every route with a body refuses bad input with a 4xx problem+json naming the field, and writes
 * nothing. The caller is an admin who is also a platform admin, so only the input is wrong.
 */
interface BodyRoute {
  name: string;
  method: 'POST' | 'PATCH';
  url: () => string;
  /** Field → value pairs that are each wrong on their own. */
  invalid: Record<string, unknown>[];
  valid: () => Record<string, unknown>;
}

let t: TestApp;
let admin: TestUser;
let member: TestUser;
let session: Session;

const long = (n: number) => 'x'.repeat(n);

const ROUTES: BodyRoute[] = [
  {
    name: 'POST /api/auth/login',
    method: 'POST',
    url: () => '/api/auth/login',
    valid: () => ({ email: 'someone@test.homeward.example', password: 'a-password-here' }),
    invalid: [{ email: 42 }, { password: ['x'] }, { email: long(300) }, { totp: '12ab56' }],
  },
  {
    name: 'POST /api/auth/totp/confirm',
    method: 'POST',
    url: () => '/api/auth/totp/confirm',
    valid: () => ({ code: '123456' }),
    invalid: [{ code: 123456 }, { code: long(5000) }],
  },
  {
    name: 'POST /api/auth/reauth',
    method: 'POST',
    url: () => '/api/auth/reauth',
    valid: () => ({ password: admin.password }),
    invalid: [{ password: true }, { password: long(257) }, { code: 123456 }, { code: long(65) }],
  },
  {
    name: 'POST /api/me/password',
    method: 'POST',
    url: () => '/api/me/password',
    valid: () => ({ currentPassword: admin.password, newPassword: `${admin.password}-x` }),
    invalid: [{ currentPassword: 1 }, { newPassword: 'short' }, { newPassword: long(257) }],
  },
  {
    name: 'POST /api/users',
    method: 'POST',
    url: () => '/api/users',
    valid: () => ({
      email: `valid-${unique()}@test.homeward.example`,
      displayName: 'Valid',
      role: 'viewer',
    }),
    invalid: [
      { role: 'superuser' },
      { email: 'not-an-email' },
      { displayName: long(201) },
      { displayName: 'bell\u0007' },
      { password: 'short' },
    ],
  },
  {
    name: 'PATCH /api/users/:userId',
    method: 'PATCH',
    url: () => `/api/users/${member.id}`,
    valid: () => ({ displayName: 'Renamed' }),
    invalid: [{ disabled: 'yes' }, { role: 'owner' }, { displayName: '' }],
  },
  {
    name: 'PATCH /api/organisation',
    method: 'PATCH',
    url: () => '/api/organisation',
    valid: () => ({ name: `Org ${unique()}` }),
    invalid: [{ requireTotp: 'true' }, { name: long(201) }, { name: 'nul\u0000byte' }],
  },
  {
    name: 'POST /api/organisations',
    method: 'POST',
    url: () => '/api/organisations',
    valid: () => ({ name: `Org ${unique()}`, country: 'THA' }),
    invalid: [{ country: 'tha' }, { type: 'company' }, { name: 7 }],
  },
  {
    name: 'POST /api/tokens',
    method: 'POST',
    url: () => '/api/tokens',
    valid: () => ({ name: 'ci' }),
    invalid: [{ scopes: ['admin'] }, { expiresInDays: 1000 }, { expiresInDays: 1.5 }, { name: '' }],
  },
];

beforeAll(async () => {
  t = await testApp();
  const org = await buildOrganisation(t.runtime);
  admin = await buildUser(t.runtime, org, 'admin');
  member = await buildUser(t.runtime, org, 'caseworker');
  await makePlatformAdmin(t.runtime, admin);
  session = await buildSession(t.runtime, admin);
});

function send(route: BodyRoute, payload: string, contentType = 'application/json') {
  return request(t.app, route.name === 'POST /api/auth/login' ? null : session, {
    method: route.method,
    url: route.url(),
    payload,
    headers: { 'content-type': contentType },
    remoteAddress: randomAddress(),
  });
}

describe.each(ROUTES.map((r) => [r.name, r] as const))('%s', (_name, route) => {
  it('refuses malformed JSON, other content types and oversize bodies, writing nothing', async () => {
    const before = await auditCount(t.runtime, admin.organisationId);
    expectProblem(await send(route, '{bad'), 400, 'malformed_json');
    expectProblem(await send(route, ''), 400, 'malformed_json');
    expectProblem(
      await send(route, JSON.stringify(route.valid()), 'text/plain'),
      415,
      'unsupported_media_type',
    );
    expectProblem(await send(route, '<a/>', 'application/xml'), 415, 'unsupported_media_type');
    const huge = JSON.stringify({ ...route.valid(), name: long(1024 * 1024 + 10) });
    expectProblem(await send(route, huge), 413, 'payload_too_large');
    expect(await auditCount(t.runtime, admin.organisationId)).toBe(before);
  });

  it('names unknown fields (schemas are strict) and wrongly typed fields', async () => {
    const before = await auditCount(t.runtime, admin.organisationId);
    const unknown = await send(route, JSON.stringify({ ...route.valid(), isAdmin: true }));
    const body = expectProblem(unknown, 400, 'validation_failed');
    expect(body.errors?.map((e) => e.path)).toContain('body.isAdmin');
    for (const bad of route.invalid) {
      const res = await send(route, JSON.stringify({ ...route.valid(), ...bad }));
      const problem = expectProblem(res, 400, 'validation_failed');
      const field = Object.keys(bad)[0]!;
      expect(problem.errors?.map((e) => e.path.split('.').slice(0, 2).join('.'))).toContain(
        `body.${field}`,
      );
    }
    const notAnObject = await send(route, JSON.stringify(['a', 'list']));
    expectProblem(notAnObject, 400, 'validation_failed');
    expect(await auditCount(t.runtime, admin.organisationId)).toBe(before);
  });
});

describe('query strings', () => {
  it.each([
    ['/api/users?limit=abc', 'querystring.limit'],
    ['/api/users?limit=1000', 'querystring.limit'],
    ['/api/users?role=admin', 'querystring.role'],
    ['/api/audit?from=yesterday', 'querystring.from'],
    ['/api/audit?limit=0', 'querystring.limit'],
    [`/api/audit?actor=${long(400)}`, 'querystring.actor'],
  ])('refuses %s', async (url, path) => {
    const res = await request(t.app, session, { method: 'GET', url });
    const body = expectProblem(res, 400, 'validation_failed');
    expect(body.errors?.map((e) => e.path)).toContain(path);
  });
});
