import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, type TestRuntime } from '@test/support/database.ts';
import { buildOrganisation, buildUser, type TestUser } from '@test/support/factories.ts';
import { buildApp } from '@/server/app.ts';
import { generateKey } from '@/lib/crypto.ts';
import { fieldAad } from '@/lib/encrypted-fields.ts';
import { systemActor } from '@/lib/system-actor.ts';
import { verifyAuditChain } from '@/domain/audit/index.ts';
import { loadKeyring, rewrapDataKeys, rotateDataKey, WrongMasterKeyError } from './index.ts';

/** Key management changes the keyring of the whole database, so it runs on one of its own. */
let rt: TestRuntime;
let user: TestUser;
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const aad = (id: string) => fieldAad('users', 'totp_secret_enc', id);
const auditCtx = {
  actor: systemActor(null),
  meta: { ip: null, requestId: null, userAgent: 'test' },
  now: () => new Date(),
};

beforeAll(async () => {
  rt = await createRuntime();
  user = await buildUser(rt, await buildOrganisation(rt), 'admin');
  await rt.database.query('update users set totp_secret_enc = $1 where id = $2', [
    rt.cipher.encrypt(SECRET, aad(user.id)),
    user.id,
  ]);
});

afterAll(async () => {
  await rt.database.close();
});

async function storedSecret(): Promise<string> {
  const [row] = await rt.database.query<{ enc: string }>(
    'select totp_secret_enc as enc from users where id = $1',
    [user.id],
  );
  return row!.enc;
}

describe('loadKeyring', () => {
  it('unlocks the same keys with the same master key', async () => {
    const again = await loadKeyring(rt.database.db, rt.masterKey);
    expect(again.activeKeyId).toBe(rt.cipher.activeKeyId);
    expect(again.decrypt(await storedSecret(), aad(user.id))).toBe(SECRET);
  });

  it('refuses a wrong master key before decrypting anything, and changes nothing', async () => {
    const before = await rt.database.query('select * from encryption_keys order by id');
    await expect(loadKeyring(rt.database.db, generateKey())).rejects.toBeInstanceOf(
      WrongMasterKeyError,
    );
    expect(await rt.database.query('select * from encryption_keys order by id')).toEqual(before);
  });
});

describe('rotateDataKey', () => {
  it('re-encrypts a TOTP secret under a new key that still opens it, and retires the old key', async () => {
    const oldKeyId = rt.cipher.activeKeyId;
    const result = await rotateDataKey(rt.database.db, rt.masterKey, auditCtx);
    expect(result.keyId).not.toBe(oldKeyId);
    expect(result.reencrypted).toBeGreaterThanOrEqual(1);

    const cipher = await loadKeyring(rt.database.db, rt.masterKey);
    expect(cipher.activeKeyId).toBe(result.keyId);
    const enc = await storedSecret();
    expect(cipher.keyIdOf(enc)).toBe(result.keyId);
    expect(cipher.decrypt(enc, aad(user.id))).toBe(SECRET);
    const keys = await rt.database.query<{ id: string; status: string }>(
      'select id, status from encryption_keys',
    );
    expect(keys).toEqual(
      expect.arrayContaining([
        { id: oldKeyId, status: 'retired' },
        { id: result.keyId, status: 'active' },
      ]),
    );
    const audit = await rt.database.query<{ action: string; entity_id: string }>(
      "select action, entity_id from audit_events where action = 'keys.rotate'",
    );
    expect(audit).toEqual([{ action: 'keys.rotate', entity_id: result.keyId }]);
    expect((await verifyAuditChain(rt.database.db)).ok).toBe(true);

    // The rotated secret works for logging in.
    const app = await buildApp({ database: rt.database, cipher, logger: false });
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: {
          email: user.email,
          password: user.password,
          totp: await generate({ secret: SECRET }),
        },
      });
      expect(res.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('rewrapDataKeys', () => {
  it('moves the keyring to a new master key; the old one stops working', async () => {
    const newMaster = generateKey();
    await rewrapDataKeys(rt.database.db, rt.masterKey, newMaster, auditCtx);
    await expect(loadKeyring(rt.database.db, rt.masterKey)).rejects.toBeInstanceOf(
      WrongMasterKeyError,
    );
    const cipher = await loadKeyring(rt.database.db, newMaster);
    expect(cipher.decrypt(await storedSecret(), aad(user.id))).toBe(SECRET);
  });
});
