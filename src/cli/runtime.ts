import { auditCheckpointFile, writeAuditCheckpoint } from '@/domain/audit/index.ts';
import { loadConfig, type Config } from '@/lib/config.ts';
import { systemCtx } from '@/lib/system-actor.ts';
import type { Ctx } from '@/lib/context.ts';
import { openRuntime, type Runtime } from '@/server/bootstrap.ts';

/** Opens the configured database for one command, and closes it afterwards. */
export async function withRuntime<T>(
  fn: (rt: Runtime, config: Config) => Promise<T>,
  opts: { migrate?: boolean } = {},
): Promise<T> {
  const config = loadConfig();
  const rt = await openRuntime(config, opts);
  const warning = masterKeyWarning(rt);
  if (warning) {
    console.warn(warning);
  }
  try {
    return await fn(rt, config);
  } finally {
    await updateAuditCheckpoint(rt);
    await rt.database.close();
  }
}

/** Moves the audit checkpoint outside the database forward (commands append audit rows). */
async function updateAuditCheckpoint(rt: Runtime): Promise<void> {
  const file = auditCheckpointFile(rt.database.db);
  if (!file) {
    return;
  }
  try {
    const result = await writeAuditCheckpoint(rt.database.db, file);
    if (result.outcome === 'refused') {
      console.warn(`Audit checkpoint not updated: ${result.reason}. Run homeward audit verify.`);
    }
  } catch {
    console.warn('Audit checkpoint not updated. Run homeward audit verify.');
  }
}

/** Service context acting as the installation operator, optionally inside one organisation. */
export function cliCtx(rt: Runtime, organisationId: string | null = null): Ctx {
  return systemCtx({ db: rt.database.db, cipher: rt.cipher }, organisationId);
}

/** Prints a one-line progress indicator on stderr (only on a terminal). */
export function progress(label: string, done: number, total?: number): void {
  if (!process.stderr.isTTY) {
    return;
  }
  const pct = total ? ` ${Math.floor((done / Math.max(total, 1)) * 100)}%` : '';
  const bar = total
    ? ` [${'#'.repeat(Math.floor((done / Math.max(total, 1)) * 20)).padEnd(20)}]`
    : '';
  process.stderr.write(`\r${label}${bar}${pct} ${done}${total ? `/${total}` : ''}   `);
}

export function endProgress(): void {
  if (process.stderr.isTTY) {
    process.stderr.write('\n');
  }
}

/** Reads all of stdin (for --password-stdin). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** A warning to print when the master key was just generated in the data folder. */
export function masterKeyWarning(rt: Runtime): string | null {
  if (rt.masterKey.source !== 'generated') {
    return null;
  }
  return (
    `WARNING: generated a new master key at ${rt.masterKey.path}. It encrypts sensitive fields. ` +
    'Back it up apart from the data (a backup without the key cannot be read); for production ' +
    'set HOMEWARD_MASTER_KEY or HOMEWARD_KEY_FILE instead (see README).'
  );
}
