import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { request, type Session } from '@test/support/build-app.ts';
import { createRuntime, type TestRuntime } from '@test/support/database.ts';
import {
  buildOrganisation,
  buildSession,
  buildUser,
  type TestUser,
} from '@test/support/factories.ts';
import { buildApp } from '@/server/app.ts';
import { generateKey, type FieldCipher } from '@/lib/crypto.ts';
import { ENCRYPTED_FIELDS, FIELDS } from '@/lib/encrypted-fields.ts';
import { systemCtx } from '@/lib/system-actor.ts';
import { verifyAuditChain } from '@/domain/audit/index.ts';
import { memberCtx } from '@/domain/auth/member-ctx.fixtures.ts';
import {
  loadBackupKey,
  loadKeyring,
  rewrapDataKeys,
  rotateDataKey,
  WrongMasterKeyError,
} from './index.ts';

/** Purpose and status of every key, by id. */
async function keyTable(): Promise<Record<string, string>> {
  const rows = await rt.database.query<{ id: string; purpose: string; status: string }>(
    'select id, purpose, status from encryption_keys',
  );
  return Object.fromEntries(rows.map((r) => [r.id, `${r.purpose}:${r.status}`]));
}

/** Key management changes the keyring of the whole database, so it runs on one of its own. */
let rt: TestRuntime;
let user: TestUser;
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const aad = (id: string) => FIELDS.totpSecret.aad(id);
/** The installation operator (the CLI), who alone rotates and re-wraps keys. */
const operator = () => systemCtx({ db: rt.database.db, cipher: rt.cipher });

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

describe('key management by anyone but the operator', () => {
  it("refuses an organisation admin's context, changing no key and auditing nothing", async () => {
    const keys = () =>
      rt.database.query('select id, wrapped_key, master_key_id, status from encryption_keys');
    const keyAudits = () =>
      rt.database.query("select id from audit_events where action like 'keys.%'");
    const [keysBefore, auditsBefore, secretBefore] = [
      await keys(),
      await keyAudits(),
      await storedSecret(),
    ];
    const admin = await memberCtx(rt, user);
    expect(admin.actor.role).toBe('admin');
    await expect(rotateDataKey(admin, rt.masterKey)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(rewrapDataKeys(admin, rt.masterKey, generateKey())).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await keys()).toEqual(keysBefore);
    expect(await keyAudits()).toEqual(auditsBefore);
    expect(await storedSecret()).toBe(secretBefore);
  });
});

