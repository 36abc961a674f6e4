import { beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  expectProblem,
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
  unique,
  type TestUser,
} from '@test/support/factories.ts';

/**
 * Cookie-authenticated writes need the session's X-CSRF-Token and must not come from another
 * site; API tokens are not ambient credentials and need no CSRF token.
 */
let t: TestApp;
let admin: TestUser;
let session: Session;

beforeAll(async () => {
  t = await testApp();
  const org = await buildOrganisation(t.runtime);
  admin = await buildUser(t.runtime, org, 'admin');
  session = await buildSession(t.runtime, admin);
});

const newUser = () => ({
  email: `csrf-${unique()}@test.homeward.example`,
  displayName: 'Created by CSRF',
  role: 'admin',
});

async function listedEmails(): Promise<string[]> {
  const res = await request(t.app, session, { method: 'GET', url: '/api/users?limit=100' });
  return (res.json() as { items: { email: string }[] }).items.map((u) => u.email);
}

describe('CSRF protection', () => {
  it.each([
    ['no X-CSRF-Token', { 'x-csrf-token': '' }],
    ['a wrong X-CSRF-Token', { 'x-csrf-token': 'not-the-token' }],
    ['an Origin of another site', { origin: 'https://evil.example' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }],
  ])('refuses a cookie-authenticated write with %s, writing nothing', async (_name, headers) => {
    const before = await auditCount(t.runtime, admin.organisationId);
    const payload = newUser();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      payload,
      headers: {
        cookie: `hw_session=${session.cookie}`,
        'x-csrf-token': session.csrfToken,
        ...headers,
      },
    });
    expectProblem(res, 403, 'csrf_failed');
    expect(await listedEmails()).not.toContain(payload.email);
    expect(await auditCount(t.runtime, admin.organisationId)).toBe(before);
  });

  it('checks PATCH and DELETE too, and logout', async () => {
    const noToken = { headers: { 'x-csrf-token': '' } };
    for (const [method, url] of [
      ['PATCH', '/api/organisation'],
      ['DELETE', '/api/tokens/00000000-0000-7000-8000-000000000000'],
      ['POST', '/api/auth/logout'],
    ] as const) {
      const res = await request(t.app, session, {
        method,
        url,
        ...noToken,
        ...(method === 'PATCH' && { payload: { name: 'Hijacked' } }),
      });
      expectProblem(res, 403, 'csrf_failed');
    }
    const me = await request(t.app, session, { method: 'GET', url: '/api/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().organisation.name).not.toBe('Hijacked');
  });

  it('accepts the right token from the same origin', async () => {
    const payload = newUser();
    const res = await request(t.app, session, {
      method: 'POST',
      url: '/api/users',
      payload,
      headers: { origin: 'http://localhost:80', 'sec-fetch-site': 'same-origin' },
    });
    expect(res.statusCode).toBe(201);
    expect(await listedEmails()).toContain(payload.email);
  });

  it('needs no CSRF token for reads', async () => {
    const res = await request(t.app, session, {
      method: 'GET',
      url: '/api/users',
      headers: { 'x-csrf-token': '' },
    });
    expect(res.statusCode).toBe(200);
  });

  it('needs no CSRF token with an API token', async () => {
    const created = await request(t.app, session, {
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'robot', scopes: ['read', 'write'] },
    });
    const token = created.json().token as string;
    // A token may add members, but not admins (that needs a person: see tokens.routes.test.ts).
    const payload = { ...newUser(), role: 'viewer' };
    const res = await bearer(t.app, token, { method: 'POST', url: '/api/users', payload });
    expect(res.statusCode).toBe(201);
    expect(await listedEmails()).toContain(payload.email);
  });
});
