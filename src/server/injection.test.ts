import { beforeAll, describe, expect, it } from 'vitest';
import {
  expectProblem,
  loginRequest,
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

const SQL = "'; drop table users; --";
const SCRIPT = '<script>alert(1)</script>';

let t: TestApp;
let admin: TestUser;
let session: Session;

beforeAll(async () => {
  t = await testApp();
  const org = await buildOrganisation(t.runtime);
  admin = await buildUser(t.runtime, org, 'admin');
  session = await buildSession(t.runtime, admin);
});

async function usersTableRows(): Promise<number> {
  const [row] = await t.runtime.database.query<{ n: number }>(
    'select count(*)::int as n from users',
  );
  return row!.n;
}

describe('hostile text', () => {
  it.each([SQL, SCRIPT])('stores %s in a name as inert text', async (text) => {
    const created = await request(t.app, session, {
      method: 'POST',
      url: '/api/users',
      payload: { email: `x-${unique()}@test.homeward.example`, displayName: text, role: 'viewer' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers['content-type']).toContain('application/json');
    expect(created.json().user.displayName).toBe(text);
    expect(await usersTableRows()).toBeGreaterThan(0);

    const renamed = await request(t.app, session, {
      method: 'PATCH',
      url: '/api/organisation',
      payload: { name: `${text} ${unique()}` },
    });
    expect(renamed.statusCode).toBe(200);
    const org = await request(t.app, session, { method: 'GET', url: '/api/organisation' });
    expect(org.json().name.startsWith(text)).toBe(true);
  });

  it('treats SQL in login and filters as plain values', async () => {
    const res = await loginRequest(t.app, { email: `admin' or '1'='1`, password: SQL });
    expectProblem(res, 401, 'invalid_credentials');
    const audit = await request(t.app, session, {
      method: 'GET',
      url: `/api/audit?actor=${encodeURIComponent("x' or 1=1 --")}&action=${encodeURIComponent(SQL)}`,
    });
    expect(audit.statusCode).toBe(200);
    expect(audit.json().items).toEqual([]);
    expect(await usersTableRows()).toBeGreaterThan(0);
  });

  it('refuses an email address carrying script or SQL', async () => {
    const before = await auditCount(t.runtime, admin.organisationId);
    for (const email of [`${SCRIPT}@x.example`, `a${SQL}@x.example`]) {
      const res = await request(t.app, session, {
        method: 'POST',
        url: '/api/users',
        payload: { email, displayName: 'Eve', role: 'viewer' },
      });
      expectProblem(res, 400, 'validation_failed');
    }
    expect(await auditCount(t.runtime, admin.organisationId)).toBe(before);
  });
});

describe('ids in the URL', () => {
  it.each([
    ['PATCH', '/api/users/not-a-uuid', { displayName: 'X' }, 'user_not_found'],
    ['PATCH', `/api/users/${encodeURIComponent(SQL)}`, { displayName: 'X' }, 'user_not_found'],
    ['POST', '/api/users/12345/reset-2fa', undefined, 'user_not_found'],
    ['DELETE', '/api/tokens/1%20or%201%3D1', undefined, 'token_not_found'],
    ['DELETE', '/api/tokens/00000000-0000-7000-8000-000000000000', undefined, 'token_not_found'],
  ] as const)('%s %s is 404 and writes nothing', async (method, url, payload, code) => {
    const before = await auditCount(t.runtime, admin.organisationId);
    const res = await request(t.app, session, { method, url, ...(payload && { payload }) });
    expectProblem(res, 404, code);
    expect(await auditCount(t.runtime, admin.organisationId)).toBe(before);
  });

  it('refuses an id longer than any real id', async () => {
    const res = await request(t.app, session, {
      method: 'PATCH',
      url: `/api/users/${'a'.repeat(100)}`,
      payload: { displayName: 'X' },
    });
    const body = expectProblem(res, 400, 'validation_failed');
    expect(body.errors?.map((e) => e.path)).toContain('params.userId');
  });
});
