import type { TFunction } from 'i18next';
import { stepWords } from './nrm-due';
import type { DurationUnit } from './nrm.schema';

/** A step's name in the UI language (a step the messages do not know reads as its words). */
export function stepLabel(step: string, t: TFunction): string {
  return t(`nrm.steps.${step}`, { defaultValue: stepWords(step) });
}

/** A figure in words, e.g. "5 working days"; "no fixed figure" when the data has none. */
export function figureLabel(
  figure: { duration: number | null; unit: DurationUnit | null },
  t: TFunction,
): string {
  if (figure.duration === null || figure.unit === null) {
    return t('nrm.noFigure');
  }
  return t(`nrm.units.${figure.unit}`, { count: figure.duration });
}

/** A decision kind in words ("Reasonable grounds"). */
export function decisionKindLabel(kind: string, t: TFunction): string {
  return t(`nrm.decisionKinds.${kind}`, { defaultValue: stepWords(kind) });
}
