import { existsSync, readFileSync, statSync } from 'node:fs';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { request } from '@test/support/build-app.ts';
import { createRuntime } from '@test/support/database.ts';
import { buildOrganisation, buildSession, buildUser, unique } from '@test/support/factories.ts';
import { writeBackup } from '@/db/backup.ts';
import { restoreBackup } from '@/db/restore.ts';
import { loadBackupKey, loadKeyring, unwrapBackupKey } from '@/domain/keys/index.ts';
import { masterKeyId } from '@/lib/crypto.ts';
import { buildApp } from '@/server/app.ts';
import { setAuditCheckpointFile, writeAuditCheckpoint } from './index.ts';
import { ROLE_WARNING, verifyAuditChain } from './audit-verify.service.ts';
import {
  activity,
  dir,
  asOwnerWithoutTriggers,
  checkpoint,
  head,
  headOf,
  install,
  operator,
  rehashWithout,
  verifyBoth,
  type Install,
} from './audit-tamper.fixtures.ts';

/**
 * An attacker with access to the database (its owner role, able to disable triggers) cannot
 * hide what they did to the audit log: each attack runs on an installation of its own, and is
 * found both by `verifyAuditChain` (the CLI's `homeward audit verify`) and `GET /api/audit/verify`.
 */
describe('audit log under attack by someone with database access', () => {
  let clean: Install;

  beforeAll(async () => {
    clean = await install();
  });

  it('is intact when untouched, and warns that the role could disable the triggers', async () => {
    await activity(clean, 2);
    await checkpoint(clean);
    const report = await verifyBoth(clean);
    expect(report).toMatchObject({ ok: true, firstBrokenSeq: null, reason: null });
    expect(report.checked).toBeGreaterThanOrEqual(7);
    // Test databases run as a superuser, like PGlite always does.
    expect(report.warnings).toEqual([expect.stringContaining(ROLE_WARNING)]);
  });

  it('refuses a plain TRUNCATE, UPDATE or DELETE of the rows and of their seals', async () => {
    const before = await head(clean);
    for (const sql of [
      'truncate audit_events cascade',
      'truncate audit_seals',
      'truncate audit_events, audit_seals',
      `update audit_seals set mac = 'x'`,
      'delete from audit_seals',
    ]) {
      await expect(clean.q(sql), sql).rejects.toThrow(/append-only/);
    }
    expect(await head(clean)).toBe(before);
    expect((await verifyAuditChain(operator(clean))).ok).toBe(true);
  });

  it('finds the table emptied by an owner who disabled the trigger', async () => {
    const i = await install();
    await asOwnerWithoutTriggers(i, () => i.q('truncate audit_events, audit_seals'));
    // Even without the checkpoint file: the installation has an audit key, so it had rows.
    expect(await verifyAuditChain(operator(i), { checkpointFile: null })).toMatchObject({
      ok: false,
      firstBrokenSeq: '1',
      reason: expect.stringContaining('emptied'),
    });
    expect(await verifyBoth(i)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('emptied'),
    });
  });

  it('finds the newest rows deleted, with or without their seals', async () => {
    const i = await install();
    await activity(i, 4);
    await checkpoint(i);
    const last = await head(i);
    await asOwnerWithoutTriggers(i, () =>
      i.q('delete from audit_events where seq > $1', [(last - 2n).toString()]),
    );
    expect(await verifyAuditChain(operator(i), { checkpointFile: null })).toMatchObject({
      ok: false,
      firstBrokenSeq: (last - 1n).toString(),
      reason: expect.stringContaining('deleted'),
    });
    // The seals too: only the checkpoint outside the database still knows.
    await asOwnerWithoutTriggers(i, () =>
      i.q('delete from audit_seals where seq > $1', [(last - 2n).toString()]),
    );
    expect(await verifyBoth(i)).toMatchObject({
      ok: false,
      firstBrokenSeq: (last - 1n).toString(),
      reason: expect.stringMatching(
        /checkpoint outside it is at row \d+: the newest rows were deleted/,
      ),
    });
    // The server does not move the checkpoint back to hide it.
    expect(await writeAuditCheckpoint(i.rt.database.db, i.file)).toMatchObject({
      outcome: 'refused',
    });
    expect(JSON.parse(readFileSync(i.file, 'utf8'))).toMatchObject({ seq: last.toString() });
  });

  it('finds a row deleted and the chain re-hashed with SHA-256, even without the checkpoint', async () => {
    const i = await install();
    await activity(i, 3);
    const last = await head(i);
    const gone = last - 2n;
    await asOwnerWithoutTriggers(i, () => rehashWithout(i, gone));
    expect(await head(i)).toBe(last - 1n);
    expect(await verifyAuditChain(operator(i), { checkpointFile: null })).toMatchObject({
      ok: false,
      firstBrokenSeq: gone.toString(),
      reason: expect.stringContaining('re-written'),
    });
    expect(await verifyBoth(i)).toMatchObject({ ok: false, firstBrokenSeq: gone.toString() });
    // Dropping the seals instead leaves rows without one.
    await asOwnerWithoutTriggers(i, () => i.q('delete from audit_seals where seq >= $1', [gone]));
    expect(await verifyAuditChain(operator(i), { checkpointFile: null })).toMatchObject({
      ok: false,
      firstBrokenSeq: gone.toString(),
      reason: expect.stringContaining('no seal'),
    });
  });

  it('finds a rollback to an older copy, and the chain continued from it', async () => {
    const i = await install();
    const old = join(dir, `${unique()}.backup.gz`);
    const macKey = await loadBackupKey(i.rt.database.db, i.rt.masterKey);
    await writeBackup(i.rt.database, old, { masterKeyId: masterKeyId(i.rt.masterKey), macKey });
    await activity(i, 3);
    await checkpoint(i);
    const checkpointed = await head(i);
    await restoreBackup(i.rt.database, old, {
      unwrapMacKey: (id, wrapped) => unwrapBackupKey(i.rt.masterKey, id, wrapped),
    });
    expect(await verifyAuditChain(operator(i))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('rolled back to an older copy'),
    });
    // Writing on past the checkpoint's row does not hide it: that row is now another one.
    i.admin = await buildSession(i.rt, i.adminUser);
    await activity(i, 5);
    expect(await head(i)).toBeGreaterThan(checkpointed);
    expect(await verifyBoth(i)).toMatchObject({
      ok: false,
      firstBrokenSeq: checkpointed.toString(),
      reason: expect.stringContaining('differs from the checkpoint'),
    });
    expect(await writeAuditCheckpoint(i.rt.database.db, i.file)).toMatchObject({
      outcome: 'refused',
    });
  });

  it('finds the audit key replaced (deleted with the log, re-created at the next start)', async () => {
    const i = await install();
    await asOwnerWithoutTriggers(i, async () => {
      await i.q('truncate audit_events, audit_seals');
      await i.q(`delete from encryption_keys where purpose = 'audit_mac'`);
    });
    await loadKeyring(i.rt.database.db, i.rt.masterKey);
    expect(await verifyAuditChain(operator(i), { checkpointFile: null })).toMatchObject({
      ok: true,
    });
    expect(await verifyBoth(i)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('another audit key'),
    });
  });
});

