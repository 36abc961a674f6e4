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
import { ROLES, type Role } from '@/policy/roles.ts';

/**
 * Who may call what. Every route × every kind of caller, with the status the caller gets.
 * "otherAdmin" is the admin of another organisation aiming at this organisation's ids: they must
 * get 404, exactly like an unknown id.
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
  /** Status for every signed-in caller unless overridden. */
  signedIn: number;
  anonymous?: number;
  except?: Partial<Record<Caller, number>>;
}

const adminOnly = (ok: number): Partial<Record<Caller, number>> => ({
  admin: ok,
  otherAdmin: ok,
});

const ROUTES: Row[] = [
  // Ending a session that does not exist is a no-op (see auth.service.ts `logout`).
  { method: 'POST', url: () => '/api/auth/logout', signedIn: 204, anonymous: 204 },
  { method: 'POST', url: () => '/api/auth/logout-all', signedIn: 204 },
  { method: 'GET', url: () => '/api/me', signedIn: 200 },
  // No set-up has been started, so a code cannot be confirmed.
  {
    method: 'POST',
    url: () => '/api/auth/totp/confirm',
    payload: () => ({ code: '123456' }),
    signedIn: 409,
  },
  { method: 'POST', url: () => '/api/auth/totp/setup', signedIn: 200 },
  {
    method: 'POST',
    url: () => '/api/auth/totp/disable',
    payload: (u) => ({ password: u?.password ?? 'no-password-at-all' }),
    signedIn: 204,
  },
  {
    method: 'GET',
    url: () => '/api/users',
    signedIn: 403,
    except: { ...adminOnly(200), supervisor: 200 },
  },
  {
    method: 'POST',
    url: () => '/api/users',
    payload: () => ({
      email: `new-${unique()}@test.homeward.example`,
      displayName: 'New member',
      role: 'viewer',
    }),
    signedIn: 403,
    except: adminOnly(201),
  },
  {
    method: 'PATCH',
    url: (w) => `/api/users/${w.target.id}`,
    payload: () => ({ displayName: `Renamed ${unique()}` }),
    signedIn: 403,
    except: { admin: 200, otherAdmin: 404 },
  },
  {
    method: 'POST',
    url: (w) => `/api/users/${w.target.id}/reset-2fa`,
    signedIn: 403,
    except: { admin: 204, otherAdmin: 404 },
  },
  { method: 'GET', url: () => '/api/organisation', signedIn: 200 },
  {
    method: 'PATCH',
    url: () => '/api/organisation',
    payload: () => ({ name: `Renamed Org ${unique()}` }),
    signedIn: 403,
    except: adminOnly(200),
  },
  // Only platform admins (see organisations.routes.test.ts) may manage organisations.
  { method: 'GET', url: () => '/api/organisations', signedIn: 403 },
  {
    method: 'POST',
    url: () => '/api/organisations',
    payload: () => ({ name: `Org ${unique()}`, country: 'THA' }),
    signedIn: 403,
  },
  { method: 'GET', url: () => '/api/tokens', signedIn: 200 },
  {
    method: 'POST',
    url: () => '/api/tokens',
    payload: () => ({ name: 'matrix' }),
    signedIn: 201,
  },
  // Only the owner may revoke a token; anyone else is told it does not exist.
  {
    method: 'DELETE',
    url: (w) => `/api/tokens/${w.adminTokenId}`,
    signedIn: 404,
    except: { admin: 204 },
  },
  { method: 'GET', url: () => '/api/audit', signedIn: 403, except: adminOnly(200) },
  { method: 'GET', url: () => '/healthz', signedIn: 200, anonymous: 200 },
  { method: 'GET', url: () => '/api/openapi.json', signedIn: 200, anonymous: 200 },
  { method: 'GET', url: () => '/api/docs', signedIn: 200, anonymous: 200 },
];

function expectedStatus(row: Row, caller: Caller): number {
  if (caller === 'anonymous') {
    return row.anonymous ?? 401;
  }
  return row.except?.[caller] ?? row.signedIn;
}

/** The problem code a refusal must carry. */
function expectedCode(status: number, caller: Caller): string | undefined {
  if (status === 401 && caller === 'anonymous') {
    return 'unauthenticated';
  }
  if (status === 403) {
    return 'forbidden';
  }
  return undefined;
}

let t: TestApp;
let world: World;

async function createToken(app: FastifyInstance, s: Session): Promise<string> {
  const res = await request(app, s, {
    method: 'POST',
    url: '/api/tokens',
    payload: { name: 'target' },
  });
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
      const sessions = new Map<Caller, { user: TestUser | null; session: Session | null }>();
      for (const caller of CALLERS) {
        const user =
          caller === 'anonymous'
            ? null
            : caller === 'otherAdmin'
              ? world.otherAdmin
              : world.users[caller];
        sessions.set(caller, { user, session: user ? await buildSession(t.runtime, user) : null });
      }
      world.adminTokenId = await createToken(t.app, sessions.get('admin')!.session!);

      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const caller of CALLERS) {
        const { user, session } = sessions.get(caller)!;
        const res = await request(t.app, session, {
          method: row.method,
          url: row.url(world),
          ...(row.payload && { payload: row.payload(user) }),
        });
        got[caller] = res.statusCode;
        want[caller] = expectedStatus(row, caller);
        const code = expectedCode(res.statusCode, caller);
        if (code && res.statusCode === want[caller]) {
          expect(res.json().code, `${caller}: ${res.body}`).toBe(code);
        }
        if (res.statusCode === 404) {
          expect(res.json().code).toMatch(/_not_found$/);
        }
      }
      expect(got).toEqual(want);
    },
  );
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
