/**
 * The job-offer checker (issue 13): `checkJob` for a pasted advert or recruiter's message (public
 * API, `homeward jobcheck explain`), `scoreRecord` and `readEmscadCsv` for EMSCAD-shaped CSV files
 * (`homeward jobcheck score`), and the contract's schemas. Design: check.ts; model: MODEL_CARD.md.
 */
export { checkJob, combine, RULE_FLOOR, scoreRecord, servedText } from './check.ts';
export { EMSCAD_COLUMNS, readEmscadCsv, type ReadRecord } from './emscad-csv.ts';
export type { EmscadRecord } from './features.ts';
export { models } from './model.ts';
export { scoreCsv, type ScoreSummary } from './score-csv.ts';
export * from './jobcheck.schema.ts';
