import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, testApp, type Session, type TestApp } from '@test/support/build-app.ts';
import { statementsDuring } from '@test/support/db-watch.ts';
import { buildOrganisation, buildSession, buildUser } from '@test/support/factories.ts';
import { buildApp } from '@/server/app.ts';

/**
 * Everything under /api/public/ is anonymous by construction: a session cookie or an API token
 * is not even looked up (no database statement), the caller is anonymous, no CSRF token is
 * asked for, and no cookie is set.
 */
let t: TestApp;
let app: FastifyInstance;
let session: Session;

beforeAll(async () => {
  t = await testApp();
  app = await buildApp({ database: t.runtime.database, cipher: t.runtime.cipher, logger: false });
  app.post('/api/public/test-whoami', async (req) => ({ kind: req.actor.kind }));
  await app.ready();
  session = await buildSession(
    t.runtime,
    await buildUser(t.runtime, await buildOrganisation(t.runtime), 'admin'),
  );
});

afterAll(async () => {
  await app.close();
});

describe('/api/public/', () => {
  it('ignores a valid session cookie: no lookup, no CSRF token asked for, anonymous', async () => {
    let status = 0;
    let body: unknown;
    const statements = await statementsDuring(async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/public/test-whoami',
        headers: { cookie: `hw_session=${session.cookie}`, origin: 'http://localhost:80' },
        payload: {},
      });
      status = res.statusCode;
      body = res.json();
      expect(res.headers['set-cookie']).toBeUndefined();
    });
    expect(status).toBe(200);
    expect(body).toEqual({ kind: 'anonymous' });
    expect(statements).toBe(0);
  });

  it('ignores an Authorization header too', async () => {
    const statements = await statementsDuring(async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/public/test-whoami',
        headers: { authorization: 'Bearer hwt_a-well-formed-token-that-would-be-looked-up' },
        payload: {},
      });
      expect(res.json()).toEqual({ kind: 'anonymous' });
    });
    expect(statements).toBe(0);
  });

  it('while the same cookie elsewhere is looked up (the count sees the session query)', async () => {
    let status = 0;
    const statements = await statementsDuring(async () => {
      status = (await request(app, session, { method: 'GET', url: '/api/me' })).statusCode;
    });
    expect(status).toBe(200);
    expect(statements).toBeGreaterThan(0);
  });

  it('still refuses a write from another site (the same-origin check applies)', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/public/test-whoami',
      headers: { 'sec-fetch-site': 'cross-site' },
      payload: {},
    });
    expect(res.statusCode).toBe(403);
  });
});
