export * from './nrm.schema.ts';
export * from './nrm-views.schema.ts';
export { computeDue, addWorkingDays, localDay } from './deadline-math.ts';
export { SEED_JURISDICTIONS, seedJurisdiction } from './jurisdictions.ts';
export { listJurisdictions, updateStep, editHoliday } from './nrm-jurisdictions.service.ts';
export { createReferral, listReferrals } from './nrm-referrals.service.ts';
export { updateReferral } from './nrm-decisions.service.ts';
export { listDue, getNrmSettings, updateNrmSettings } from './nrm-due.service.ts';
export { nrmRoutes } from './nrm.routes.ts';
