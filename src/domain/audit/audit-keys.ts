import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '@/db/client.ts';

/**
 * The audit MAC keys this process holds, by key id. The keys module unwraps them with the master
 * key when it loads the keyring (`loadKeyring`) and registers them here; `recordAudit` is called
 * from every module with only a transaction, and the append finds the database's active key id
 * in the same statement that locks the head of the chain, so no signature changes and no extra
 * round trip are needed. The key never goes to the database.
 */
const macKeys = new Map<string, Buffer>();

/** Where each open database keeps its checkpoint outside the database (by root `Db`). */
const checkpointFiles = new WeakMap<Db, string>();

/** Makes `key` (unwrapped by the keys module) usable for sealing and verifying. */
export function registerAuditKey(id: string, key: Buffer): void {
  macKeys.set(id, key);
}

/** The unwrapped audit key with this id, if this process loaded it. */
export function auditKey(id: string): Buffer | undefined {
  return macKeys.get(id);
}

/**
 * Sets the file holding this database's latest sealed checkpoint (`HOMEWARD_DATA_DIR/
 * audit-checkpoint.json`); the server and the CLI write it, verify compares the database with it.
 */
export function setAuditCheckpointFile(db: Db, file: string): void {
  checkpointFiles.set(db, file);
}

/** The checkpoint file configured for `db`, or null (tests, or none configured). */
export function auditCheckpointFile(db: Db): string | null {
  return checkpointFiles.get(db) ?? null;
}

/** HMAC-SHA256 (hex) sealing the row `seq` whose chain hash is `hash`. */
export function sealMac(key: Buffer, keyId: string, seq: bigint, hash: string): string {
  return createHmac('sha256', key)
    .update(`homeward-audit-seal\n${keyId}\n${seq.toString()}\n${hash}`)
    .digest('hex');
}

/** Whether `mac` seals (`keyId`, `seq`, `hash`) under `key`; constant-time. */
export function sealMatches(
  key: Buffer,
  seal: { keyId: string; seq: bigint; hash: string; mac: string },
): boolean {
  const expected = Buffer.from(sealMac(key, seal.keyId, seal.seq, seal.hash), 'hex');
  const given = Buffer.from(seal.mac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
