export { loadKeyring, rotateDataKey, rewrapDataKeys, WrongMasterKeyError } from './keys.service.ts';
export { encryptLegacyPlaintext } from './keys-legacy.service.ts';
