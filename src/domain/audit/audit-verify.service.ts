import type { Db } from '@/db/client.ts';
import type { Ctx } from '@/lib/context.ts';
import { requireAccess, requirePlatformAdmin } from '@/policy/require-access.ts';
import {
  CheckpointFileError,
  checkpointMacValid,
  readCheckpointFile,
  type AuditCheckpoint,
} from './audit-checkpoint.ts';
import { auditCheckpointFile, auditKey, sealMatches } from './audit-keys.ts';
import {
  activeAuditKeyId,
  chainHashAt,
  GENESIS_HASH,
  hashAuditRow,
  latestSeal,
  readChainBatch,
  roleCanAlterAudit,
  type ChainRow,
} from './audit.repository.ts';
import type { AuditVerifyReport } from './audit-verify.schema.ts';
import { recordAuditNow } from './audit.service.ts';

export const ROLE_WARNING =
  'the runtime role can disable the audit triggers; serve as a separate role with only data grants';
const BATCH = 2000;

type Broken = Omit<AuditVerifyReport, 'warnings'>;
const broken = (checked: number, seq: bigint | string, reason: string): Broken => ({
  ok: false,
  checked,
  firstBrokenSeq: seq.toString(),
  reason,
});

interface Walk {
  checked: number;
  headSeq: bigint | null;
  sealed: boolean;
}

/** What is wrong with `row` given the chain before it, or null. */
function rowProblem(row: ChainRow, expectedSeq: bigint, prevHash: string, sealed: boolean) {
  const { prevHash: storedPrev, hash, seal, ...content } = row;
  if (row.seq !== expectedSeq) {
    return `row ${expectedSeq} is missing (next row is ${row.seq})`;
  }
  if (storedPrev !== prevHash) {
    return 'its link to the previous row does not match';
  }
  if (hash !== hashAuditRow(prevHash, content)) {
    return 'its content does not match its hash (edited)';
  }
  if (!seal) {
    // Rows before the first seal are an older installation's, covered by that seal's hash.
    return sealed ? 'it has no seal: it was written without the audit key (forged)' : null;
  }
  const key = auditKey(seal.keyId);
  if (!key) {
    return 'its seal was made with an audit key this installation does not hold (key replaced)';
  }
  if (seal.hash !== hash || !sealMatches(key, { ...seal, seq: row.seq })) {
    return 'its seal does not match: the chain was re-written (rows changed and re-hashed)';
  }
  return null;
}

/** Walks the whole chain in order: sequence, links, hashes and seals. */
async function walkChain(db: Db, onProgress?: (n: number) => void): Promise<Walk | Broken> {
  const walk: Walk = { checked: 0, headSeq: null, sealed: false };
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1n;
  for (;;) {
    const batch = await readChainBatch(db, expectedSeq - 1n, BATCH);
    for (const row of batch) {
      const problem = rowProblem(row, expectedSeq, prevHash, walk.sealed);
      if (problem) {
        return broken(walk.checked, expectedSeq, problem);
      }
      walk.sealed ||= row.seal !== null;
      prevHash = row.hash;
      walk.headSeq = row.seq;
      expectedSeq += 1n;
      walk.checked += 1;
    }
    onProgress?.(walk.checked);
    if (batch.length < BATCH) {
      return walk;
    }
  }
}

/** Deletions at the end of the chain that the database itself still shows. */
async function tailProblem(db: Db, walk: Walk): Promise<Broken | null> {
  const seal = await latestSeal(db);
  if (walk.headSeq === null) {
    if (seal || (await activeAuditKeyId(db))) {
      return broken(
        0,
        1n,
        'the audit log is empty but this installation has an audit key or seals: it was emptied',
      );
    }
    return null;
  }
  if (seal && seal.seq > walk.headSeq) {
    return broken(
      walk.checked,
      walk.headSeq + 1n,
      `rows after ${walk.headSeq} were deleted (seals up to ${seal.seq} remain)`,
    );
  }
  return walk.sealed ? null : broken(walk.checked, 1n, 'the chain has no seal (never sealed)');
}

/** The checkpoint file's content, a failure when unreadable, or a warning when missing. */
function readCheckpoint(file: string, checked: number): AuditCheckpoint | Broken | string {
  try {
    return (
      readCheckpointFile(file) ??
      'no audit checkpoint outside the database yet: a rollback cannot be detected'
    );
  } catch (err) {
    if (err instanceof CheckpointFileError) {
      return broken(checked, 1n, 'the checkpoint file outside the database is not readable');
    }
    throw err;
  }
}

