import { createOrganisation, createUser, findOrganisationByRef } from '@/domain/auth/index.ts';
import type { Role } from '@/policy/roles.ts';
import type { Runtime } from '@/server/bootstrap.ts';
import { addDemoJourney, seedDemoCases } from './demo-cases.ts';
import { seedDemoOutreach } from './demo-outreach.ts';
import { seedDemoDirectory } from './demo-directory.ts';
import { seedDemoPrevention } from './demo-prevention.ts';
import { cliCtx } from './runtime.ts';

/**
 * Demo data: visibly fake organisations and accounts (names start with "Demo", emails at the
 * reserved .example domain). The password is public: never use the demo on a real installation.
 */
export const DEMO_PASSWORD = 'demo-homeward-2026';
export const DEMO_ORGANISATIONS = [
  { name: 'Demo Mae Sot Border Support', country: 'THA', type: 'cso', prefix: '' },
  { name: 'Demo Nairobi Reintegration Network', country: 'KEN', type: 'cso', prefix: 'ke-' },
] as const;
const ROLES: Role[] = ['admin', 'supervisor', 'caseworker', 'outreach', 'viewer'];

export interface DemoAccount {
  email: string;
  role: Role;
  organisation: string;
}

/** The demo accounts, for printing. */
export function demoAccounts(): DemoAccount[] {
  return DEMO_ORGANISATIONS.flatMap((org) =>
    (org.prefix ? (['admin', 'caseworker'] as Role[]) : ROLES).map((role) => ({
      email: `${org.prefix}${role}@demo.homeward.example`,
      role,
      organisation: org.name,
    })),
  );
}

/** True when the demo organisations exist in this database. */
export async function hasDemo(rt: Runtime): Promise<boolean> {
  return (await findOrganisationByRef(cliCtx(rt), DEMO_ORGANISATIONS[0].name)) !== null;
}

/** Creates the demo organisations and accounts; does nothing if they exist. */
export async function seedDemo(rt: Runtime): Promise<boolean> {
  if (await hasDemo(rt)) {
    return false;
  }
  const ids = new Map<string, string>();
  for (const org of DEMO_ORGANISATIONS) {
    const created = await createOrganisation(cliCtx(rt), {
      name: org.name,
      country: org.country,
      type: org.type,
    });
    ids.set(org.name, created.id);
  }
  const userIds = new Map<string, string>();
  for (const account of demoAccounts()) {
    const created = await createUser(cliCtx(rt, ids.get(account.organisation)), {
      email: account.email,
      displayName: `Demo ${account.role}`,
      role: account.role,
      password: DEMO_PASSWORD,
    });
    userIds.set(account.email, created.user.id);
  }
  const mainOrg = ids.get(DEMO_ORGANISATIONS[0].name) ?? null;
  await seedDemoDirectory(
    cliCtx(rt, mainOrg),
    cliCtx(rt, ids.get(DEMO_ORGANISATIONS[1].name) ?? null),
  );
  const actingAs = (email: string) => {
    const ctx = cliCtx(rt, mainOrg);
    return { ...ctx, actor: { ...ctx.actor, userId: userIds.get(email) ?? null, label: email } };
  };
  await seedDemoCases(
    (toCaseworker) =>
      actingAs(
        toCaseworker ? 'caseworker@demo.homeward.example' : 'supervisor@demo.homeward.example',
      ),
    addDemoJourney,
  );
  await seedDemoOutreach(actingAs('outreach@demo.homeward.example'));
  return seedDemoPrevention(cliCtx(rt, mainOrg), [...ids.values()]).then(() => true);
}

/** Text block listing the demo logins. */
export function demoBanner(url: string): string {
  const lines = demoAccounts().map(
    (a) => `  ${a.email.padEnd(40)} ${a.role.padEnd(11)} ${a.organisation}`,
  );
  return [
    '',
    `Homeward demo is running at ${url}`,
    `Demo accounts (password for all: ${DEMO_PASSWORD}) — fake data, never use for real work:`,
    ...lines,
    '',
  ].join('\n');
}
