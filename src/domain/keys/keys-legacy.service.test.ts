import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from '@test/support/build-app.ts';
import { createRuntime, type TestRuntime } from '@test/support/database.ts';
import { buildOrganisation, buildSession, buildUser, unique } from '@test/support/factories.ts';
import { migrateDatabase, openDatabase } from '@/db/client.ts';
import { verifyAuditChain } from '@/domain/audit/index.ts';
import type { Organisation } from '@/domain/auth/index.ts';
import { createCase } from '@/domain/cases/index.ts';
import { loadConfig } from '@/lib/config.ts';
import { generateKey } from '@/lib/crypto.ts';
import { newId } from '@/lib/ids.ts';
import { systemActor, systemCtx } from '@/lib/system-actor.ts';
import { buildApp } from '@/server/app.ts';
import { openRuntime } from '@/server/bootstrap.ts';
import { encryptLegacyPlaintext, loadKeyring } from './index.ts';

/**
 * Before migration 0008, guardian name, best-interest note, event outcome, task title and plan
 * action were stored in clear. An installation upgraded from then has such values in the old
 * columns: start-up encrypts them into the new ones and empties the old ones, once, audited.
 */
const auditCtx = {
  actor: systemActor(null),
  meta: { ip: null, requestId: null, userAgent: 'test' },
  now: () => new Date(),
};

interface Legacy {
  org: Organisation;
  caseId: string;
  texts: Record<'guardian' | 'bestInterest' | 'outcome' | 'title' | 'action', string>;
}

/** A case with one row of each kind written the pre-0008 way (plain columns, no `_enc`). */
async function seedLegacyRows(rt: TestRuntime): Promise<Legacy> {
  const org = await buildOrganisation(rt);
  const ctx = systemCtx({ db: rt.database.db, cipher: rt.cipher }, org.id);
  const c = await createCase(ctx, {
    identities: [{ given: 'Old', family: 'Install', script: 'Latn', kind: 'primary' }],
  });
  const token = unique();
  const texts = {
    guardian: `Aunt Somsri ${token}`,
    bestInterest: `Panel decision ${token}`,
    outcome: `Recognised as a victim ${token}`,
    title: `Call the embassy ${token}`,
    action: `Refer to a debt counsellor ${token}`,
  };
  const q = rt.database.query;
  await q(
    `insert into case_consents (id, organisation_id, case_id, chain_id, version, purpose,
       data_categories, method, decision, guardian_name, best_interest_note)
     values ($1, $2, $3, $4, 1, 'case_management', '{all}', 'written', 'given', $5, $6)`,
    [newId(), org.id, c.id, newId(), texts.guardian, texts.bestInterest],
  );
  await q(
    `insert into case_events (id, organisation_id, case_id, stage, type, occurred_on, outcome)
     values ($1, $2, $3, 'identification', 'nrm_decision', '2026-01-10', $4)`,
    [newId(), org.id, c.id, texts.outcome],
  );
  await q('insert into case_tasks (id, organisation_id, case_id, title) values ($1, $2, $3, $4)', [
    newId(),
    org.id,
    c.id,
    texts.title,
  ]);
  await q(
    `insert into case_plan_items (id, organisation_id, case_id, domain, action)
     values ($1, $2, $3, 'safety', $4)`,
    [newId(), org.id, c.id, texts.action],
  );
  return { org, caseId: c.id, texts };
}

/** Rows of the four tables (and the audit log) whose text holds `value`. */
async function rowsHolding(rt: TestRuntime, value: string): Promise<number> {
  let n = 0;
  for (const table of [
    'case_consents',
    'case_events',
    'case_tasks',
    'case_plan_items',
    'audit_events',
  ]) {
    const [row] = await rt.database.query<{ n: number }>(
      `select count(*)::int as n from ${table} x where strpos(x::text, $1) > 0`,
      [value],
    );
    n += row!.n;
  }
  return n;
}

/** What the API shows of the case, as an admin of its organisation. */
async function shown(rt: TestRuntime, legacy: Legacy): Promise<Legacy['texts']> {
  const app = await buildApp({ database: rt.database, cipher: rt.cipher, logger: false });
  const session = await buildSession(rt, await buildUser(rt, legacy.org, 'admin'));
  const get = async (path: string) => {
    const res = await request(app, session, {
      method: 'GET',
      url: `/api/cases/${legacy.caseId}${path}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  try {
    const consent = (await get('/consents')).items[0];
    return {
      guardian: consent.guardianName,
      bestInterest: consent.bestInterestNote,
      outcome: (await get('/events')).items[0].outcome,
      title: (await get('/tasks')).items[0].title,
      action: (await get('/assessment')).plan[0].action,
    };
  } finally {
    await app.close();
  }
}

async function encryptPlaintextAudits(rt: TestRuntime) {
  return rt.database.query<{ details: { encrypted: number; columns: Record<string, number> } }>(
    "select details from audit_events where action = 'keys.encrypt_plaintext' order by seq",
  );
}

describe('encryptLegacyPlaintext', () => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await createRuntime();
  });
  afterAll(async () => {
    await rt.database.close();
  });

  it('encrypts values left in clear, empties the old columns, and audits it once', async () => {
    const legacy = await seedLegacyRows(rt);
    for (const value of Object.values(legacy.texts)) {
      expect(await rowsHolding(rt, value), value).toBe(1);
    }

    expect(await encryptLegacyPlaintext(rt.database.db, rt.cipher, auditCtx)).toBe(5);

    for (const value of Object.values(legacy.texts)) {
      expect(await rowsHolding(rt, value), value).toBe(0);
    }
    expect(await shown(rt, legacy)).toEqual(legacy.texts);
    expect((await encryptPlaintextAudits(rt)).map((a) => a.details)).toEqual([
      {
        encrypted: 5,
        columns: {
          'case_consents.guardian_name': 1,
          'case_consents.best_interest_note': 1,
          'case_events.outcome': 1,
          'case_tasks.title': 1,
          'case_plan_items.action': 1,
        },
      },
    ]);
    expect((await verifyAuditChain(systemCtx({ db: rt.database.db, cipher: rt.cipher }))).ok).toBe(
      true,
    );

    // Nothing left: a second start does nothing and audits nothing.
    expect(await encryptLegacyPlaintext(rt.database.db, rt.cipher, auditCtx)).toBe(0);
    expect(await encryptPlaintextAudits(rt)).toHaveLength(1);
  });
});

describe('openRuntime', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hw-legacy-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('encrypts pre-0008 plain values at start-up, after migrating', async () => {
    const masterKey = generateKey();
    const database = await openDatabase({ dataDir: dir });
    let legacy: Legacy;
    try {
      await migrateDatabase(database);
      const cipher = await loadKeyring(database.db, masterKey);
      legacy = await seedLegacyRows({ database, cipher, masterKey });
    } finally {
      await database.close();
    }
    const config = {
      ...loadConfig({}),
      dataDir: dir,
      masterKey: masterKey.toString('base64'),
    };
    const runtime = await openRuntime(config);
    const rt = { database: runtime.database, cipher: runtime.cipher, masterKey };
    try {
      for (const value of Object.values(legacy.texts)) {
        expect(await rowsHolding(rt, value), value).toBe(0);
      }
      expect(await shown(rt, legacy)).toEqual(legacy.texts);
      expect(await encryptPlaintextAudits(rt)).toHaveLength(1);
    } finally {
      await runtime.database.close();
    }
  });
});
