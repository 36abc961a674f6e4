export * from './referral.schema.ts';
export * from './referral-packet.schema.ts';
export {
  createReferral,
  getReferral,
  listCaseReferrals,
  listReferrals,
  referralPurpose,
} from './referral.service.ts';
export { sendReferral, consentIssues } from './referral-send.service.ts';
export {
  acceptReferral,
  completeReferral,
  declineReferral,
  revokeReferral,
  startReferral,
} from './referral-respond.service.ts';
export {
  appendHistory,
  applyTransition,
  auditBothSides,
  type TransitionRequest,
} from './referral-transition.ts';
export { locateReferral, readPacket, referralView, reloadView } from './referral-read.ts';
export { buildPacketData, expandCategories, openPacket, sealPacket } from './referral-packet.ts';
export { isOverdue, toSummary } from './referral-view.ts';
export {
  destroyPacket,
  findReferral,
  lockReferral,
  updateReferralIf,
  type ReferralRow,
} from './referral.repository.ts';
export { referralRoutes } from './referral.routes.ts';
