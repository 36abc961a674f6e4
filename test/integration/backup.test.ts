import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBackupHeader, restoreBackup, writeBackup } from '@/db/backup.ts';
import { verifyAuditChain } from '@/domain/audit/index.ts';
import { createCase, createCaseEvent, getCase, listCases } from '@/domain/cases/index.ts';
import { createPlanItem } from '@/domain/cases/case-assessment.service.ts';
import { createTask, listTasksOfCase } from '@/domain/cases/case-tasks.service.ts';
import { listConsents } from '@/domain/consent/index.ts';
import { loadKeyring } from '@/domain/keys/index.ts';
import { masterKeyId } from '@/lib/crypto.ts';
import { systemCtx } from '@/lib/system-actor.ts';
import { createRuntime, type TestRuntime } from '@test/support/database.ts';
import { buildOrganisation } from '@test/support/factories.ts';

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

beforeAll(async () => {
  source = await createRuntime();
  dir = mkdtempSync(join(tmpdir(), 'hw-backup-'));
  const org = await buildOrganisation(source);
  orgId = org.id;
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
    await writeBackup(source.database, file, masterKeyId(source.masterKey));
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    expect(text).toContain(caseId);
    for (const value of Object.values(SECRETS)) {
      expect(text).not.toContain(value);
    }
    expect(text).not.toContain(source.masterKey.toString('base64'));
  });

  it('restores everything into an empty database, readable with the same master key', async () => {
    const file = join(dir, 'roundtrip.backup.gz');
    await writeBackup(source.database, file, masterKeyId(source.masterKey));
    expect((await readBackupHeader(file)).tables).toContain('cases');
    const target = await createRuntime();
    try {
      const counts = await restoreBackup(target.database, file);
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
      const chain = await verifyAuditChain(target.database.db);
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
      await expect(restoreBackup(target.database, bogus)).rejects.toThrow(/Not a Homeward backup/);
      const rows = await target.database.query<{ n: number }>(
        'select count(*)::int as n from encryption_keys',
      );
      expect(rows[0]?.n).toBe(1);
    } finally {
      await target.database.close();
    }
  });
});
