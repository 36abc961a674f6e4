import { z } from 'zod';
import { cursorSchema } from '@/lib/cursor.schema.ts';
import { IsoDateSchema, IsoDateTimeSchema } from '@/lib/dates.schema.ts';

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
export const AuditOutcomeSchema = z.enum(AUDIT_OUTCOMES);
export type AuditOutcome = z.infer<typeof AuditOutcomeSchema>;

/** Details stay small and never hold survivor data: ids, counts, field names, reasons. */
export const AuditDetailsSchema = z.record(z.string(), z.unknown());

/** One audit entry as a service records it. */
export const AuditEntrySchema = z.object({
  organisationId: z.string().uuid().nullable(),
  action: z.string().min(1).max(100),
  entityType: z.string().max(60).nullable().default(null),
  entityId: z.string().max(200).nullable().default(null),
  outcome: AuditOutcomeSchema.default('success'),
  details: AuditDetailsSchema.default({}),
});
export type AuditEntry = z.input<typeof AuditEntrySchema>;

/** An audit event as the API returns it. */
export const AuditEventSchema = z.object({
  id: z.string(),
  seq: z.string(),
  at: z.string(),
  organisationId: z.string().nullable(),
  actorUserId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  /**
   * What a person reads instead of the id: the case number of a case, the name of a member, an
   * API token or the organisation; null when the entity is gone or of another kind.
   */
  entityLabel: z.string().nullable(),
  outcome: AuditOutcomeSchema,
  ip: z.string().nullable(),
  details: AuditDetailsSchema,
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

const isoDate = IsoDateTimeSchema.or(IsoDateSchema);

export const AuditQuerySchema = z
  .object({
    actor: z.string().max(320).optional(),
    action: z.string().max(100).optional(),
    entityType: z.string().max(60).optional(),
    entityId: z.string().max(200).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    cursor: cursorSchema([['seq']]).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditPageSchema = z.object({
  items: z.array(AuditEventSchema),
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;
