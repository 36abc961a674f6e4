export { recordAudit, recordAuditNow, listAudit } from './audit.service.ts';
export type { AuditCtx } from './audit.service.ts';
export { verifyAuditChain, verifyAudit } from './audit-verify.service.ts';
export { registerAuditKey, setAuditCheckpointFile, auditCheckpointFile } from './audit-keys.ts';
export { writeAuditCheckpoint, type CheckpointResult } from './audit-checkpoint.ts';
export * from './audit.schema.ts';
export * from './audit-verify.schema.ts';
export { auditRoutes } from './audit.routes.ts';