/** Compares the database with the checkpoint kept outside it; a string is a warning. */
async function checkpointProblem(db: Db, file: string, walk: Walk): Promise<Broken | string> {
  const cp = readCheckpoint(file, walk.checked);
  if (typeof cp === 'string' || 'ok' in cp) {
    return cp;
  }
  const seq = BigInt(cp.seq);
  const n = walk.checked;
  if (cp.keyId !== (await activeAuditKeyId(db))) {
    return broken(
      n,
      seq,
      'the checkpoint outside the database is of another audit key: the database was replaced or its audit key changed',
    );
  }
  if (!checkpointMacValid(cp)) {
    return broken(n, seq, 'the checkpoint file was altered (its MAC does not match)');
  }
  if (walk.headSeq === null || seq > walk.headSeq) {
    const next = (walk.headSeq ?? 0n) + 1n;
    return broken(
      n,
      next,
      `the database ends at row ${walk.headSeq ?? 0} but the checkpoint outside it is at row ${seq}: the newest rows were deleted or the database was rolled back to an older copy`,
    );
  }
  if ((await chainHashAt(db, seq)) !== cp.hash) {
    return broken(
      n,
      seq,
      `row ${seq} differs from the checkpoint outside the database: the chain was re-written or replaced by another copy`,
    );
  }
  return '';
}

async function roleWarnings(db: Db): Promise<string[]> {
  const role = await roleCanAlterAudit(db);
  if (role.superuser) {
    return [`${ROLE_WARNING} (it is a superuser; the embedded database always is)`];
  }
  return role.owner ? [`${ROLE_WARNING} (it owns the audit table)`] : [];
}

/** What `verifyAuditChain` takes besides the context. */
export interface AuditChainOptions {
  /** Called with the count of rows checked so far. */
  onProgress?: (checked: number) => void;
  /** The checkpoint file outside the database; default: the one configured; null: none. */
  checkpointFile?: string | null;
}

/**
 * Checks the whole audit log: every row's sequence, link, hash and seal (HMAC under the audit
 * key, which only the master key unwraps), seals left beyond the last row, an emptied table, and
 * the database against the checkpoint kept outside it (`checkpointFile`, default: the one
 * configured for `db` at start-up; null: none). Detects edited, inserted and deleted rows
 * (newest ones included), a truncated table, a re-hashed chain and a rollback to an older copy.
 * Keys must be loaded (`loadKeyring`). `onProgress` gets the count of rows checked so far.
 */
async function checkAuditChain(db: Db, opts: AuditChainOptions = {}): Promise<AuditVerifyReport> {
  const warnings = await roleWarnings(db);
  const walk = await walkChain(db, opts.onProgress);
  if ('ok' in walk) {
    return { ...walk, warnings };
  }
  const tail = await tailProblem(db, walk);
  if (tail) {
    return { ...tail, warnings };
  }
  const file = opts.checkpointFile === undefined ? auditCheckpointFile(db) : opts.checkpointFile;
  const outside = file
    ? await checkpointProblem(db, file, walk)
    : 'no checkpoint outside the database is configured: a rollback cannot be detected';
  if (typeof outside !== 'string') {
    return { ...outside, warnings };
  }
  const all = outside ? [...warnings, outside] : warnings;
  return { ok: true, checked: walk.checked, firstBrokenSeq: null, reason: null, warnings: all };
}

/**
 * `homeward audit verify`: checks the installation's whole audit log (see `checkAuditChain`) for
 * the installation operator (the CLI, or a platform admin in person). Throws what
 * `requirePlatformAdmin` throws (`forbidden` for an organisation's own users, admins included:
 * they verify through `verifyAudit`).
 *
 * @example const report = await verifyAuditChain(cliCtx(rt), { onProgress });
 */
export async function verifyAuditChain(
  ctx: Ctx,
  opts: AuditChainOptions = {},
): Promise<AuditVerifyReport> {
  requirePlatformAdmin(ctx);
  return checkAuditChain(ctx.db, opts);
}

/**
 * `GET /api/audit/verify`: verifies the installation's audit log (see `checkAuditChain`) for an
 * admin (`audit.read`), audited as `audit.verify`. The report holds counts, a row number and a
 * reason, never audit content.
 */
export async function verifyAudit(ctx: Ctx): Promise<AuditVerifyReport> {
  const actor = await requireAccess(ctx, 'audit.read');
  const report = await checkAuditChain(ctx.db);
  try {
    await recordAuditNow(ctx.db, ctx, {
      organisationId: actor.organisationId,
      action: 'audit.verify',
      outcome: report.ok ? 'success' : 'failure',
      details: { ok: report.ok, checked: report.checked, firstBrokenSeq: report.firstBrokenSeq },
    });
  } catch (err) {
    // A tampered log may refuse the entry; the admin must still get the alarm.
    ctx.log.error({ err }, 'audit.verify could not be recorded');
  }
  if (!report.ok) {
    ctx.log.error({ firstBrokenSeq: report.firstBrokenSeq }, 'audit log verification failed');
  }
  return report;
}
