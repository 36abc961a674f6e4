import { beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  expectProblem,
  login,
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
  buildTeam,
  type TestUser,
} from '@test/support/factories.ts';
import { ROLES } from '@/policy/roles.ts';

/**
 * Display preferences live on the server (issue 9, item 3): nothing about them is stored on the
 * device, they survive logout, and only the three known keys with their known values are taken.
 */
let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

function patch(session: Session | null, payload: unknown, headers: Record<string, string> = {}) {
  return request(t.app, session, {
    method: 'PATCH',
    url: '/api/me/preferences',
    payload: payload as Record<string, unknown>,
    headers,
  });
}

async function preferencesOf(session: Session): Promise<unknown> {
  const res = await request(t.app, session, { method: 'GET', url: '/api/me' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().preferences;
}

async function storedOf(user: TestUser): Promise<unknown> {
  const [row] = await t.runtime.database.query<{ preferences: unknown }>(
    'select preferences from users where id = $1',
    [user.id],
  );
  return row?.preferences;
}

describe('PATCH /api/me/preferences', () => {
  it.each(ROLES)('lets a %s keep preferences across logout, merged key by key', async (role) => {
    const org = await buildOrganisation(t.runtime);
    const user = await buildUser(t.runtime, org, role);
    const first = await login(t.app, user.email, user.password);
    expect(await preferencesOf(first)).toEqual({});

    const res = await patch(first, { hideNames: true, calendar: 'buddhist' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ hideNames: true, calendar: 'buddhist' });
    const again = await patch(first, { language: 'km' });
    expect(again.json()).toEqual({ hideNames: true, calendar: 'buddhist', language: 'km' });

    await request(t.app, first, { method: 'POST', url: '/api/auth/logout' });
    const second = await login(t.app, user.email, user.password);
    expect(await preferencesOf(second)).toEqual({
      hideNames: true,
      calendar: 'buddhist',
      language: 'km',
    });
  });

  it('forgets the calendar choice on calendar: null, keeping the other keys', async () => {
    const org = await buildOrganisation(t.runtime);
    const user = await buildUser(t.runtime, org, 'caseworker');
    const s = await buildSession(t.runtime, user);
    await patch(s, { hideNames: true, calendar: 'buddhist' });
    const res = await patch(s, { calendar: null });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ hideNames: true });
    expect(await storedOf(user)).toEqual({ hideNames: true });
    expect(await preferencesOf(s)).toEqual({ hideNames: true });
  });

  it('changes only the caller: a colleague and another organisation keep theirs', async () => {
    const { users } = await buildTeam(t.runtime);
    const other = await buildUser(t.runtime, await buildOrganisation(t.runtime), 'caseworker');
    const mine = await buildSession(t.runtime, users.caseworker);
    await patch(mine, { hideNames: true });
    expect(await storedOf(users.supervisor)).toEqual({});
    expect(await storedOf(other)).toEqual({});
  });

  it('records who changed which keys in the audit log, without values', async () => {
    const org = await buildOrganisation(t.runtime);
    const user = await buildUser(t.runtime, org, 'viewer');
    const s = await buildSession(t.runtime, user);
    await patch(s, { language: 'th', hideNames: false });
    const rows = await t.runtime.database.query<{ action: string; details: unknown }>(
      `select action, details from audit_events
       where organisation_id = $1 and entity_id = $2 order by seq desc limit 1`,
      [org.id, user.id],
    );
    expect(rows[0]).toEqual({
      action: 'user.preferences_update',
      details: { fields: ['hideNames', 'language'] },
    });
  });

  it.each([
    ['an unknown key', { hideNames: true, theme: 'dark' }],
    ['a string for hideNames', { hideNames: 'yes' }],
    ['a calendar it does not offer', { calendar: 'islamic' }],
    ['a language the UI does not have', { language: 'fr' }],
    ['a null language', { language: null }],
    ['nothing to change', {}],
    ['an array', [{ hideNames: true }]],
  ])('refuses %s with 400 and changes nothing', async (_label, payload) => {
    const org = await buildOrganisation(t.runtime);
    const user = await buildUser(t.runtime, org, 'caseworker');
    const s = await buildSession(t.runtime, user);
    const before = await auditCount(t.runtime, org.id);
    expectProblem(await patch(s, payload), 400, 'validation_failed');
    expect(await storedOf(user)).toEqual({});
    expect(await auditCount(t.runtime, org.id)).toBe(before);
  });

  it('refuses malformed JSON and an oversize body', async () => {
    const user = await buildUser(t.runtime, await buildOrganisation(t.runtime), 'caseworker');
    const s = await buildSession(t.runtime, user);
    const malformed = await request(t.app, s, {
      method: 'PATCH',
      url: '/api/me/preferences',
      payload: '{"hideNames": tru',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(malformed, 400, 'malformed_json');
    const huge = await patch(s, { hideNames: true, pad: 'x'.repeat(1_100_000) });
    expectProblem(huge, 413, 'payload_too_large');
    expect(await storedOf(user)).toEqual({});
  });

  it('needs a session and its CSRF token', async () => {
    expectProblem(await patch(null, { hideNames: true }), 401, 'unauthenticated');
    const user = await buildUser(t.runtime, await buildOrganisation(t.runtime), 'admin');
    const s = await buildSession(t.runtime, user);
    const res = await patch(s, { hideNames: true }, { 'x-csrf-token': 'not-the-token' });
    expect(res.statusCode).toBe(403);
    expect(await storedOf(user)).toEqual({});
  });

  it('is open to a write token, not to a read-only one', async () => {
    const user = await buildUser(t.runtime, await buildOrganisation(t.runtime), 'caseworker');
    const s = await buildSession(t.runtime, user);
    const token = async (scopes: string[]) => {
      const res = await request(t.app, s, {
        method: 'POST',
        url: '/api/tokens',
        payload: { name: `prefs ${scopes.join(' ')}`, scopes },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().token as string;
    };
    const send = (value: string, payload: unknown) =>
      bearer(t.app, value, {
        method: 'PATCH',
        url: '/api/me/preferences',
        payload: payload as Record<string, unknown>,
      });
    expectProblem(await send(await token(['read']), { hideNames: true }), 403, 'forbidden');
    expect(await storedOf(user)).toEqual({});
    const res = await send(await token(['read', 'write']), { calendar: 'gregory' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await storedOf(user)).toEqual({ calendar: 'gregory' });
  });
});

describe('GET /api/me preferences', () => {
  it('drops stored values the UI does not know instead of failing', async () => {
    const user = await buildUser(t.runtime, await buildOrganisation(t.runtime), 'supervisor');
    await t.runtime.database.query('update users set preferences = $1::jsonb where id = $2', [
      JSON.stringify({ hideNames: 'x', calendar: 'julian', language: 'th', theme: 'dark' }),
      user.id,
    ]);
    const s = await buildSession(t.runtime, user);
    expect(await preferencesOf(s)).toEqual({ language: 'th' });
  });
});
