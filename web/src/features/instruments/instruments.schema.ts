/**
 * The instruments contract, shared with the server (see cases.schema.ts): only the zod-only
 * `*.schema.ts` files are imported from `src/`, so the form and the JSON import validate with
 * the server's own `InstrumentSchema` and the types cannot drift from the API.
 */
import { SourceStatusSchema } from '@/domain/screening/instrument.schema.ts';

export {
  APPLIES_TO,
  ELEMENTS,
  INSTRUMENT_KINDS,
  InstrumentSchema,
  PROVENANCES,
  STRENGTHS,
  type AppliesTo,
  type Element,
  type Indicator,
  type Instrument,
  type LocalizedText,
  type Provenance,
  type RulePart,
  type Strength,
  type Threshold,
  type ThresholdTerm,
} from '@/domain/screening/instrument.schema.ts';
export {
  INSTRUMENT_LANGS,
  type InstrumentLang,
  type InstrumentList,
  type InstrumentView,
} from '@/domain/screening/screening-views.schema.ts';

/** How far a source was checked (the values of `InstrumentSourceSchema.status`). */
export const SOURCE_STATUSES = SourceStatusSchema.options;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];
