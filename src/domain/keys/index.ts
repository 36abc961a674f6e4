export { loadKeyring, rotateDataKey, rewrapDataKeys, WrongMasterKeyError } from './keys.service.ts';
export { encryptLegacyPlaintext } from './keys-legacy.service.ts';
export {
  BackupKeyError,
  loadBackupKey,
  unwrapBackupKey,
  type BackupKey,
} from './keys-integrity.service.ts';
