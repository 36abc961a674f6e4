/**
 * The NRM contract, shared with the server (see cases.schema.ts): only the zod-only `*.schema.ts`
 * files are imported from `src/`, so the types cannot drift from the API.
 */
export {
  DECISION_OUTCOMES,
  type DecisionKind,
  type DecisionOutcome,
  type DurationUnit,
  type Jurisdiction,
  type JurisdictionList,
  type NrmStep,
  type StepUpdate,
  StepUpdateSchema,
} from '@/domain/nrm/nrm.schema.ts';
export {
  DEFAULT_UPCOMING_DAYS,
  NrmSettingsUpdateSchema,
  ReferralCreateSchema,
  ReferralUpdateSchema,
  type DueItem,
  type DueList,
  type NrmSettings,
  type NrmSettingsUpdate,
  type Referral,
  type ReferralCreate,
  type ReferralStep,
  type ReferralUpdate,
} from '@/domain/nrm/nrm-views.schema.ts';
