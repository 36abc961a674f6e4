export { recordAudit, recordAuditNow, listAudit, verifyAuditChain } from './audit.service.ts';
export type { AuditCtx } from './audit.service.ts';
export * from './audit.schema.ts';
export { auditRoutes } from './audit.routes.ts';
