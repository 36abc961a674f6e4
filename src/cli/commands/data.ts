import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { isEmptyInstallation, readBackupHeader, writeBackup } from '@/db/backup.ts';
import { restoreBackup } from '@/db/restore.ts';
import {
  auditCheckpointFile,
  recordAuditNow,
  verifyAuditChain,
  writeAuditCheckpoint,
} from '@/domain/audit/index.ts';
import {
  loadBackupKey,
  loadKeyring,
  rewrapDataKeys,
  rotateDataKey,
  unwrapBackupKey,
} from '@/domain/keys/index.ts';
import { masterKeyId, parseMasterKey } from '@/lib/crypto.ts';
import { cliCtx, endProgress, progress, withRuntime } from '../runtime.ts';

export function registerDataCommands(program: Command): void {
  program
    .command('audit')
    .description('Audit log tools')
    .command('verify')
    .description(
      'Check the audit log (hash chain, seals, checkpoint outside the database); exits 1 and ' +
        'names the first broken row',
    )
    .action(() =>
      withRuntime(async (rt) => {
        const report = await verifyAuditChain(cliCtx(rt), {
          onProgress: (n) => progress('Checked', n),
        });
        endProgress();
        for (const warning of report.warnings) {
          console.warn(`Warning: ${warning}.`);
        }
        if (!report.ok) {
          console.error(
            `Audit chain BROKEN at row seq=${report.firstBrokenSeq}: ${report.reason}. ` +
              `${report.checked} rows before it are intact.`,
          );
          process.exitCode = 1;
          return;
        }
        console.log(`Audit chain intact: ${report.checked} rows verified.`);
      }),
    );

  program
    .command('backup')
    .description('Write a consistent backup of the database to a file (gzip JSON lines)')
    .requiredOption('--out <file>', 'backup file to create')
    .option('--overwrite', 'replace the file if it exists')
    .action((o: { out: string; overwrite?: boolean }) => {
      if (existsSync(o.out) && !o.overwrite) {
        throw new Error(`${o.out} exists. Choose another name or pass --overwrite.`);
      }
      return withRuntime(async (rt) => {
        await recordAuditNow(rt.database.db, cliCtx(rt), {
          organisationId: null,
          action: 'backup.create',
          details: { file: o.out.split('/').pop() },
        });
        const header = await writeBackup(rt.database, o.out, {
          masterKeyId: masterKeyId(rt.masterKey.key),
          macKey: await loadBackupKey(rt.database.db, rt.masterKey.key),
        });
        console.log(`Backup written to ${o.out} (${header.tables.length} tables).`);
        console.log('Keep the master key apart from the backup: both are needed to restore.');
      });
    });

  program
    .command('restore')
    .description('Replace the database content with a backup (all or nothing)')
    .requiredOption('--in <file>', 'backup file')
    .option('--force', 'overwrite a database that already has data')
    .action((o: { in: string; force?: boolean }) =>
      withRuntime(async (rt) => {
        const header = await readBackupHeader(o.in);
        if (header.masterKeyId && header.masterKeyId !== masterKeyId(rt.masterKey.key)) {
          throw new Error(
            'This backup was made with a different master key. Configure that key ' +
              '(HOMEWARD_MASTER_KEY / HOMEWARD_KEY_FILE) before restoring, or encrypted fields ' +
              'would be unreadable.',
          );
        }
        if (!o.force && !(await isEmptyInstallation(rt.database))) {
          throw new Error('This database already has data. Pass --force to replace all of it.');
        }
        const counts = await restoreBackup(rt.database, o.in, {
          unwrapMacKey: (id, wrapped) => unwrapBackupKey(rt.masterKey.key, id, wrapped),
          onProgress: (t, n) => progress(`Restoring ${t}`, n),
        });
        endProgress();
        // The restored keys (the audit key among them) replace those loaded at start.
        await loadKeyring(rt.database.db, rt.masterKey.key);
        await recordAuditNow(rt.database.db, cliCtx(rt), {
          organisationId: null,
          action: 'backup.restore',
          details: { madeAt: header.createdAt, rows: counts },
        });
        // The restore is a deliberate rollback: the checkpoint outside the database follows it.
        const checkpoint = auditCheckpointFile(rt.database.db);
        if (checkpoint) {
          await writeAuditCheckpoint(rt.database.db, checkpoint, { force: true });
        }
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        console.log(`Restored ${total} rows from ${o.in} (backup of ${header.createdAt}).`);
      }),
    );

  program
    .command('keys')
    .description('Encryption key management')
    .command('rotate')
    .description('Create a new data key and re-encrypt every encrypted field with it')
    .option('--new-master-key-file <file>', 'also re-wrap the data keys under this new master key')
    .action((o: { newMasterKeyFile?: string }) =>
      withRuntime(async (rt) => {
        const result = await rotateDataKey(cliCtx(rt), rt.masterKey.key, (n) =>
          progress('Re-encrypted', n),
        );
        endProgress();
        console.log(`New data key ${result.keyId}; ${result.reencrypted} values re-encrypted.`);
        if (o.newMasterKeyFile) {
          const next = parseMasterKey(readFileSync(o.newMasterKeyFile, 'utf8'));
          const n = await rewrapDataKeys(cliCtx(rt), rt.masterKey.key, next);
          console.log(
            `${n} data keys re-wrapped under the new master key. From now on start Homeward ` +
              `with HOMEWARD_KEY_FILE=${o.newMasterKeyFile} (the old key no longer works).`,
          );
        }
      }),
    );
}
