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
import type { Organisation } from './organisations.schema.ts';

let t: TestApp;

beforeAll(async () => {
  t = await testApp();
});

async function adminOfNewOrg(): Promise<{ org: Organisation; admin: TestUser; session: Session }> {
  const org = await buildOrganisation(t.runtime);
  const admin = await buildUser(t.runtime, org, 'admin');
  return { org, admin, session: await buildSession(t.runtime, admin) };
}

const email = () => `member-${unique()}@test.homeward.example`;

async function listEmails(s: Session): Promise<string[]> {
  const res = await request(t.app, s, { method: 'GET', url: '/api/users?limit=100' });
  expect(res.statusCode).toBe(200);
  return (res.json().items as { email: string }[]).map((u) => u.email);
}

describe('POST /api/users', () => {
  it('adds a member with the given password, who can then log in', async () => {
    const { session } = await adminOfNewOrg();
    const payload = {
      email: email(),
      displayName: 'Ana',
      role: 'caseworker',
      password: `pw-${unique()}-x`,
    };
    const res = await request(t.app, session, { method: 'POST', url: '/api/users', payload });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      temporaryPassword: null,
      user: {
        email: payload.email,
        displayName: 'Ana',
        role: 'caseworker',
        disabled: false,
        totpEnabled: false,
      },
    });
    expect(res.body).not.toContain('argon2');
    expect(res.body).not.toContain(payload.password);
    const login = await loginRequest(t.app, { email: payload.email, password: payload.password });
    expect(login.statusCode).toBe(200);
    expect(login.json().role).toBe('caseworker');
    expect(await listEmails(session)).toContain(payload.email);
  });

  it('generates a strong password when none is given, and it works', async () => {
    const { session } = await adminOfNewOrg();
    const address = email();
    const res = await request(t.app, session, {
      method: 'POST',
      url: '/api/users',
      payload: { email: `  ${address.toUpperCase()} `, displayName: 'Ben', role: 'viewer' },
    });
    expect(res.statusCode).toBe(201);
    const { temporaryPassword, user } = res.json();
    expect(user.email).toBe(address);
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/);
    const login = await loginRequest(t.app, { email: address, password: temporaryPassword });
    expect(login.statusCode).toBe(200);
  });

  it.each(['password1234', 'aaaaaaaaaaaa', 'qwertyuiop123'])(
    'refuses the common password %s, creating nothing',
    async (password) => {
      const { admin, session } = await adminOfNewOrg();
      const before = await auditCount(t.runtime, admin.organisationId);
      const address = email();
      const res = await request(t.app, session, {
        method: 'POST',
        url: '/api/users',
        payload: { email: address, displayName: 'Weak', role: 'viewer', password },
      });
      const body = expectProblem(res, 400, 'weak_password');
      expect(body.errors?.[0]?.path).toBe('password');
      expect(await listEmails(session)).not.toContain(address);
      expect(await auditCount(t.runtime, admin.organisationId)).toBe(before);
    },
  );

  it('refuses a password made of the email address', async () => {
    const { session } = await adminOfNewOrg();
    const local = `karen${unique()}`;
    const res = await request(t.app, session, {
      method: 'POST',
      url: '/api/users',
      payload: {
        email: `${local}@test.homeward.example`,
        displayName: 'K',
        role: 'viewer',
        password: `${local}!!`,
      },
    });
    expectProblem(res, 400, 'weak_password');
  });

  it('adds an account of another organisation without revealing where it belongs', async () => {
    const { session } = await adminOfNewOrg();
    const otherOrg = await buildOrganisation(t.runtime);
    const elsewhere = await buildUser(t.runtime, otherOrg, 'viewer');
    const res = await request(t.app, session, {
      method: 'POST',
      url: '/api/users',
      payload: { email: elsewhere.email.toUpperCase(), displayName: 'Dup', role: 'viewer' },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ temporaryPassword: null, existingAccount: true });
    expect(body.user).toMatchObject({ id: elsewhere.id, role: 'viewer' });
    expect(JSON.stringify(body)).not.toContain(otherOrg.id);
    expect(JSON.stringify(body)).not.toContain(otherOrg.name);
    expect(await listEmails(session)).toContain(elsewhere.email);
    // They keep their own password; their login is unchanged.
    expect(
      (await loginRequest(t.app, { email: elsewhere.email, password: elsewhere.password }))
        .statusCode,
    ).toBe(200);
  });

  it('refuses an email that is already a member here, in any case', async () => {
    const { session, admin } = await adminOfNewOrg();
    for (const taken of [admin.email, admin.email.toUpperCase()]) {
      const res = await request(t.app, session, {
        method: 'POST',
        url: '/api/users',
        payload: { email: taken, displayName: 'Dup', role: 'viewer' },
      });
      expectProblem(res, 409, 'email_taken');
    }
  });
});

describe('GET /api/users', () => {
  it('lists only the organisation’s members, page by page', async () => {
    const { org, admin, session } = await adminOfNewOrg();
    const members = [admin];
    for (let i = 0; i < 4; i += 1) {
      members.push(await buildUser(t.runtime, org, 'viewer'));
    }
    const stranger = await buildUser(t.runtime, await buildOrganisation(t.runtime), 'viewer');
    const seen: string[] = [];
    let url = '/api/users?limit=2';
    for (let page = 0; page < 10; page += 1) {
      const res = await request(t.app, session, { method: 'GET', url });
      const body = res.json() as { items: { id: string }[]; nextCursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((i) => i.id));
      if (!body.nextCursor) {
        break;
      }
      url = `/api/users?limit=2&cursor=${encodeURIComponent(body.nextCursor)}`;
    }
    expect(seen.sort()).toEqual(members.map((m) => m.id).sort());
    expect(seen).not.toContain(stranger.id);
  });
});
