export * from './cases.schema.ts';
export * from './case-views.schema.ts';
export * from './case-journey.schema.ts';
export { createCase, getCase, updateCase } from './cases.service.ts';
export { listCases, findDuplicates } from './case-list.service.ts';
export { retraffickingRisk } from './case-risk.ts';
export { casesRoutes } from './cases.routes.ts';
