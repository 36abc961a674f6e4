import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { request, testApp, type Session, type TestApp } from '@test/support/build-app.ts';
import {
  buildOrganisation,
  buildSession,
  buildTeam,
  buildUser,
  unique,
  type TestUser,
} from '@test/support/factories.ts';
import type { Permission } from '@/policy/permissions.ts';
import { ROLE_PERMISSIONS, ROLES, type Role } from '@/policy/roles.ts';

/**
 * Who may call what: every route × every kind of caller, with the status each gets. A route
 * declares the permission it needs; whether a role holds it comes from the one role table, so
 * this test proves each route checks the right permission. "otherAdmin" is the admin of another
 * organisation aiming at this organisation's ids: they get 404, exactly like an unknown id.
 */
type Caller = 'anonymous' | Role | 'otherAdmin';
const CALLERS: readonly Caller[] = ['anonymous', ...ROLES, 'otherAdmin'];

interface World {
  users: Record<Role, TestUser>;
  otherAdmin: TestUser;
  /** A member of the first organisation that routes about users aim at. */
  target: TestUser;
  /** An API token of the first organisation's admin. */
  adminTokenId: string;
}

interface Row {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: (w: World) => string;
  payload?: (user: TestUser | null) => Record<string, unknown>;
  /** The permission the route needs, or `public` when anyone (even anonymous) may call it. */
  needs: Permission | 'public';
  /** Status when the caller may. */
  ok: number;
  /** The URL names a resource of the first organisation: other organisations get 404. */
  scoped?: boolean;
  /** The resource belongs to the first organisation's admin: anyone else gets 404. */
  ownedByAdmin?: boolean;
}

const ROUTES: Row[] = [
  // Ending a session that does not exist is a no-op (see auth.service.ts `logout`).
  { method: 'POST', url: () => '/api/auth/logout', needs: 'public', ok: 204 },
  { method: 'POST', url: () => '/api/auth/logout-all', needs: 'me.security', ok: 204 },
  { method: 'GET', url: () => '/api/me', needs: 'me.read', ok: 200 },
  // No set-up has been started yet, so there is nothing to confirm.
  {
    method: 'POST',
    url: () => '/api/auth/totp/confirm',
    payload: () => ({ code: '123456' }),
    needs: 'me.security',
    ok: 409,
  },
  { method: 'POST', url: () => '/api/auth/totp/setup', needs: 'me.security', ok: 200 },
  {
    method: 'POST',
    url: () => '/api/auth/totp/disable',
    payload: () => ({}),
    needs: 'me.security',
    ok: 204,
  },
  {
    method: 'POST',
    url: () => '/api/auth/reauth',
    payload: (u) => ({ password: u?.password ?? 'no-password-at-all' }),
    needs: 'me.security',
    ok: 200,
  },
  // Nobody in the matrix has 2FA, so there are no recovery codes to replace.
  { method: 'POST', url: () => '/api/auth/recovery-codes', needs: 'me.security', ok: 409 },
  { method: 'GET', url: () => '/api/users', needs: 'user.read', ok: 200 },
  {
    method: 'POST',
    url: () => '/api/users',
    payload: () => ({
      email: `new-${unique()}@test.homeward.example`,
      displayName: 'New member',
      role: 'viewer',
    }),
    needs: 'user.manage',
    ok: 201,
  },
  {
    method: 'PATCH',
    url: (w) => `/api/users/${w.target.id}`,
    payload: () => ({ displayName: `Renamed ${unique()}` }),
    needs: 'user.manage',
    ok: 200,
    scoped: true,
  },
  {
    method: 'POST',
    url: (w) => `/api/users/${w.target.id}/reset-2fa`,
    needs: 'user.admin',
    ok: 204,
    scoped: true,
  },
  {
    method: 'POST',
    url: (w) => `/api/users/${w.target.id}/reset-password`,
    needs: 'user.admin',
    ok: 200,
    scoped: true,
  },
  {
    method: 'POST',
    url: () => '/api/users',
    payload: () => ({
      email: `new-admin-${unique()}@test.homeward.example`,
      displayName: 'New admin',
      role: 'admin',
    }),
    needs: 'user.admin',
    ok: 201,
  },
  { method: 'GET', url: () => '/api/organisation', needs: 'organisation.read', ok: 200 },
  {
    method: 'PATCH',
    url: () => '/api/organisation',
    payload: () => ({ name: `Renamed Org ${unique()}` }),
    needs: 'organisation.manage',
    ok: 200,
  },
  {
    method: 'PATCH',
    url: () => '/api/organisation',
    payload: () => ({ requireTotp: false }),
    needs: 'organisation.security',
    ok: 200,
  },
  // Only platform admins (see organisations.routes.test.ts), never a role, manage organisations.
  { method: 'GET', url: () => '/api/organisations', needs: 'platform.manage', ok: 200 },
  {
    method: 'POST',
    url: () => '/api/organisations',
    payload: () => ({ name: `Org ${unique()}`, country: 'THA' }),
    needs: 'platform.manage',
    ok: 201,
  },
  { method: 'GET', url: () => '/api/tokens', needs: 'token.manage', ok: 200 },
  {
    method: 'POST',
    url: () => '/api/tokens',
    payload: () => ({ name: 'matrix' }),
    needs: 'token.manage',
    ok: 201,
  },
  {
    method: 'DELETE',
    url: (w) => `/api/tokens/${w.adminTokenId}`,
    needs: 'token.manage',
    ok: 204,
    ownedByAdmin: true,
  },
  { method: 'GET', url: () => '/api/audit', needs: 'audit.read', ok: 200 },
  { method: 'GET', url: () => '/healthz', needs: 'public', ok: 200 },
  // /api/openapi.json and /api/docs: any signed-in caller, or anyone with
  // HOMEWARD_PUBLIC_API_DOCS (see plugins/openapi.test.ts).
  // Last: it changes the callers' passwords.
  {
    method: 'POST',
    url: () => '/api/me/password',
    payload: (u) => ({
      currentPassword: u?.password ?? 'no-password-at-all',
      newPassword: `${u?.password ?? 'x'}-changed-${unique()}`,
    }),
    needs: 'me.security',
    ok: 204,
  },
];

