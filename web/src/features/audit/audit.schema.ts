import { z } from 'zod';

/** The audit contract, shared with the server (see auth/auth.schema.ts). */
export {
  AuditEventSchema,
  AuditOutcomeSchema,
  type AuditEvent,
  type AuditOutcome,
} from '@/domain/audit/audit.schema.ts';

/** The filter form. Days are `YYYY-MM-DD` from `<input type="date">`; all fields may be empty. */
export const AuditFiltersSchema = z
  .object({
    action: z.string().trim().max(100),
    actor: z.string().trim().max(320),
    from: z.union([z.literal(''), z.iso.date()]),
    to: z.union([z.literal(''), z.iso.date()]),
  })
  .refine((filters) => !filters.from || !filters.to || filters.from <= filters.to, {
    path: ['to'],
    message: 'dateOrder',
  });
export type AuditFilters = z.infer<typeof AuditFiltersSchema>;

export const EMPTY_AUDIT_FILTERS: AuditFilters = { action: '', actor: '', from: '', to: '' };
