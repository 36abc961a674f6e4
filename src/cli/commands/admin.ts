import type { Command } from 'commander';
import {
  createApiToken,
  createOrganisation,
  createUser,
  findOrganisationByRef,
  listOrganisations,
  OrganisationCreateSchema,
  resetUserTotp,
  UserCreateSchema,
  type TokenScope,
} from '@/domain/auth/index.ts';
import {
  findUserForOperator,
  resetPasswordForOperator,
  setPlatformAdmin,
} from '@/domain/auth/operator.service.ts';
import { ROLES } from '@/policy/roles.ts';
import { cliCtx, readStdin, withRuntime } from '../runtime.ts';

export function registerAdminCommands(program: Command): void {
  const org = program.command('org').description('Manage organisations');
  org
    .command('add')
    .description('Create an organisation')
    .requiredOption('--name <name>', 'organisation name')
    .requiredOption('--country <ISO3>', 'country, ISO 3166-1 alpha-3 (e.g. THA)')
    .option(
      '--type <type>',
      'cso | shelter | legal_aid | government | international | other',
      'cso',
    )
    .action((o: { name: string; country: string; type: string }) =>
      withRuntime(async (rt) => {
        const input = OrganisationCreateSchema.parse({
          name: o.name,
          country: o.country.toUpperCase(),
          type: o.type,
        });
        const created = await createOrganisation(cliCtx(rt), input);
        console.log(`Created organisation "${created.name}" (${created.country}) id ${created.id}`);
      }),
    );
  org
    .command('list')
    .description('List organisations')
    .action(() =>
      withRuntime(async (rt) => {
        for (const o of await listOrganisations(cliCtx(rt))) {
          console.log(`${o.id}  ${o.country}  ${o.type.padEnd(13)} ${o.name}`);
        }
      }),
    );

  const user = program.command('user').description('Manage users');
  user
    .command('add')
    .description(
      'Create a user in an organisation (prints a generated password unless --password-stdin)',
    )
    .requiredOption('--email <email>', 'login email')
    .requiredOption('--org <nameOrId>', 'organisation name or id')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .option('--name <displayName>', 'display name (default: the email)')
    .option('--password-stdin', 'read the password from standard input')
    .option('--platform-admin', 'also make this user an installation-wide platform admin')
    .action((o: UserAddOptions) => withRuntime((rt) => addUser(rt, o)));
  user
    .command('reset-password')
    .description(
      "Set a user's password: a generated one (printed once, to be changed at the next login) " +
        'unless --password-stdin; ends their sessions and revokes their API tokens',
    )
    .requiredOption('--email <email>', 'login email')
    .option('--password-stdin', 'read the new password from standard input')
    .action((o: { email: string; passwordStdin?: boolean }) =>
      withRuntime(async (rt) => {
        const password = o.passwordStdin ? await readStdin() : undefined;
        const done = await resetPasswordForOperator(cliCtx(rt), o.email, password);
        console.log(`Password reset for ${done.email}; their sessions and API tokens were ended.`);
        if (done.generated) {
          console.log(`Temporary password (shown once; they choose a new one at next login):`);
          console.log(done.generated);
        }
      }),
    );
  user
    .command('reset-2fa')
    .description("Remove a user's two-factor authentication so they can enrol again")
    .requiredOption('--email <email>', 'login email')
    .action((o: { email: string }) =>
      withRuntime(async (rt) => {
        const found = await findUserForOperator(cliCtx(rt), o.email);
        await resetUserTotp(cliCtx(rt, found.organisationId), found.userId);
        console.log(
          `Two-factor authentication removed for ${found.email}; their sessions and API tokens ` +
            'were ended.',
        );
      }),
    );

  program
    .command('token')
    .description('Manage API tokens')
    .command('create')
    .description('Create an API token for a user (printed once)')
    .requiredOption('--email <email>', 'the user the token acts as')
    .requiredOption('--name <name>', 'what the token is for')
    .option('--expires-days <days>', 'lifetime in days (1-365)', '90')
    .option('--scope <scope...>', 'read, write and/or sensitive', ['read'])
    .action((o: { email: string; name: string; expiresDays: string; scope: string[] }) =>
      withRuntime(async (rt) => {
        const found = await findUserForOperator(cliCtx(rt), o.email);
        const ctx = { ...cliCtx(rt, found.organisationId) };
        ctx.actor = { ...ctx.actor, userId: found.userId };
        const { token, item } = await createApiToken(ctx, {
          name: o.name,
          scopes: o.scope as TokenScope[],
          expiresInDays: Number.parseInt(o.expiresDays, 10),
        });
        console.log(`Token "${item.name}" (${item.scopes.join(', ')}) expires ${item.expiresAt}:`);
        console.log(token);
        console.log('It is shown only now. Use it as: Authorization: Bearer <token>');
      }),
    );
}

interface UserAddOptions {
  email: string;
  org: string;
  role: string;
  name?: string;
  passwordStdin?: boolean;
  platformAdmin?: boolean;
}

async function addUser(rt: Parameters<Parameters<typeof withRuntime>[0]>[0], o: UserAddOptions) {
  const organisation = await findOrganisationByRef(cliCtx(rt), o.org);
  if (!organisation) {
    throw new Error(`No organisation named or with id "${o.org}". See \`homeward org list\`.`);
  }
  const password = o.passwordStdin ? await readStdin() : undefined;
  const input = UserCreateSchema.parse({
    email: o.email,
    displayName: o.name ?? o.email,
    role: o.role,
    ...(password !== undefined && { password }),
  });
  const created = await createUser(cliCtx(rt, organisation.id), input);
  if (o.platformAdmin) {
    await setPlatformAdmin(cliCtx(rt), created.user.id, true);
  }
  if (created.existingAccount) {
    console.log(
      `${created.user.email} already had an account: added to "${organisation.name}" as ` +
        `${created.user.role}; they keep their own password and 2FA.`,
    );
    return;
  }
  console.log(`Created ${created.user.email} as ${created.user.role} in "${organisation.name}".`);
  if (created.temporaryPassword) {
    console.log(`Password (shown once, ask them to keep it safe): ${created.temporaryPassword}`);
  }
}