function expectedStatus(row: Row, caller: Caller): number {
  if (row.needs === 'public') {
    return row.ok;
  }
  if (caller === 'anonymous') {
    return 401;
  }
  const role: Role = caller === 'otherAdmin' ? 'admin' : caller;
  if (!ROLE_PERMISSIONS[role].includes(row.needs)) {
    return 403;
  }
  if ((row.scoped && caller === 'otherAdmin') || (row.ownedByAdmin && caller !== 'admin')) {
    return 404;
  }
  return row.ok;
}

let t: TestApp;
let world: World;

async function createToken(app: FastifyInstance, s: Session): Promise<string> {
  const res = await request(app, s, { method: 'POST', url: '/api/tokens', payload: { name: 'x' } });
  expect(res.statusCode).toBe(201);
  return (res.json() as { item: { id: string } }).item.id;
}

beforeAll(async () => {
  t = await testApp();
  const team = await buildTeam(t.runtime);
  const otherOrg = await buildOrganisation(t.runtime);
  world = {
    users: team.users,
    otherAdmin: await buildUser(t.runtime, otherOrg, 'admin'),
    target: await buildUser(t.runtime, team.org, 'viewer'),
    adminTokenId: '',
  };
});

describe('authorisation matrix', () => {
  it.each(ROUTES.map((r) => [`${r.method} ${r.url(placeholder())}`, r] as const))(
    '%s',
    async (_name, row) => {
      // Fresh sessions per route: logout and logout-all end the caller's sessions.
      const callers = new Map<Caller, { user: TestUser | null; session: Session | null }>();
      for (const caller of CALLERS) {
        const user =
          caller === 'anonymous'
            ? null
            : caller === 'otherAdmin'
              ? world.otherAdmin
              : world.users[caller];
        callers.set(caller, { user, session: user ? await buildSession(t.runtime, user) : null });
      }
      world.adminTokenId = await createToken(t.app, callers.get('admin')!.session!);

      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const caller of CALLERS) {
        const { user, session } = callers.get(caller)!;
        const res = await request(t.app, session, {
          method: row.method,
          url: row.url(world),
          ...(row.payload && { payload: row.payload(user) }),
        });
        got[caller] = res.statusCode;
        want[caller] = expectedStatus(row, caller);
        const code = res.statusCode >= 400 ? (res.json() as { code: string }).code : null;
        if (res.statusCode === 401) {
          expect(code).toBe('unauthenticated');
        } else if (res.statusCode === 403) {
          expect(code).toBe('forbidden');
        } else if (res.statusCode === 404) {
          expect(code).toMatch(/_not_found$/);
        }
      }
      expect(got).toEqual(want);
    },
  );
});

describe('role table', () => {
  it('keeps managing users, the organisation and reading the audit log to admins', () => {
    for (const role of ROLES) {
      const perms = ROLE_PERMISSIONS[role];
      const adminOnly = ['user.manage', 'organisation.manage', 'audit.read'] as const;
      for (const p of adminOnly) {
        expect(perms.includes(p), `${role} ${p}`).toBe(role === 'admin');
      }
      expect(perms, role).not.toContain('platform.manage');
      expect(perms, role).toEqual(expect.arrayContaining(['me.read', 'me.update']));
    }
  });
});

/** Row names show the URL shape with placeholder ids. */
function placeholder(): World {
  const user = { id: ':userId' } as TestUser;
  return {
    users: Object.fromEntries(ROLES.map((r) => [r, user])) as Record<Role, TestUser>,
    otherAdmin: user,
    target: user,
    adminTokenId: ':tokenId',
  };
}
