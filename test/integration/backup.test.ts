import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBackupHeader, writeBackup } from '@/db/backup.ts';
import { restoreBackup, type RestoreOptions } from '@/db/restore.ts';
import { verifyAuditChain } from '@/domain/audit/index.ts';
import { createCase, createCaseEvent, getCase, listCases } from '@/domain/cases/index.ts';
import { createPlanItem } from '@/domain/cases/case-assessment.service.ts';
import { createTask, listTasksOfCase } from '@/domain/cases/case-tasks.service.ts';
import { listConsents } from '@/domain/consent/index.ts';
import { loadBackupKey, loadKeyring, unwrapBackupKey } from '@/domain/keys/index.ts';
import { generateKey, masterKeyId } from '@/lib/crypto.ts';
import { systemCtx } from '@/lib/system-actor.ts';
import { createRuntime, type TestRuntime } from '@test/support/database.ts';
import { buildOrganisation, buildUser, type TestUser } from '@test/support/factories.ts';

/** Values that must never appear in clear in a backup (DESIGN.md rule 3). */
const SECRETS = {
  phone: '+66 81 555 0199',
  passport: 'PX9913377',
  narrative: 'Held in compound K9 near the river and forced to run romance scams',
  health: 'Untreated fracture of the left wrist',
  exploitation: 'Beaten when daily targets were missed',
  location: 'Safe house on Soi Nine',
  eventNote: 'Met the legal aid lawyer at the shelter gate',
  guardian: 'Grandmother Tran Thi Mai',
  bestInterest: 'Panel found return to the grandmother safe',
  outcome: 'Charges for overstaying dropped',
  taskTitle: 'Ask the embassy for the passport kept by the broker',
  planAction: 'Enrol in the hairdressing course in Hai Phong',
};

let source: TestRuntime;
let dir: string;
let caseId: string;
let orgId: string;
let viewer: TestUser;

/** Backs `rt` up to `file` the way `homeward backup` does. */
async function backup(rt: TestRuntime, file: string): Promise<void> {
  await writeBackup(rt.database, file, {
    masterKeyId: masterKeyId(rt.masterKey),
    macKey: await loadBackupKey(rt.database.db, rt.masterKey),
  });
}

/** Restore options with `master` (the source's, unless a test says otherwise). */
const withKey = (master: Buffer = source.masterKey): RestoreOptions => ({
  unwrapMacKey: (id, wrapped) => unwrapBackupKey(master, id, wrapped),
});

beforeAll(async () => {
  source = await createRuntime();
  dir = mkdtempSync(join(tmpdir(), 'hw-backup-'));
  const org = await buildOrganisation(source);
  orgId = org.id;
  viewer = await buildUser(source, org, 'viewer');
  const ctx = systemCtx({ db: source.database.db, cipher: source.cipher }, org.id);
  const created = await createCase(ctx, {
    identities: [{ given: 'Lan', family: 'Nguyen', script: 'Latn', kind: 'primary' }],
    nationality: 'VNM',
    contacts: [{ kind: 'phone', value: SECRETS.phone }],
    documents: [{ type: 'passport', number: SECRETS.passport, issuingCountry: 'VNM' }],
    narrative: SECRETS.narrative,
    health: SECRETS.health,
    exploitationDetails: SECRETS.exploitation,
    currentLocation: SECRETS.location,
    consent: {
      decision: 'given',
      method: 'written',
      guardianName: SECRETS.guardian,
      bestInterestNote: SECRETS.bestInterest,
    },
  });
  caseId = created.id;
  await createCaseEvent(ctx, caseId, {
    stage: 'legal',
    type: 'non_punishment',
    occurredOn: '2026-01-10',
    outcome: SECRETS.outcome,
    note: SECRETS.eventNote,
  });
  await createTask(ctx, caseId, { title: SECRETS.taskTitle, kind: 'task' });
  await createPlanItem(ctx, caseId, {
    domain: 'income_work',
    action: SECRETS.planAction,
    status: 'planned',
  });
});

