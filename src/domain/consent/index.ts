export * from './consent.schema.ts';
export {
  assertCanShare,
  canShare,
  listConsents,
  recordConsent,
  withdrawConsent,
  type AuthorityRecipient,
  type ShareRequest,
} from './consent.service.ts';
export { listRecipients } from './consent-recipients.service.ts';
export { consentRoutes } from './consent.routes.ts';
