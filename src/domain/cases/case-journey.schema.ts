import { z } from 'zod';
import { IsoDateSchema } from '@/lib/dates.schema.ts';

/** Journey stages in order (see shared pathways facts): the timeline groups events by these. */
export const STAGES = [
  'exit',
  'first_contact',
  'identification',
  'protection',
  'legal',
  'return',
  'reintegration',
  'follow_up',
  'closure',
] as const;
export const StageSchema = z.enum(STAGES);
export type Stage = z.infer<typeof StageSchema>;

/** Suggested event types per stage (the API accepts these). */
export const EVENT_TYPES: Record<Stage, readonly string[]> = {
  exit: ['escaped', 'released', 'rescued', 'deported', 'other'],
  first_contact: ['hotline', 'embassy', 'ngo', 'police', 'border', 'other'],
  identification: ['screening', 'nrm_referral', 'nrm_decision', 'other'],
  protection: ['shelter_admission', 'shelter_exit', 'medical', 'psychosocial', 'other'],
  legal: ['immigration_charge', 'non_punishment', 'testimony', 'compensation', 'other'],
  return: ['departure', 'arrival', 'reception', 'other'],
  reintegration: ['plan_agreed', 'livelihood', 'education', 'family', 'other'],
  follow_up: ['follow_up_contact', 'other'],
  closure: ['closed', 'other'],
};

export const EventCreateSchema = z
  .object({
    stage: StageSchema,
    type: z.string().min(1).max(40),
    occurredOn: IsoDateSchema,
    country: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    outcome: z.string().trim().max(200).optional(),
    note: z.string().max(5000).optional(),
  })
  .strict()
  .refine((e) => EVENT_TYPES[e.stage].includes(e.type), {
    message: 'This event type does not belong to the stage',
    path: ['type'],
  });
export type EventCreate = z.infer<typeof EventCreateSchema>;

export const CaseEventSchema = z.object({
  id: z.string(),
  stage: StageSchema,
  type: z.string(),
  occurredOn: z.string(),
  country: z.string().nullable(),
  /** Null for viewers (sensitive), and when none was recorded. */
  outcome: z.string().nullable(),
  /** Null for viewers (sensitive), and when none was recorded. */
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type CaseEvent = z.infer<typeof CaseEventSchema>;
export const CaseEventListSchema = z.object({ items: z.array(CaseEventSchema) });
