import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  clockedApp,
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
import { sha256Hex } from '@/lib/crypto.ts';
import type { Organisation } from '@/domain/auth/index.ts';
import type { Role } from '@/policy/roles.ts';

const DAY = 86_400_000;

let t: TestApp;

beforeAll(async () => {
  t = await testApp();
});

async function member(
  role: Role = 'admin',
): Promise<{ org: Organisation; user: TestUser; session: Session }> {
  const org = await buildOrganisation(t.runtime);
  const user = await buildUser(t.runtime, org, role);
  return { org, user, session: await buildSession(t.runtime, user) };
}

async function createToken(
  s: Session,
  payload: Record<string, unknown> = { name: 'robot' },
  app: FastifyInstance = t.app,
): Promise<{ token: string; id: string }> {
  const res = await request(app, s, { method: 'POST', url: '/api/tokens', payload });
  expect(res.statusCode).toBe(201);
  const body = res.json() as { token: string; item: { id: string } };
  return { token: body.token, id: body.item.id };
}

const newUser = () => ({
  email: `tok-${unique()}@test.homeward.example`,
  displayName: 'Via token',
  role: 'viewer',
});

describe('POST /api/tokens', () => {
  it('returns the secret once, read-only and 90 days by default', async () => {
    const { session } = await member();
    const res = await request(t.app, session, {
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'Reporting' },
    });
    expect(res.statusCode).toBe(201);
    const { token, item } = res.json();
    expect(token).toMatch(/^hwt_[A-Za-z0-9_-]{40,}$/);
    expect(item).toMatchObject({ name: 'Reporting', scopes: ['read'], revokedAt: null });
    const days = (Date.parse(item.expiresAt) - Date.parse(item.createdAt)) / DAY;
    expect(days).toBe(90);
    const me = await bearer(t.app, token, { method: 'GET', url: '/api/me' });
    expect(me.statusCode).toBe(200);
  });
});

describe('using a token', () => {
  it('a read token can read but not write, and writes nothing', async () => {
    const { user, session } = await member('admin');
    const { token } = await createToken(session);
    expect((await bearer(t.app, token, { method: 'GET', url: '/api/users' })).statusCode).toBe(200);
    const before = await auditCount(t.runtime, user.organisationId);
    for (const [method, url, payload, code] of [
      ['POST', '/api/users', newUser(), 'forbidden'],
      ['PATCH', '/api/organisation', { name: 'Changed by token' }, 'forbidden'],
      ['POST', '/api/auth/totp/setup', undefined, 'session_required'],
      ['POST', '/api/auth/logout-all', undefined, 'session_required'],
    ] as const) {
      const res = await bearer(t.app, token, { method, url, ...(payload && { payload }) });
      expectProblem(res, 403, code);
    }
    expect(await auditCount(t.runtime, user.organisationId)).toBe(before);
  });

  it('a write token can write, but never more than its owner’s role', async () => {
    const admin = await member('admin');
    const { token } = await createToken(admin.session, { name: 'rw', scopes: ['read', 'write'] });
    const created = await bearer(t.app, token, {
      method: 'POST',
      url: '/api/users',
      payload: newUser(),
    });
    expect(created.statusCode).toBe(201);

    const viewer = await member('viewer');
    const weak = await createToken(viewer.session, { name: 'rw', scopes: ['read', 'write'] });
    const refused = await bearer(t.app, weak.token, {
      method: 'POST',
      url: '/api/users',
      payload: newUser(),
    });
    expectProblem(refused, 403, 'forbidden');
  });

  it('a token cannot manage tokens', async () => {
    const { session } = await member();
    const { token, id } = await createToken(session, { name: 'rw', scopes: ['read', 'write'] });
    expectProblem(
      await bearer(t.app, token, { method: 'GET', url: '/api/tokens' }),
      403,
      'session_required',
    );
    const more = await bearer(t.app, token, {
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'child' },
    });
    expectProblem(more, 403, 'session_required');
    const revoke = await bearer(t.app, token, { method: 'DELETE', url: `/api/tokens/${id}` });
    expectProblem(revoke, 403, 'session_required');
  });

  it('refuses unknown, malformed and revoked tokens', async () => {
    const { session } = await member();
    const { token, id } = await createToken(session);
    for (const bad of ['hwt_made-up', 'not-a-token', `${token}x`, 'hwt_'.padEnd(500, 'a')]) {
      expectProblem(
        await bearer(t.app, bad, { method: 'GET', url: '/api/me' }),
        401,
        'unauthenticated',
      );
    }
    const revoked = await request(t.app, session, { method: 'DELETE', url: `/api/tokens/${id}` });
    expect(revoked.statusCode).toBe(204);
    expectProblem(
      await bearer(t.app, token, { method: 'GET', url: '/api/me' }),
      401,
      'unauthenticated',
    );
    const list = await request(t.app, session, { method: 'GET', url: '/api/tokens' });
    expect(list.json().items[0]).toMatchObject({ id, revokedAt: expect.any(String) });
  });

  it('stops working when it expires or its owner is disabled', async () => {
    const { app, clock } = await clockedApp(t.runtime);
    try {
      const org = await buildOrganisation(t.runtime);
      const admin = await buildSession(t.runtime, await buildUser(t.runtime, org, 'admin'));
      const owner = await buildUser(t.runtime, org, 'caseworker');
      const ownerSession = await buildSession(t.runtime, owner);
      const short = await createToken(ownerSession, { name: 'short', expiresInDays: 1 }, app);
      const long = await createToken(ownerSession, { name: 'long' }, app);
      clock.advance(DAY - 60_000);
      expect((await bearer(app, short.token, { method: 'GET', url: '/api/me' })).statusCode).toBe(
        200,
      );
      clock.advance(120_000);
      const expired = await bearer(app, short.token, { method: 'GET', url: '/api/me' });
      expectProblem(expired, 401, 'unauthenticated');

      await request(t.app, admin, {
        method: 'PATCH',
        url: `/api/users/${owner.id}`,
        payload: { disabled: true },
      });
      const disabled = await bearer(app, long.token, { method: 'GET', url: '/api/me' });
      expectProblem(disabled, 401, 'unauthenticated');
    } finally {
      await app.close();
    }
  });
});

