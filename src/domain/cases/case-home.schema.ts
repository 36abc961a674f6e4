import { z } from 'zod';
import { TaskSchema } from './case-tasks.schema.ts';

/** A person on the home page: enough to open the case and say who it is. */
const HomePersonSchema = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  /** As entered; the web shows initials when names are hidden. */
  displayName: z.string(),
});

/**
 * A date worth knowing from the journey: an NRM referral still waiting for a decision, or a
 * return under way (departed, not yet arrived). `since` is the event's date.
 */
export const HomeKeyDateSchema = HomePersonSchema.extend({
  kind: z.enum(['nrm_waiting', 'return_under_way']),
  since: z.string(),
});
export type HomeKeyDate = z.infer<typeof HomeKeyDateSchema>;

export const HomeRecentSchema = HomePersonSchema.extend({ openedAt: z.string() });
export type HomeRecent = z.infer<typeof HomeRecentSchema>;

/** `GET /api/home`: what the signed-in user's day starts with. */
export const HomeSchema = z.object({
  caseload: z.object({
    /** Open cases assigned to the caller (counted up to 1,000; `capped` above). */
    mine: z.number(),
    /** Open cases of the organisation, for roles that see every case; else null. */
    organisation: z.number().nullable(),
    /** The caller's overdue open tasks (counted up to 1,000). */
    overdue: z.number(),
    capped: z.boolean(),
  }),
  /** The caller's open tasks due before today, oldest first (at most 20). */
  overdue: z.array(TaskSchema),
  /** The caller's open tasks due today or in the next 14 days (at most 20). */
  upcoming: z.array(TaskSchema),
  keyDates: z.array(HomeKeyDateSchema),
  /** Cases the caller opened most recently (from their own audit trail), at most 5. */
  recent: z.array(HomeRecentSchema),
});
export type Home = z.infer<typeof HomeSchema>;
