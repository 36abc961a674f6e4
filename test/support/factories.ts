import { randomBytes } from 'node:crypto';
import { createOrganisation, createUser, type Organisation } from '@/domain/auth/index.ts';
import { systemCtx } from '@/lib/system-actor.ts';
import type { Role } from '@/policy/roles.ts';
import type { TestRuntime } from './database.ts';

const unique = () => randomBytes(5).toString('hex');

/** A fresh organisation with a unique name. */
export async function buildOrganisation(
  rt: TestRuntime,
  overrides: Partial<{ name: string; country: string }> = {},
): Promise<Organisation> {
  return createOrganisation(systemCtx({ db: rt.database.db, cipher: rt.cipher }), {
    name: overrides.name ?? `Test Org ${unique()}`,
    country: overrides.country ?? 'THA',
    type: 'cso',
  });
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: Role;
  organisationId: string;
}

/** A user with `role` in `org`, with a known password. */
export async function buildUser(rt: TestRuntime, org: Organisation, role: Role): Promise<TestUser> {
  const email = `${role}-${unique()}@test.homeward.example`;
  const password = `pw-${unique()}-${unique()}`;
  const created = await createUser(systemCtx({ db: rt.database.db, cipher: rt.cipher }, org.id), {
    email,
    displayName: `Test ${role}`,
    role,
    password,
  });
  return { id: created.user.id, email, password, role, organisationId: org.id };
}
