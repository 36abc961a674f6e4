import type { ChildRulesDecision, ChildRulesInput, RulesReason } from './screening.schema.ts';

type Age = 'under_18' | 'may_be_under_18' | 'adult' | 'unknown';

/**
 * The person's age on `day` (`YYYY-MM-DD`) from what is known of their birth. ISO dates compare
 * as strings, as everywhere in Homeward; the 18th birthday is the same month and day 18 years
 * on, so someone born on 29 February turns 18 on 1 March in a common year. A birth year alone
 * leaves the year they turn 18 open: they may still have been 17.
 */
function ageOn(input: ChildRulesInput, day: string): Age {
  if (input.birthDate !== undefined) {
    const eighteenth = `${Number(input.birthDate.slice(0, 4)) + 18}${input.birthDate.slice(4)}`;
    return day < eighteenth ? 'under_18' : 'adult';
  }
  if (input.birthYear !== undefined) {
    const years = Number(day.slice(0, 4)) - input.birthYear;
    return years < 18 ? 'under_18' : years === 18 ? 'may_be_under_18' : 'adult';
  }
  if (input.estimatedAge !== undefined) {
    // An estimate is never exact: at 18 or younger on the day (counted in years from the day it
    // was taken) the person may have been a child, as with a birth year alone.
    const { years, on } = input.estimatedAge;
    const then = years - (Number(on.slice(0, 4)) - Number(day.slice(0, 4)));
    return then <= 18 ? 'may_be_under_18' : 'adult';
  }
  return 'unknown';
}

/**
 * Which rules a screening is scored under, decided when it is made. The child rules (no means
 * needed) apply when the person was under 18 at the time of recruitment, may have been (a birth
 * year only, in the year they turned 18), or is flagged as possibly a minor; without a
 * recruitment date the age at the screening counts. With no birth date, year or estimated age and
 * no flag the adult rules apply (`age_unknown_not_flagged`): the flag is how a caseworker records a reason
 * to believe the person may be a child.
 *
 * @example
 *   childRulesFor({ birthYear: 2006, possibleMinor: false, recruitmentDate: '2023-05-01',
 *     screeningDate: '2026-12-03' }) // { rules: 'child', reason: 'under_18_at_recruitment' }
 */
export function childRulesFor(input: ChildRulesInput): ChildRulesDecision {
  const atRecruitment = input.recruitmentDate !== undefined;
  const age = ageOn(input, input.recruitmentDate ?? input.screeningDate);
  const child = (reason: RulesReason): ChildRulesDecision => ({ rules: 'child', reason });
  if (age === 'under_18') {
    return child(atRecruitment ? 'under_18_at_recruitment' : 'under_18_at_screening');
  }
  if (age === 'may_be_under_18') {
    return child(
      atRecruitment ? 'may_have_been_under_18_at_recruitment' : 'may_be_under_18_at_screening',
    );
  }
  if (input.possibleMinor) {
    return child('flagged_possible_minor');
  }
  if (age === 'adult') {
    return {
      rules: 'adult',
      reason: atRecruitment ? 'adult_at_recruitment' : 'adult_at_screening',
    };
  }
  return { rules: 'adult', reason: 'age_unknown_not_flagged' };
}
