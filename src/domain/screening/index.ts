export * from './instrument.schema.ts';
export * from './screening.schema.ts';
export * from './screening-views.schema.ts';
export { evaluateScreening } from './evaluate.ts';
export { childRulesFor } from './child-rules.ts';
export { BUILTIN_INSTRUMENTS, builtinInstrument } from './builtin-instruments.ts';
export {
  createInstrument,
  getInstrument,
  listInstruments,
} from './screening-instruments.service.ts';
export { getScreening, listCaseScreenings } from './screening-reads.service.ts';
export { createScreening, updateScreening } from './screenings.service.ts';
export { approveScreening } from './screening-approve.service.ts';
export { screeningRoutes } from './screening.routes.ts';
export * from './report/report.schema.ts';
export { screeningReport, type ScreeningReport } from './report/report.service.ts';
export { LEGAL_BASIS, provisionsFor } from './report/legal-basis.ts';