describe('the checkpoint outside the database', () => {
  it('is written by the server when it starts and stops, logged as seq and MAC only', async () => {
    const rt = await createRuntime();
    const org = await buildOrganisation(rt);
    const adminUser = await buildUser(rt, org, 'admin');
    const file = join(dir, `${unique()}-server.json`);
    setAuditCheckpointFile(rt.database.db, file);
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
        done();
      },
    });
    const app = await buildApp({
      database: rt.database,
      cipher: rt.cipher,
      logger: { level: 'info', stream },
    });
    try {
      await app.ready();
      const started = JSON.parse(readFileSync(file, 'utf8')) as { seq: string; mac: string };
      expect(started.seq).toBe((await headOf(rt)).toString());
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const s = await buildSession(rt, adminUser);
      const res = await request(app, s, {
        method: 'PATCH',
        url: '/api/organisation',
        payload: { name: `Renamed ${unique()}` },
      });
      expect(res.statusCode).toBe(200);
      await app.close();
      const stopped = JSON.parse(readFileSync(file, 'utf8')) as { seq: string; mac: string };
      expect(BigInt(stopped.seq)).toBe(await headOf(rt));
      expect(BigInt(stopped.seq)).toBeGreaterThan(BigInt(started.seq));
      const logged = lines.filter((l) => l.msg === 'audit checkpoint');
      expect(logged.map((l) => l.auditCheckpoint)).toEqual([
        { seq: started.seq, mac: started.mac },
        { seq: stopped.seq, mac: stopped.mac },
      ]);
      expect(existsSync(`${file}.tmp`)).toBe(false);
    } finally {
      await app.close();
      await rt.database.close();
    }
  });
});
