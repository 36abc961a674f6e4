import { z } from 'zod';

/**
 * Result of `homeward audit verify` and `GET /api/audit/verify`: `ok` is false when the chain,
 * its seals or the checkpoint kept outside the database show tampering; `firstBrokenSeq` and
 * `reason` then say where and what. `warnings` never make `ok` false (e.g. a database role that
 * could disable the audit triggers). Holds no audit content.
 */
export const AuditVerifyReportSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenSeq: z.string().nullable(),
  reason: z.string().nullable(),
  warnings: z.array(z.string()),
});
export type AuditVerifyReport = z.infer<typeof AuditVerifyReportSchema>;
