import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from '@/db/client.ts';
import { auditKey, sealMatches } from './audit-keys.ts';
import { chainHashAt, latestSeal, lockCheckpoint, type SealRow } from './audit.repository.ts';

/**
 * The latest sealed point of the audit chain, kept outside the database (a file in the data
 * folder, and a line in the server log) so that rolling the database back to an older copy, or
 * deleting its newest rows and their seals, shows: verify finds the database behind or apart
 * from it. `mac` is the row's seal (HMAC under the audit key), so the file cannot be forged
 * without the master key.
 */
export interface AuditCheckpoint {
  format: typeof CHECKPOINT_FORMAT;
  keyId: string;
  seq: string;
  hash: string;
  mac: string;
  at: string;
}

export const CHECKPOINT_FORMAT = 'homeward-audit-checkpoint';
/** How often the server writes the checkpoint when the chain has grown (and when it stops). */
export const CHECKPOINT_EVERY_MS = 10_000;

/** Raised when the checkpoint file exists but is not a readable checkpoint. */
export class CheckpointFileError extends Error {
  constructor() {
    super('The audit checkpoint file is not readable');
    this.name = 'CheckpointFileError';
  }
}

/** Reads the checkpoint file; null when it does not exist. Throws `CheckpointFileError`. */
export function readCheckpointFile(file: string): AuditCheckpoint | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      return null;
    }
    throw new CheckpointFileError();
  }
  try {
    const cp = JSON.parse(text) as Partial<AuditCheckpoint>;
    const strings = [cp.keyId, cp.seq, cp.hash, cp.mac, cp.at];
    if (cp.format !== CHECKPOINT_FORMAT || strings.some((s) => typeof s !== 'string')) {
      throw new CheckpointFileError();
    }
    if (!/^\d+$/.test(cp.seq!)) {
      throw new CheckpointFileError();
    }
    return cp as AuditCheckpoint;
  } catch {
    throw new CheckpointFileError();
  }
}

/** Whether the checkpoint's MAC is a valid seal under an audit key this process holds. */
export function checkpointMacValid(cp: AuditCheckpoint): boolean {
  const key = auditKey(cp.keyId);
  return key !== undefined && sealMatches(key, { ...cp, seq: BigInt(cp.seq) });
}

/** Replaces `file` atomically (temp file of this process, fsync, rename), mode 0600. */
function writeFileAtomically(file: string, content: string): void {
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } finally {
    rmSync(temp, { force: true });
  }
}

function checkpointOf(seal: SealRow): AuditCheckpoint {
  return {
    format: CHECKPOINT_FORMAT,
    keyId: seal.keyId,
    seq: seal.seq.toString(),
    hash: seal.hash,
    mac: seal.mac,
    at: new Date().toISOString(),
  };
}

function sameCheckpoint(a: AuditCheckpoint, b: AuditCheckpoint): boolean {
  return a.keyId === b.keyId && a.seq === b.seq && a.hash === b.hash;
}

export type CheckpointResult =
  | { outcome: 'written' | 'unchanged'; checkpoint: AuditCheckpoint }
  | { outcome: 'nothing_sealed' }
  | { outcome: 'refused'; reason: string };

/**
 * Why the newest seal may not replace `existing` (null when it may): the file only ever moves
 * forward along the same chain, so a rolled-back or re-written database never overwrites the
 * evidence of what it was.
 */
async function refusal(tx: Db, existing: AuditCheckpoint, seal: SealRow): Promise<string | null> {
  if (existing.keyId !== seal.keyId) {
    return 'the checkpoint file belongs to another audit key';
  }
  if (BigInt(existing.seq) > seal.seq) {
    return 'the database is behind the checkpoint file (rolled back or newest rows deleted)';
  }
  if ((await chainHashAt(tx, BigInt(existing.seq))) !== existing.hash) {
    return 'the chain no longer holds the checkpointed row (re-written or replaced)';
  }
  return null;
}

/**
 * Writes the newest seal to `file` when it moves the checkpoint forward along the same chain.
 * Every process (server, CLI; several on PostgreSQL) serialises on one advisory lock and reads
 * the newest seal under it, so the file never goes backwards. `force` (restore only, whose
 * backup was authenticated) replaces whatever the file held.
 */
export async function writeAuditCheckpoint(
  db: Db,
  file: string,
  opts: { force?: boolean } = {},
): Promise<CheckpointResult> {
  return db.transaction(async (tx): Promise<CheckpointResult> => {
    await lockCheckpoint(tx);
    const seal = await latestSeal(tx);
    if (!seal) {
      return { outcome: 'nothing_sealed' };
    }
    const key = auditKey(seal.keyId);
    if (!key || !sealMatches(key, seal)) {
      return { outcome: 'refused', reason: 'the newest seal does not verify' };
    }
    const checkpoint = checkpointOf(seal);
    if (!opts.force) {
      let existing: AuditCheckpoint | null;
      try {
        existing = readCheckpointFile(file);
      } catch {
        return { outcome: 'refused', reason: 'the checkpoint file is not readable' };
      }
      if (existing && sameCheckpoint(existing, checkpoint)) {
        return { outcome: 'unchanged', checkpoint: existing };
      }
      const reason = existing ? await refusal(tx, existing, seal) : null;
      if (reason) {
        return { outcome: 'refused', reason };
      }
    }
    writeFileAtomically(file, `${JSON.stringify(checkpoint)}\n`);
    return { outcome: 'written', checkpoint };
  });
}
