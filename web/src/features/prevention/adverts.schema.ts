/**
 * The reported-adverts contract, shared with the server: only the zod-only `*.schema.ts` files
 * are imported from `src/`, so the types cannot drift from the API.
 */
export {
  ADVERT_REPORT_STATUSES,
  AdvertReportReviewSchema,
  INDICATOR_KINDS,
  TREND_DIMENSIONS,
  type AdvertReport,
  type AdvertReportStatus,
  type AdvertReportSummary,
  type AssignmentList,
  type AssignmentView,
  type IndicatorGroup,
  type IndicatorKind,
  type Trend,
} from '@/domain/prevention/advert-reports.schema.ts';
export { JOB_CHANNELS, type JobChannel } from '@/domain/prevention/jobcheck/jobcheck.schema.ts';
