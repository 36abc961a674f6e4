import type { RetraffickingRisk } from './case-views.schema.ts';
import type { RiskFactor } from './cases.schema.ts';

/**
 * Re-trafficking risk from recorded factors. Contact by recruiters is the strongest signal on
 * its own; otherwise risk grows with the number of factors present.
 *   high: recruiter contact, or 3+ factors · medium: 2 factors, or plans to migrate again
 *   low: 1 factor · none: no factor recorded · not_assessed: the factors were never reviewed
 */
export const DECISIVE_FACTORS: readonly RiskFactor[] = ['recruiter_contact'];
export const ESCALATING_FACTORS: readonly RiskFactor[] = ['plans_to_migrate'];

const REASONS: Record<RiskFactor, string> = {
  unemployment: 'No work or income',
  debt: 'Debt (for example from recruitment or the journey home)',
  recruiter_contact: 'Recruiters or traffickers have been in contact again',
  plans_to_migrate: 'Plans to migrate for work again',
  family_pressure: 'Family pressure to provide',
  no_support: 'No support network',
};

/**
 * The level and its reasons. `reviewedAt` is when a caseworker last saved the factors: before
 * that the level is `not_assessed`, whatever the (empty) list says.
 */
export function retraffickingRisk(
  factors: readonly RiskFactor[],
  reviewedAt: Date | null,
): RetraffickingRisk {
  const unique = [...new Set(factors)];
  const level = !reviewedAt
    ? 'not_assessed'
    : unique.some((f) => DECISIVE_FACTORS.includes(f)) || unique.length >= 3
      ? 'high'
      : unique.length === 2 || unique.some((f) => ESCALATING_FACTORS.includes(f))
        ? 'medium'
        : unique.length === 1
          ? 'low'
          : 'none';
  return {
    level,
    factors: unique,
    explanation: unique.map((f) => REASONS[f]),
    reviewedAt: reviewedAt?.toISOString() ?? null,
  };
}