afterAll(async () => {
  await source.database.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('homeward backup and restore', () => {
  it('writes a backup that contains none of the sensitive values in plain text', async () => {
    const file = join(dir, 'plain-check.backup.gz');
    await backup(source, file);
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    expect(text).toContain(caseId);
    for (const value of Object.values(SECRETS)) {
      expect(text).not.toContain(value);
    }
    expect(text).not.toContain(source.masterKey.toString('base64'));
  });

  it('restores everything into an empty database, readable with the same master key', async () => {
    const file = join(dir, 'roundtrip.backup.gz');
    await backup(source, file);
    expect((await readBackupHeader(file)).tables).toContain('cases');
    const target = await createRuntime();
    try {
      const counts = await restoreBackup(target.database, file, withKey());
      expect(counts.cases).toBeGreaterThan(0);
      expect(counts.audit_events).toBeGreaterThan(0);
      const cipher = await loadKeyring(target.database.db, source.masterKey);
      const restored = await getCase(systemCtx({ db: target.database.db, cipher }, orgId), caseId);
      expect(restored.sensitive?.narrative).toBe(SECRETS.narrative);
      expect(restored.sensitive?.documents[0]?.number).toBe(SECRETS.passport);
      expect(restored.stage).toBe('legal');
      const restoredCtx = systemCtx({ db: target.database.db, cipher }, orgId);
      const consents = await listConsents(restoredCtx, caseId);
      expect(consents.items[0]).toMatchObject({
        guardianName: SECRETS.guardian,
        bestInterestNote: SECRETS.bestInterest,
      });
      const tasks = await listTasksOfCase(restoredCtx, caseId);
      expect(tasks.items.map((x) => x.title)).toEqual([SECRETS.taskTitle]);
      // The name-word dictionary is not in the file: it is rebuilt, so search still works.
      expect((await readBackupHeader(file)).tables).not.toContain('name_terms');
      const found = await listCases(systemCtx({ db: target.database.db, cipher }, orgId), {
        q: 'Lan Ngyuen',
        limit: 10,
      });
      expect(found.items.map((i) => i.id)).toContain(caseId);
      const chain = await verifyAuditChain(
        systemCtx({ db: target.database.db, cipher: target.cipher }),
      );
      expect(chain.ok).toBe(true);
    } finally {
      await target.database.close();
    }
  });

  it('refuses a file that is not a Homeward backup and leaves the database unchanged', async () => {
    const target = await createRuntime();
    const bogus = join(dir, 'bogus.gz');
    const { gzipSync } = await import('node:zlib');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(bogus, gzipSync('{"format":"something-else"}\n'));
    try {
      const before = await snapshot(target);
      await expect(restoreBackup(target.database, bogus, withKey())).rejects.toThrow(
        /Not a Homeward backup/,
      );
      expect(await snapshot(target)).toEqual(before);
    } finally {
      await target.database.close();
    }
  });
});

/** What a refused restore must leave as it was: row counts, key ids and the audit head. */
async function snapshot(rt: TestRuntime): Promise<unknown> {
  return rt.database.query(
    `select (select count(*)::int from organisations) as orgs,
            (select count(*)::int from users) as users,
            (select count(*)::int from cases) as cases,
            (select max(seq)::text from audit_events) as audit_head,
            (select max(seq)::text from audit_seals) as seal_head,
            (select string_agg(id, ',' order by id) from encryption_keys) as keys`,
  );
}

/** The backup's lines (without the final newline). */
function linesOf(file: string): string[] {
  return gunzipSync(readFileSync(file)).toString('utf8').replace(/\n$/, '').split('\n');
}

/** Writes `lines` re-compressed, as someone editing a backup would. */
function rewrite(file: string, lines: string[]): void {
  writeFileSync(file, gzipSync(`${lines.join('\n')}\n`));
}

describe('authenticated backups', () => {
  let file: string;
  let lines: string[];
  let target: TestRuntime;

  beforeAll(async () => {
    file = join(dir, 'signed.backup.gz');
    await backup(source, file);
    lines = linesOf(file);
    target = await createRuntime();
  });

  afterAll(async () => {
    await target.database.close();
  });

  const index = (fragment: string) => {
    const i = lines.findIndex((l) => l.includes(fragment));
    expect(i, fragment).toBeGreaterThan(0);
    return i;
  };

  const edits: [string, () => string[]][] = [
    [
      'a viewer turned into a platform admin',
      () =>
        lines.map((l) =>
          l.includes(viewer.email)
            ? l.replace('"platform_admin":false', '"platform_admin":true')
            : l,
        ),
    ],
    [
      'the organisation renamed',
      () => lines.map((l) => l.replace(/"name":"Test Org [^"]+"/, '"name":"Evil Org"')),
    ],
    [
      'two lines swapped',
      () => {
        const copy = [...lines];
        const a = index(viewer.email);
        [copy[a], copy[a - 1]] = [copy[a - 1]!, copy[a]!];
        return copy;
      },
    ],
    ['a row removed', () => lines.filter((_, i) => i !== index(viewer.email))],
    ['a row duplicated', () => lines.flatMap((l, i) => (i === index(viewer.email) ? [l, l] : [l]))],
    ['the last lines cut off', () => lines.slice(0, -4)],
    ['only the trailer cut off', () => lines.slice(0, -1)],
    ['a line added after the trailer', () => [...lines, lines.at(-2)!]],
    [
      'a forged trailer (one digit of the MAC changed)',
      () => [
        ...lines.slice(0, -1),
        lines.at(-1)!.replace(/"mac":"(.)/, (_, c: string) => `"mac":"${c === '0' ? '1' : '0'}`),
      ],
    ],
  ];

  it.each(edits)('refuses a backup with %s, changing nothing', async (_, edit) => {
    const edited = join(dir, 'edited.backup.gz');
    const changed = edit();
    expect(changed).not.toEqual(lines);
    rewrite(edited, changed);
    const before = await snapshot(target);
    await expect(restoreBackup(target.database, edited, withKey())).rejects.toThrow(
      /The backup file was changed or is incomplete/,
    );
    expect(await snapshot(target)).toEqual(before);
    expect(
      (await verifyAuditChain(systemCtx({ db: target.database.db, cipher: target.cipher }))).ok,
    ).toBe(true);
  });

  it('refuses a file whose compressed data was cut short', async () => {
    const cut = join(dir, 'cut.backup.gz');
    const bytes = readFileSync(file);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
    const before = await snapshot(target);
    await expect(restoreBackup(target.database, cut, withKey())).rejects.toThrow(
      /changed or is incomplete: its compressed data is damaged or cut short/,
    );
    expect(await snapshot(target)).toEqual(before);
  });

  it('refuses a backup whose key does not unwrap with this master key', async () => {
    const before = await snapshot(target);
    await expect(restoreBackup(target.database, file, withKey(generateKey()))).rejects.toThrow(
      /does not unlock with this master key/,
    );
    expect(await snapshot(target)).toEqual(before);
  });

  it('refuses an unauthenticated backup of the old format (version 1)', async () => {
    const old = join(dir, 'v1.backup.gz');
    const header = JSON.parse(lines[0]!) as Record<string, unknown>;
    delete header.macKey;
    rewrite(old, [JSON.stringify({ ...header, version: 1 }), ...lines.slice(1, -1)]);
    const before = await snapshot(target);
    await expect(restoreBackup(target.database, old, withKey())).rejects.toThrow(/version 1/);
    expect(await snapshot(target)).toEqual(before);
  });

  it('restores the untouched file, whose audit log then verifies', async () => {
    rewrite(join(dir, 'same.backup.gz'), lines);
    const counts = await restoreBackup(target.database, join(dir, 'same.backup.gz'), withKey());
    expect(counts.users).toBeGreaterThan(0);
    const [row] = await target.database.query<{ platform_admin: boolean }>(
      'select platform_admin from users where id = $1',
      [viewer.id],
    );
    expect(row?.platform_admin).toBe(false);
    await loadKeyring(target.database.db, source.masterKey);
    expect(
      (await verifyAuditChain(systemCtx({ db: target.database.db, cipher: target.cipher }))).ok,
    ).toBe(true);
  });
});
