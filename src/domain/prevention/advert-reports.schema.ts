import { z } from 'zod';
import { JobChannelSchema, JobCheckInputSchema } from './jobcheck/jobcheck.schema.ts';

/**
 * Reported job adverts: what the public sends (`POST /api/public/job-reports`), what outreach
 * teams review, the indicators (phones, links, handles) found in them, and which organisations
 * review which countries. Reports are anonymous and kept apart from survivor data.
 */

/** A reviewer's verdict on a report. */
export const ADVERT_REPORT_STATUSES = ['new', 'reviewed', 'actioned', 'dismissed'] as const;
export const AdvertReportStatusSchema = z.enum(ADVERT_REPORT_STATUSES);
export type AdvertReportStatus = z.infer<typeof AdvertReportStatusSchema>;

/** Kinds of contact point found in an advert. */
export const INDICATOR_KINDS = ['phone', 'link', 'handle', 'email'] as const;
export const IndicatorKindSchema = z.enum(INDICATOR_KINDS);
export type IndicatorKind = z.infer<typeof IndicatorKindSchema>;

/** An ISO 3166-1 alpha-3 code (upper case), as everywhere in Homeward's API. */
export const CountryCodeSchema = z.string().regex(/^[A-Z]{3}$/, 'An ISO 3166-1 alpha-3 code');

/** The public report: the checker's input plus the country the person is in or comes from. */
export const JobReportInputSchema = JobCheckInputSchema.extend({
  /** The country the person is in or from: a name in any language or an ISO 3166 code. */
  origin: z.string().trim().max(200).optional(),
});
export type JobReportInput = z.infer<typeof JobReportInputSchema>;

/** The public answer: nothing about what was stored. */
export const JobReportReceivedSchema = z.object({ received: z.literal(true) });

/** A normalised contact point (E.164 phone, link without tracking, `telegram:name`, e-mail). */
export const IndicatorSchema = z.object({ kind: IndicatorKindSchema, value: z.string() });
export type Indicator = z.infer<typeof IndicatorSchema>;

/** An indicator of a report, with how many other visible reports share it. */
export const ReportIndicatorSchema = IndicatorSchema.extend({
  otherReports: z.number().int().min(0),
});

/** A report in a list: no text. */
export const AdvertReportSummarySchema = z.object({
  id: z.uuid(),
  receivedOn: z.iso.date(),
  title: z.string().nullable(),
  channel: JobChannelSchema.nullable(),
  destination: z.string().nullable(),
  origin: z.string().nullable(),
  status: AdvertReportStatusSchema,
  indicatorCount: z.number().int().min(0),
});
export type AdvertReportSummary = z.infer<typeof AdvertReportSummarySchema>;

/** A report with its text and indicators. */
export const AdvertReportSchema = AdvertReportSummarySchema.extend({
  text: z.string(),
  /** The destination and origin as the person wrote them, when not recognised as a country. */
  destinationText: z.string().nullable(),
  originText: z.string().nullable(),
  salary: z.string().nullable(),
  location: z.string().nullable(),
  statusNote: z.string().nullable(),
  reviewedAt: z.iso.datetime().nullable(),
  indicators: z.array(ReportIndicatorSchema),
});
export type AdvertReport = z.infer<typeof AdvertReportSchema>;

export const AdvertReportPageSchema = z.object({
  items: z.array(AdvertReportSummarySchema),
  nextCursor: z.string().nullable(),
});

export const AdvertReportListQuerySchema = z.strictObject({
  status: AdvertReportStatusSchema.optional(),
  country: CountryCodeSchema.optional(),
  channel: JobChannelSchema.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type AdvertReportListQuery = z.infer<typeof AdvertReportListQuerySchema>;

export const AdvertReportParamsSchema = z.object({ id: z.string().max(100) });

/** A reviewer's change of status, with an optional note. */
export const AdvertReportReviewSchema = z.strictObject({
  status: AdvertReportStatusSchema,
  note: z.string().trim().max(2000).optional(),
});
export type AdvertReportReview = z.infer<typeof AdvertReportReviewSchema>;

/** An indicator seen in several visible reports (a recruiter who posts many adverts). */
export const IndicatorGroupSchema = IndicatorSchema.extend({
  reports: z.number().int().min(1),
  firstSeen: z.iso.date(),
  lastSeen: z.iso.date(),
  reportIds: z.array(z.uuid()),
});
export type IndicatorGroup = z.infer<typeof IndicatorGroupSchema>;

export const IndicatorGroupsQuerySchema = z.strictObject({
  min: z.coerce.number().int().min(2).max(1000).default(2),
  kind: IndicatorKindSchema.optional(),
});
export const IndicatorGroupListSchema = z.object({ items: z.array(IndicatorGroupSchema) });

/** Dimensions trends are counted by. */
export const TREND_DIMENSIONS = ['channel', 'destination', 'title'] as const;
export const TrendQuerySchema = z.strictObject({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  by: z.enum(TREND_DIMENSIONS).default('channel'),
});
export type TrendQuery = z.infer<typeof TrendQuerySchema>;

/** Reports per month (`YYYY-MM`) per key (a channel, a country code, a job title; `null`: none). */
export const TrendSchema = z.object({
  by: z.enum(TREND_DIMENSIONS),
  from: z.iso.date(),
  to: z.iso.date(),
  months: z.array(z.string()),
  series: z.array(z.object({ key: z.string().nullable(), counts: z.array(z.number().int()) })),
});
export type Trend = z.infer<typeof TrendSchema>;

/** Which organisations review the reports of a country (destination or origin). */
export const AssignmentSchema = z.object({
  country: CountryCodeSchema,
  organisationIds: z.array(z.uuid()).max(100),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

/** The whole assignment table, replaced at once by `PUT`. */
export const AssignmentListSchema = z.strictObject({
  items: z.array(AssignmentSchema.strict()).max(300),
});
export type AssignmentList = z.infer<typeof AssignmentListSchema>;

/** The assignments with the organisations a platform admin can choose from. */
export const AssignmentViewSchema = z.object({
  items: z.array(AssignmentSchema),
  organisations: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type AssignmentView = z.infer<typeof AssignmentViewSchema>;
