import { z } from 'zod';

/**
 * The job-offer checker's contract: what a person pastes (an advert or a recruiter's message, with
 * a few optional fields) and what they get back. The public API (`POST /api/public/job-check`),
 * the CLI (`homeward jobcheck explain`) and the reported-adverts module share it.
 */

/** Longest text the checker accepts (characters); longer input is refused with 413. */
export const JOB_CHECK_MAX_TEXT = 20_000;

/** How the offer reached the person. */
export const JOB_CHANNELS = [
  'social_media',
  'messaging_app',
  'friend_or_relative',
  'job_site',
  'agency',
  'other',
] as const;
export const JobChannelSchema = z.enum(JOB_CHANNELS);
export type JobChannel = z.infer<typeof JobChannelSchema>;

/** Languages the checker's reasons and advice are written in (BCP 47 primary subtags). */
export const JOB_CHECK_LANGUAGES = [
  'en',
  'th',
  'id',
  'vi',
  'fil',
  'sw',
  'bn',
  'my',
  'km',
  'zh',
] as const;
export const JobCheckLanguageSchema = z.enum(JOB_CHECK_LANGUAGES);
export type JobCheckLanguage = z.infer<typeof JobCheckLanguageSchema>;

const optionalField = (max: number) => z.string().trim().max(max).optional();

/** What the checker reads. Only `text` is required; absent fields are not scored as missing. */
export const JobCheckInputSchema = z.strictObject({
  text: z.string().trim().min(1).max(JOB_CHECK_MAX_TEXT),
  title: optionalField(300),
  salary: optionalField(200),
  location: optionalField(300),
  channel: JobChannelSchema.optional(),
  /** Where the job is said to be: a country name in any language, a city, or an ISO 3166 code. */
  destination: optionalField(200),
});
export type JobCheckInput = z.infer<typeof JobCheckInputSchema>;

export const JOB_RISKS = ['low', 'medium', 'high'] as const;
export const JobRiskSchema = z.enum(JOB_RISKS);
export type JobRisk = z.infer<typeof JobRiskSchema>;

/** One reason for the result: a red-flag rule that fired, or a model feature that moved the score. */
export const JobCheckReasonSchema = z.object({
  kind: z.enum(['rule', 'model']),
  /** Stable id: the rule id (`free_travel_visa`) or the model feature's explanation key. */
  id: z.string(),
  /** Plain language the person can act on, in the requested language. */
  text: z.string(),
  /** Where the red flag is documented (rules only). */
  source: z.string().optional(),
  /** Contribution to the log-odds: positive raises the risk, negative lowers it. */
  weight: z.number(),
});
export type JobCheckReason = z.infer<typeof JobCheckReasonSchema>;

/** The checker's answer. */
export const JobCheckResultSchema = z.object({
  risk: JobRiskSchema,
  /** Probability that the offer is fraudulent, calibrated for real-world prevalence (~5 %). */
  probability: z.number().min(0).max(1),
  reasons: z.array(JobCheckReasonSchema),
  /** What to check before going, in the requested language. */
  advice: z.array(z.object({ id: z.string(), text: z.string() })),
});
export type JobCheckResult = z.infer<typeof JobCheckResultSchema>;