describe('tokens and required 2FA', () => {
  it('a token stops working while its owner has not enrolled in a 2FA the organisation requires', async () => {
    const { user, session } = await member('admin');
    const { token } = await createToken(session);
    const me = () => bearer(t.app, token, { method: 'GET', url: '/api/me' });
    expect((await me()).statusCode).toBe(200);
    const required = await request(t.app, session, {
      method: 'PATCH',
      url: '/api/organisation',
      payload: { requireTotp: true },
    });
    expect(required.statusCode, required.body).toBe(200);
    expectProblem(await me(), 401, 'unauthenticated');
    // Once the owner has a 2FA secret (as after enrolment), the token works again.
    await t.runtime.database.query(`update users set totp_secret_enc = 'enrolled' where id = $1`, [
      user.id,
    ]);
    expect((await me()).statusCode).toBe(200);
  });
});

describe('GET /api/tokens', () => {
  it('lists only the caller’s tokens and never a secret', async () => {
    const { org, session } = await member();
    const colleague = await buildSession(t.runtime, await buildUser(t.runtime, org, 'admin'));
    const mine = await createToken(session);
    const theirs = await createToken(colleague);
    const res = await request(t.app, session, { method: 'GET', url: '/api/tokens' });
    expect(res.statusCode).toBe(200);
    const ids = (res.json().items as { id: string }[]).map((i) => i.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    expect(res.body).not.toContain(mine.token);
    expect(res.body).not.toContain(mine.token.slice(4));
    expect(res.body).not.toContain(sha256Hex(mine.token));
    expect(res.body).not.toMatch(/hwt_/);
  });
});

describe('DELETE /api/tokens/:tokenId', () => {
  it('answers another user’s or organisation’s token like an unknown one, changing nothing', async () => {
    const owner = await member('admin');
    const { token, id } = await createToken(owner.session);
    const sameOrg = await buildSession(t.runtime, await buildUser(t.runtime, owner.org, 'admin'));
    const otherOrg = await member('admin');
    for (const s of [sameOrg, otherOrg.session]) {
      const res = await request(t.app, s, { method: 'DELETE', url: `/api/tokens/${id}` });
      expectProblem(res, 404, 'token_not_found');
    }
    expect((await bearer(t.app, token, { method: 'GET', url: '/api/me' })).statusCode).toBe(200);
  });
});
