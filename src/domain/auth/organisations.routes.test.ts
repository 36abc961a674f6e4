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
  makePlatformAdmin,
  unique,
  type TestUser,
} from '@test/support/factories.ts';
import type { Organisation } from './organisations.schema.ts';

let t: TestApp;

beforeAll(async () => {
  t = await testApp();
});

async function adminOf(
  org?: Organisation,
): Promise<{ org: Organisation; admin: TestUser; session: Session }> {
  const o = org ?? (await buildOrganisation(t.runtime));
  const admin = await buildUser(t.runtime, o, 'admin');
  return { org: o, admin, session: await buildSession(t.runtime, admin) };
}

describe('GET and PATCH /api/organisation', () => {
  it('shows each member their own organisation', async () => {
    const { org, session } = await adminOf();
    const viewer = await buildSession(t.runtime, await buildUser(t.runtime, org, 'viewer'));
    for (const s of [session, viewer]) {
      const res = await request(t.app, s, { method: 'GET', url: '/api/organisation' });
      expect(res.json()).toEqual({ ...org, requireTotp: false });
    }
  });

  it('renames the organisation and records it', async () => {
    const { org, session } = await adminOf();
    const name = `Renamed ${unique()}`;
    const res = await request(t.app, session, {
      method: 'PATCH',
      url: '/api/organisation',
      payload: { name },
    });
    expect(res.json()).toMatchObject({ id: org.id, name, country: org.country });
    const audit = await request(t.app, session, {
      method: 'GET',
      url: '/api/audit?action=organisation.update',
    });
    expect(audit.json().items[0]).toMatchObject({
      entityId: org.id,
      details: { fields: ['name'] },
    });
  });

  it('refuses another organisation’s name in any case, changing nothing', async () => {
    const { org, session } = await adminOf();
    const other = await buildOrganisation(t.runtime);
    const before = await auditCount(t.runtime, org.id);
    const res = await request(t.app, session, {
      method: 'PATCH',
      url: '/api/organisation',
      payload: { name: other.name.toUpperCase() },
    });
    expectProblem(res, 409, 'organisation_exists');
    const now = await request(t.app, session, { method: 'GET', url: '/api/organisation' });
    expect(now.json().name).toBe(org.name);
    expect(await auditCount(t.runtime, org.id)).toBe(before);
  });
});

describe('platform admins', () => {
  it('list and create organisations; the new organisation is empty', async () => {
    const { admin, session } = await adminOf();
    await makePlatformAdmin(t.runtime, admin);
    const name = `New NGO ${unique()}`;
    const created = await request(t.app, session, {
      method: 'POST',
      url: '/api/organisations',
      payload: { name, country: 'KHM', type: 'shelter' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name,
      country: 'KHM',
      type: 'shelter',
      requireTotp: false,
    });
    const list = await request(t.app, session, { method: 'GET', url: '/api/organisations' });
    expect((list.json().items as { id: string }[]).map((o) => o.id)).toContain(created.json().id);
    expect(await auditCount(t.runtime, created.json().id)).toBe(1);
  });

  it('cannot create a duplicate name or an unknown country', async () => {
    const { org, admin, session } = await adminOf();
    await makePlatformAdmin(t.runtime, admin);
    const dup = await request(t.app, session, {
      method: 'POST',
      url: '/api/organisations',
      payload: { name: org.name.toLowerCase(), country: 'THA' },
    });
    expectProblem(dup, 409, 'organisation_exists');
    const name = `Nowhere ${unique()}`;
    const bad = await request(t.app, session, {
      method: 'POST',
      url: '/api/organisations',
      payload: { name, country: 'XXX' },
    });
    expect(expectProblem(bad, 400, 'validation_failed').errors?.[0]?.path).toBe('country');
    const list = await request(t.app, session, { method: 'GET', url: '/api/organisations' });
    expect((list.json().items as { name: string }[]).map((o) => o.name)).not.toContain(name);
  });

  it('cannot manage organisations through an API token', async () => {
    const { admin, session } = await adminOf();
    await makePlatformAdmin(t.runtime, admin);
    const created = await request(t.app, session, {
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'ops', scopes: ['read', 'write'] },
    });
    const token = created.json().token as string;
    expectProblem(
      await bearer(t.app, token, { method: 'GET', url: '/api/organisations' }),
      403,
      'session_required',
    );
    const post = await bearer(t.app, token, {
      method: 'POST',
      url: '/api/organisations',
      payload: { name: `Via token ${unique()}`, country: 'THA' },
    });
    expectProblem(post, 403, 'session_required');
  });

  it('must enrol in 2FA first when their organisation requires it', async () => {
    const { admin, session } = await adminOf();
    await makePlatformAdmin(t.runtime, admin);
    await request(t.app, session, {
      method: 'PATCH',
      url: '/api/organisation',
      payload: { requireTotp: true },
    });
    const list = await request(t.app, session, { method: 'GET', url: '/api/organisations' });
    expectProblem(list, 403, 'totp_enrolment_required');
    const name = `Sneaky ${unique()}`;
    const post = await request(t.app, session, {
      method: 'POST',
      url: '/api/organisations',
      payload: { name, country: 'THA' },
    });
    expectProblem(post, 403, 'totp_enrolment_required');
  });
});
