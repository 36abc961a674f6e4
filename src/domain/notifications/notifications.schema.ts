import { z } from 'zod';

/**
 * Notifications by e-mail (issue 12 §7). A notification never carries survivor data: its subject
 * is one of a fixed list, its body is that subject's fixed sentence and a link into Homeward, and
 * the link is a path of lower-case ids (no query, no names). There is no free-text field.
 */
export const NOTIFICATION_SUBJECTS = ['referral_update', 'deadline_reminder', 'test'] as const;
export const NotificationSubjectSchema = z.enum(NOTIFICATION_SUBJECTS);
export type NotificationSubject = z.infer<typeof NotificationSubjectSchema>;

/** Each subject's subject line and its one sentence of body. */
export const NOTIFICATION_TEXTS: Record<
  NotificationSubject,
  { subject: string; sentence: string }
> = {
  referral_update: {
    subject: 'Homeward: a referral was updated',
    sentence: 'A referral for your organisation was updated. Sign in to Homeward to see it:',
  },
  deadline_reminder: {
    subject: 'Homeward: a deadline is coming up',
    sentence: 'A deadline on one of your cases is coming up. Sign in to Homeward to see it:',
  },
  test: {
    subject: 'Homeward: test notification',
    sentence: 'This is a test notification from Homeward. Sign in here:',
  },
};

/** A path in the web app: `/`, then lower-case letters, digits, `-` and `/` (ids, no data). */
export const NotificationLinkSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^(\/[a-z0-9-]+)*\/?$/, 'a path of lower-case ids, without query or fragment');

export const NotificationSchema = z.strictObject({
  to: z.email().max(254),
  subject: NotificationSubjectSchema,
  link: NotificationLinkSchema,
});
export type Notification = z.infer<typeof NotificationSchema>;
