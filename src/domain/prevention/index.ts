export * from './advert-reports.schema.ts';
export {
  submitReport,
  listReports,
  getReport,
  reviewReport,
  listGroups,
} from './advert-reports.service.ts';
export { reportTrends } from './advert-trends.service.ts';
export { listAssignments, replaceAssignments } from './prevention-assignments.service.ts';
export { extractIndicators } from './advert-extract.ts';
export { countryOf } from './advert-countries.ts';
export { advertReportRoutes } from './advert-reports.routes.ts';
