import { beforeAll, describe, expect, it } from 'vitest';
import { login, request, testApp, type TestApp } from '@test/support/build-app.ts';
import { buildOrganisation, buildUser } from '@test/support/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

describe('POST /api/auth/login', () => {
  it('logs in and returns the user, organisation and role with a session cookie', async () => {
    const org = await buildOrganisation(t.runtime);
    const user = await buildUser(t.runtime, org, 'caseworker');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email.toUpperCase(), password: user.password },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.organisation.id).toBe(org.id);
    expect(body.role).toBe('caseworker');
    const cookie = res.cookies.find((c) => c.name === 'hw_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    const me = await request(
      t.app,
      { cookie: cookie!.value, csrfToken: body.csrfToken },
      {
        method: 'GET',
        url: '/api/me',
      },
    );
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(user.email);
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const org = await buildOrganisation(t.runtime);
    const user = await buildUser(t.runtime, org, 'viewer');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: 'not-the-password-1' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody-here@test.homeward.example', password: 'not-the-password-1' },
    });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('invalid_credentials');
    }
    expect(wrong.json().title).toBe(unknown.json().title);
  });

  it('logs out', async () => {
    const org = await buildOrganisation(t.runtime);
    const user = await buildUser(t.runtime, org, 'admin');
    const s = await login(t.app, user.email, user.password);
    const out = await request(t.app, s, { method: 'POST', url: '/api/auth/logout' });
    expect(out.statusCode).toBe(204);
    const me = await request(t.app, s, { method: 'GET', url: '/api/me' });
    expect(me.statusCode).toBe(401);
  });
});
