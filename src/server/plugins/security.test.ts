import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '@test/support/build-app.ts';
import { buildOrganisation, buildUser } from '@test/support/factories.ts';
import { buildApp } from '@/server/app.ts';

let t: TestApp;
let proxied: FastifyInstance;

beforeAll(async () => {
  t = await testApp();
  proxied = await buildApp({
    database: t.runtime.database,
    cipher: t.runtime.cipher,
    logger: false,
    trustProxy: 1,
  });
  await proxied.ready();
});

afterAll(async () => {
  await proxied.close();
});

function expectSecurityHeaders(res: LightMyRequestResponse): void {
  const csp = String(res.headers['content-security-policy']);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['x-frame-options']).toBe('DENY');
}

describe('security headers', () => {
  it.each([
    ['GET', '/'],
    ['GET', '/healthz'],
    ['GET', '/api/me'],
    ['GET', '/api/openapi.json'],
    ['GET', '/api/does-not-exist'],
    ['POST', '/api/auth/login'],
  ] as const)('are on %s %s', async (method, url) => {
    const res = await t.app.inject({ method, url, remoteAddress: '10.254.0.1' });
    expectSecurityHeaders(res);
    expect(res.headers['strict-transport-security']).toBeUndefined();
    if (res.statusCode >= 400) {
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('keeps API answers out of caches', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/me' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('sends HSTS only when the request came over TLS through a trusted proxy', async () => {
    const tls = await proxied.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(tls.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    expectSecurityHeaders(tls);
    const plain = await proxied.inject({ method: 'GET', url: '/healthz' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    // Without trustProxy the header is the client's word and is ignored.
    const spoofed = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
  });

  it('marks the session cookie Secure behind TLS', async () => {
    const org = await buildOrganisation(t.runtime);
    const user = await buildUser(t.runtime, org, 'viewer');
    const res = await proxied.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '10.253.1.1' },
      payload: { email: user.email, password: user.password },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'hw_session');
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict', path: '/' });
  });
});
