import { beforeAll, describe, expect, it } from 'vitest';
import { testRuntime, type TestRuntime } from '@test/support/database.ts';
import {
  auditCount,
  buildOrganisation,
  buildUser,
  type TestUser,
} from '@test/support/factories.ts';
import { FIELDS } from '@/lib/encrypted-fields.ts';
import type { Organisation } from './index.ts';
import { memberCtx } from './member-ctx.fixtures.ts';
import { clearTotp } from './totp.service.ts';

/**
 * `clearTotp` serves a user turning their own 2FA off and an admin's reset: it checks the caller
 * itself, so no other caller can remove someone's second factor.
 */
let rt: TestRuntime;
let org: Organisation;

beforeAll(async () => {
  rt = await testRuntime();
  org = await buildOrganisation(rt);
});

/** A caseworker of `org` with 2FA and one recovery code. */
async function enrolledCaseworker(): Promise<TestUser> {
  const user = await buildUser(rt, org, 'caseworker');
  await rt.database.query('update users set totp_secret_enc = $1 where id = $2', [
    rt.cipher.encrypt('JBSWY3DPEHPK3PXP', FIELDS.totpSecret.aad(user.id)),
    user.id,
  ]);
  await rt.database.query(
    "insert into recovery_codes (id, user_id, code_hash) values (gen_random_uuid(), $1, 'x')",
    [user.id],
  );
  return user;
}

async function secondFactor(user: TestUser) {
  const [row] = await rt.database.query<{ secret: boolean; codes: number }>(
    `select totp_secret_enc is not null as secret,
       (select count(*)::int from recovery_codes r where r.user_id = u.id) as codes
     from users u where u.id = $1`,
    [user.id],
  );
  return row;
}

describe('clearTotp', () => {
  it("refuses a caseworker removing a colleague's 2FA, changing nothing", async () => {
    const colleague = await enrolledCaseworker();
    const caseworker = await buildUser(rt, org, 'caseworker');
    const before = await auditCount(rt, org.id);
    await expect(
      clearTotp(await memberCtx(rt, caseworker), colleague.id, 'user.reset_2fa'),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await secondFactor(colleague)).toEqual({ secret: true, codes: 1 });
    expect(await auditCount(rt, org.id)).toBe(before);
  });

  it("refuses another organisation's admin like an unknown user, changing nothing", async () => {
    const member = await enrolledCaseworker();
    const outsider = await buildUser(rt, await buildOrganisation(rt), 'admin');
    await expect(
      clearTotp(await memberCtx(rt, outsider), member.id, 'user.reset_2fa'),
    ).rejects.toMatchObject({ code: 'user_not_found' });
    expect(await secondFactor(member)).toEqual({ secret: true, codes: 1 });
  });

  it('lets a caseworker remove their own 2FA', async () => {
    const caseworker = await enrolledCaseworker();
    await clearTotp(await memberCtx(rt, caseworker), caseworker.id, 'auth.totp_disabled');
    expect(await secondFactor(caseworker)).toEqual({ secret: false, codes: 0 });
  });

  it("lets an admin of the member's organisation reset it, audited in that organisation", async () => {
    const member = await enrolledCaseworker();
    const admin = await buildUser(rt, org, 'admin');
    await clearTotp(await memberCtx(rt, admin), member.id, 'user.reset_2fa');
    expect(await secondFactor(member)).toEqual({ secret: false, codes: 0 });
    const audit = await rt.database.query(
      "select organisation_id, actor_user_id from audit_events where action = 'user.reset_2fa' and entity_id = $1",
      [member.id],
    );
    expect(audit).toEqual([{ organisation_id: org.id, actor_user_id: admin.id }]);
  });
});
