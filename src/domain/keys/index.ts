export { loadKeyring, rotateDataKey, rewrapDataKeys, WrongMasterKeyError } from './keys.service.ts';
