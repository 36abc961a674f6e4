import { describe, expect, it } from 'vitest';
import { childRulesFor } from './child-rules.ts';
import type { ChildRulesInput } from './screening.schema.ts';

const SCREENED = '2026-12-03';

function decide(input: Partial<ChildRulesInput>) {
  return childRulesFor({ possibleMinor: false, screeningDate: SCREENED, ...input });
}

describe('childRulesFor', () => {
  it('counts the age at recruitment, not at the screening', () => {
    // 17 when recruited, 19 when screened.
    expect(decide({ birthDate: '2007-01-01', recruitmentDate: '2024-06-01' })).toEqual({
      rules: 'child',
      reason: 'under_18_at_recruitment',
    });
  });

  it('turns to the adult rules on the 18th birthday', () => {
    expect(decide({ birthDate: '2006-06-15', recruitmentDate: '2024-06-14' }).rules).toBe('child');
    expect(decide({ birthDate: '2006-06-15', recruitmentDate: '2024-06-15' })).toEqual({
      rules: 'adult',
      reason: 'adult_at_recruitment',
    });
  });

  it('takes 1 March as the 18th birthday of someone born on 29 February, in a common year', () => {
    expect(decide({ birthDate: '2004-02-29', recruitmentDate: '2022-02-28' }).rules).toBe('child');
    expect(decide({ birthDate: '2004-02-29', recruitmentDate: '2022-03-01' }).rules).toBe('adult');
  });

  it('with a birth year only, treats the year they turn 18 as possibly under 18', () => {
    expect(decide({ birthYear: 2006, recruitmentDate: '2023-05-01' })).toEqual({
      rules: 'child',
      reason: 'under_18_at_recruitment',
    });
    expect(decide({ birthYear: 2006, recruitmentDate: '2024-12-31' })).toEqual({
      rules: 'child',
      reason: 'may_have_been_under_18_at_recruitment',
    });
    expect(decide({ birthYear: 2006, recruitmentDate: '2025-01-01' })).toEqual({
      rules: 'adult',
      reason: 'adult_at_recruitment',
    });
  });

  it('without a recruitment date, counts the age at the screening', () => {
    expect(decide({ birthDate: '2010-01-01' })).toEqual({
      rules: 'child',
      reason: 'under_18_at_screening',
    });
    expect(decide({ birthYear: 2008 })).toEqual({
      rules: 'child',
      reason: 'may_be_under_18_at_screening',
    });
    expect(decide({ birthDate: '2000-05-20' })).toEqual({
      rules: 'adult',
      reason: 'adult_at_screening',
    });
  });

  it('applies the child rules to a person flagged as possibly a minor, whatever the dates say', () => {
    expect(
      decide({ possibleMinor: true, birthDate: '1998-01-01', recruitmentDate: '2024-01-01' }),
    ).toEqual({ rules: 'child', reason: 'flagged_possible_minor' });
    expect(decide({ possibleMinor: true })).toEqual({
      rules: 'child',
      reason: 'flagged_possible_minor',
    });
  });

  it('says so when nothing is known of the age and nobody flagged a possible minor', () => {
    expect(decide({ recruitmentDate: '2024-01-01' })).toEqual({
      rules: 'adult',
      reason: 'age_unknown_not_flagged',
    });
  });

  it('prefers the birth date to the birth year', () => {
    expect(decide({ birthDate: '2000-01-01', birthYear: 2010 }).rules).toBe('adult');
  });
});

describe('childRulesFor with an estimated age (no birth date or year)', () => {
  const estimated = (years: number, on: string) => ({ estimatedAge: { years, on } });

  it('counts the estimate back to the recruitment: 19 now, recruited two years before → may have been a child', () => {
    expect(decide({ ...estimated(19, '2026-11-01'), recruitmentDate: '2024-03-01' })).toEqual({
      rules: 'child',
      reason: 'may_have_been_under_18_at_recruitment',
    });
  });

  it('never says "under 18" for an estimate, only "may be"', () => {
    expect(decide(estimated(15, '2026-11-01'))).toEqual({
      rules: 'child',
      reason: 'may_be_under_18_at_screening',
    });
  });

  it('an estimate of 19 or more on the day gives the adult rules', () => {
    expect(decide({ ...estimated(30, '2026-11-01'), recruitmentDate: '2025-01-10' })).toEqual({
      rules: 'adult',
      reason: 'adult_at_recruitment',
    });
    expect(decide(estimated(19, '2026-11-01'))).toEqual({
      rules: 'adult',
      reason: 'adult_at_screening',
    });
  });

  it('a birth year, when known, wins over the estimate', () => {
    expect(decide({ birthYear: 1990, ...estimated(16, '2026-11-01') })).toEqual({
      rules: 'adult',
      reason: 'adult_at_screening',
    });
  });
});
