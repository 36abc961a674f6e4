/**
 * The kinds of service the directory lists. A file of its own, without Zod, so that the light
 * public pages (web/src/public-pages) import the same list as the API's schemas.
 */
export const SERVICE_KINDS = [
  'shelter',
  'legal_aid',
  'medical',
  'mental_health_psychosocial',
  'reception',
  'travel_documents',
  'livelihood_job_placement',
  'debt_counselling',
  'education',
  'family_tracing',
  'hotline',
] as const;
export type ServiceKindName = (typeof SERVICE_KINDS)[number];
