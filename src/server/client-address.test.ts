import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomAddress, request, testApp, type TestApp } from '@test/support/build-app.ts';
import {
  buildOrganisation,
  buildSession,
  buildUser,
  unique,
  type TestUser,
} from '@test/support/factories.ts';
import type { TrustProxy } from '@/lib/config.ts';
import { buildApp } from '@/server/app.ts';

/**
 * The client address that login throttling counts and the audit log records: behind a trusted
 * proxy, the address that proxy saw (the last X-Forwarded-For entry it appended), never an entry
 * the client wrote itself; without a trusted proxy, the socket's peer.
 */
let t: TestApp;
let oneHop: FastifyInstance;
let listed: FastifyInstance;
let admin: TestUser;
let member: TestUser;

const PROXY = '10.99.0.1';

async function appTrusting(trustProxy: TrustProxy): Promise<FastifyInstance> {
  const app = await buildApp({
    database: t.runtime.database,
    cipher: t.runtime.cipher,
    logger: false,
    trustProxy,
  });
  await app.ready();
  return app;
}

beforeAll(async () => {
  t = await testApp();
  oneHop = await appTrusting(1);
  listed = await appTrusting([PROXY, '192.168.0.0/16']);
  const org = await buildOrganisation(t.runtime);
  admin = await buildUser(t.runtime, org, 'admin');
  member = await buildUser(t.runtime, org, 'viewer');
});

afterAll(async () => {
  await oneHop.close();
  await listed.close();
});

/** A wrong-password login for `member`, sent from `from` with `X-Forwarded-For: forwarded`. */
function failedLogin(app: FastifyInstance, from: string, forwarded?: string, email = member.email) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: from,
    headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
    payload: { email, password: `wrong-${unique()}` },
  });
}

/** The address the audit log recorded for the newest failed login of `member`. */
async function auditedAddress(): Promise<string | null> {
  const session = await buildSession(t.runtime, admin);
  const res = await request(t.app, session, {
    method: 'GET',
    url: `/api/audit?action=auth.login_failed&entityId=${member.id}&limit=1`,
  });
  expect(res.statusCode, res.body).toBe(200);
  const [newest] = (res.json() as { items: { ip: string | null }[] }).items;
  return newest?.ip ?? null;
}

describe('behind one trusted proxy hop', () => {
  it('records the address the proxy appended, not the one the client wrote', async () => {
    const client = randomAddress();
    const res = await failedLogin(oneHop, PROXY, `6.6.6.6, ${client}`);
    expect(res.statusCode).toBe(401);
    expect(await auditedAddress()).toBe(client);
  });

  it('counts failed logins per real address, whatever the client puts in front of it', async () => {
    const client = randomAddress();
    let status = 0;
    let attempts = 0;
    // A fresh unknown e-mail and a fresh forged entry each time: only the address can lock.
    while (status !== 429 && attempts < 100) {
      const res = await failedLogin(
        oneHop,
        PROXY,
        `${randomAddress()}, ${client}`,
        `${unique()}@x.example`,
      );
      status = res.statusCode;
      attempts += 1;
    }
    expect(status).toBe(429);
    const other = await failedLogin(
      oneHop,
      PROXY,
      `6.6.6.6, ${randomAddress()}`,
      `${unique()}@x.example`,
    );
    expect(other.statusCode).toBe(401);
  });
});

describe('behind proxies named by address', () => {
  it('believes X-Forwarded-For from a listed proxy', async () => {
    const client = randomAddress();
    await failedLogin(listed, '192.168.7.7', `6.6.6.6, ${client}`);
    expect(await auditedAddress()).toBe(client);
  });

  it('ignores X-Forwarded-For from anyone else', async () => {
    const direct = randomAddress();
    await failedLogin(listed, direct, '6.6.6.6');
    expect(await auditedAddress()).toBe(direct);
  });
});

describe('without a trusted proxy (the default)', () => {
  it('ignores X-Forwarded-For and records the peer address', async () => {
    const peer = randomAddress();
    await failedLogin(t.app, peer, `6.6.6.6, ${randomAddress()}`);
    expect(await auditedAddress()).toBe(peer);
  });

  it('sends no HSTS for a client that claims https', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      remoteAddress: PROXY,
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('HTTPS detection through a trusted proxy', () => {
  it.each([
    ['one hop', () => oneHop],
    ['a listed proxy', () => listed],
  ])('sends HSTS and a Secure cookie behind %s', async (_label, app) => {
    const res = await app().inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: PROXY,
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': randomAddress() },
      payload: { email: admin.email, password: admin.password },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    expect(res.cookies.find((c) => c.name === 'hw_session')).toMatchObject({ secure: true });
  });

  it('does not believe X-Forwarded-Proto from a peer that is not a listed proxy', async () => {
    const res = await listed.inject({
      method: 'GET',
      url: '/healthz',
      remoteAddress: randomAddress(),
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});