describe('rotateDataKey', () => {
  it('re-encrypts a TOTP secret under a new key that still opens it, and retires the old key', async () => {
    const oldKeyId = rt.cipher.activeKeyId;
    const result = await rotateDataKey(operator(), rt.masterKey);
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
    expect((await verifyAuditChain(operator())).ok).toBe(true);

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

/** Case text of every kind added in migration 0008, written and read through the API. */
const TEXTS = {
  guardianName: 'Aunt Somsri Wongsa',
  bestInterestNote: 'Panel decision 12: stays with her aunt',
  outcome: 'Recognised as a victim by the NRM panel',
  title: 'Call the embassy about the passport',
  action: 'Refer to a debt counsellor',
};

/** A request helper that fails the test unless the API answers 2xx; returns the JSON. */
function sender(app: FastifyInstance, session: Session) {
  return async (method: string, url: string, payload?: unknown) => {
    const res = await request(app, session, { method, url, payload });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
}

/** Runs `fn` against an app using `cipher`, as the admin `user`. */
async function withApi<T>(
  cipher: FieldCipher,
  fn: (send: ReturnType<typeof sender>) => Promise<T>,
): Promise<T> {
  const app = await buildApp({ database: rt.database, cipher, logger: false });
  try {
    return await fn(sender(app, await buildSession(rt, user)));
  } finally {
    await app.close();
  }
}

async function writeCaseTexts(cipher: FieldCipher): Promise<string> {
  return withApi(cipher, async (send) => {
    const c = await send('POST', '/api/cases', {
      identities: [{ given: 'Nok', family: 'Rotated' }],
      consent: {
        decision: 'given',
        method: 'written',
        guardianName: TEXTS.guardianName,
        bestInterestNote: TEXTS.bestInterestNote,
      },
    });
    await send('POST', `/api/cases/${c.id}/events`, {
      stage: 'identification',
      type: 'nrm_decision',
      occurredOn: '2026-01-10',
      outcome: TEXTS.outcome,
    });
    await send('POST', `/api/cases/${c.id}/tasks`, { title: TEXTS.title });
    await send('POST', `/api/cases/${c.id}/plan-items`, { domain: 'safety', action: TEXTS.action });
    return c.id as string;
  });
}

describe('rotateDataKey: every encrypted column', () => {
  it('knows every `_enc` column of the database, and each registered column exists', async () => {
    const columns = await rt.database.query<{ table: string; column: string }>(
      `select table_name as table, column_name as column from information_schema.columns
       where table_schema = 'public'`,
    );
    const has = (table: string, column: string) =>
      columns.some((c) => c.table === table && c.column === column);
    const registered = ENCRYPTED_FIELDS.map((f) => `${f.table}.${f.column}`);
    const encColumns = columns.filter((c) => c.column.endsWith('_enc'));
    expect(encColumns.map((c) => `${c.table}.${c.column}`).sort()).toEqual([...registered].sort());
    for (const f of ENCRYPTED_FIELDS) {
      expect(has(f.table, f.idColumn), `${f.table}.${f.idColumn}`).toBe(true);
      if (f.legacyColumn) {
        expect(has(f.table, f.legacyColumn), `${f.table}.${f.legacyColumn}`).toBe(true);
      }
    }
  });

  it('re-encrypts consent guardian and best-interest text, outcomes, task titles and plan actions', async () => {
    const caseId = await writeCaseTexts(await loadKeyring(rt.database.db, rt.masterKey));
    const result = await rotateDataKey(operator(), rt.masterKey);
    const cipher = await loadKeyring(rt.database.db, rt.masterKey);
    // Every ciphertext in the database, of every registered column, is now under the new key.
    for (const f of ENCRYPTED_FIELDS) {
      const rows = await rt.database.query<{ value: string }>(
        `select "${f.column}" as value from "${f.table}" where "${f.column}" is not null`,
      );
      const keyIds = new Set(rows.map((r) => cipher.keyIdOf(r.value)));
      expect([...keyIds], `${f.table}.${f.column}`).toEqual(rows.length ? [result.keyId] : []);
    }
    for (const [table, column] of [
      ['case_consents', 'guardian_name_enc'],
      ['case_consents', 'best_interest_note_enc'],
      ['case_events', 'outcome_enc'],
      ['case_tasks', 'title_enc'],
      ['case_plan_items', 'action_enc'],
    ]) {
      const [row] = await rt.database.query<{ n: number }>(
        `select count(*)::int as n from "${table}" where case_id = $1 and "${column}" is not null`,
        [caseId],
      );
      expect(row!.n, `${table}.${column}`).toBe(1);
    }
    await withApi(cipher, async (send) => {
      const consents = await send('GET', `/api/cases/${caseId}/consents`);
      expect(consents.items[0]).toMatchObject({
        guardianName: TEXTS.guardianName,
        bestInterestNote: TEXTS.bestInterestNote,
      });
      expect((await send('GET', `/api/cases/${caseId}/events`)).items[0].outcome).toBe(
        TEXTS.outcome,
      );
      expect((await send('GET', `/api/cases/${caseId}/tasks`)).items[0].title).toBe(TEXTS.title);
      expect((await send('GET', `/api/cases/${caseId}/assessment`)).plan[0].action).toBe(
        TEXTS.action,
      );
    });
    expect((await verifyAuditChain(operator())).ok).toBe(true);
  });
});

describe('integrity keys', () => {
  it('one audit and one backup key, active, left alone by data-key rotation', async () => {
    const before = await keyTable();
    const macKeys = Object.entries(before).filter(([, v]) => !v.startsWith('data:'));
    expect(macKeys.map(([, v]) => v).sort()).toEqual(['audit_mac:active', 'backup_mac:active']);
    const backupKey = await loadBackupKey(rt.database.db, rt.masterKey);
    const [wrapped] = await rt.database.query<{ w: string }>(
      'select wrapped_key as w from encryption_keys where id = $1',
      [backupKey.id],
    );
    await rotateDataKey(operator(), rt.masterKey);
    const after = await keyTable();
    for (const [id, v] of macKeys) {
      expect(after[id], id).toBe(v);
    }
    expect(Object.values(after).filter((v) => v === 'data:active')).toHaveLength(1);
    const [same] = await rt.database.query<{ w: string }>(
      'select wrapped_key as w from encryption_keys where id = $1',
      [backupKey.id],
    );
    expect(same).toEqual(wrapped);
    // The chain is still sealed by the same key after the rotation's own audit entry.
    expect((await verifyAuditChain(operator(), { checkpointFile: null })).ok).toBe(true);
  });
});

describe('rewrapDataKeys', () => {
  it('moves the keyring to a new master key; the old one stops working', async () => {
    const newMaster = generateKey();
    const backupKey = await loadBackupKey(rt.database.db, rt.masterKey);
    await rewrapDataKeys(operator(), rt.masterKey, newMaster);
    await expect(loadKeyring(rt.database.db, rt.masterKey)).rejects.toBeInstanceOf(
      WrongMasterKeyError,
    );
    const cipher = await loadKeyring(rt.database.db, newMaster);
    expect(cipher.decrypt(await storedSecret(), aad(user.id))).toBe(SECRET);
    // The MAC keys moved too: the same backup key, and seals made before still verify.
    expect(await loadBackupKey(rt.database.db, newMaster)).toMatchObject({
      id: backupKey.id,
      key: backupKey.key,
    });
    expect((await verifyAuditChain(operator(), { checkpointFile: null })).ok).toBe(true);
    const rows = await rt.database.query<{ n: number }>(
      'select count(*)::int as n from audit_seals s join encryption_keys k on k.id = s.key_id',
    );
    expect(rows[0]!.n).toBeGreaterThan(3);
  });
});
