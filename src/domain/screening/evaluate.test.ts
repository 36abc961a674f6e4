import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors.ts';
import { BUILTIN_INSTRUMENTS, builtinInstrument } from './builtin-instruments.ts';
import { evaluateScreening } from './evaluate.ts';
import type { Instrument } from './instrument.schema.ts';
import type { AnswerValue, ScreeningAnswer } from './screening.schema.ts';

const palermo = builtinInstrument('palermo-elements')!;
const ilo = builtinInstrument('ilo-forced-labour')!;
const delphi = builtinInstrument('ilo-ec-delphi')!;
const scam = builtinInstrument('scam-forced-criminality')!;

function answers(byId: Record<string, AnswerValue>): ScreeningAnswer[] {
  return Object.entries(byId).map(([indicatorId, answer]) => ({ indicatorId, answer }));
}

/** Every indicator of `instrument` in the given parts answered `value`, then `byId` on top. */
function all(
  instrument: Instrument,
  value: AnswerValue,
  byId: Record<string, AnswerValue> = {},
): ScreeningAnswer[] {
  const base = Object.fromEntries(instrument.indicators.map((i) => [i.id, value]));
  return answers({ ...base, ...byId });
}

function part(result: ReturnType<typeof evaluateScreening>, key: string) {
  return result.parts.find((p) => p.key === key)!;
}

describe('UN Trafficking Protocol elements', () => {
  it('child with act and purpose, means unknown: indicators present under the child rules', () => {
    const result = evaluateScreening(
      palermo,
      answers({ 'PAL-01': 'yes', 'PAL-02': 'unknown', 'PAL-03': 'yes' }),
      'child',
    );
    expect(result).toEqual({
      rules: 'child',
      finding: 'indicators_present',
      strength: 'strong',
      parts: [
        { key: 'act', status: 'met', drivers: ['PAL-01'] },
        { key: 'means', status: 'undetermined', drivers: ['PAL-02'] },
        { key: 'purpose', status: 'met', drivers: ['PAL-03'] },
      ],
    });
  });

  it('the same answers under the adult rules stay undetermined: the means could be yes', () => {
    const result = evaluateScreening(
      palermo,
      answers({ 'PAL-01': 'yes', 'PAL-03': 'yes' }),
      'adult',
    );
    expect(result.finding).toBe('undetermined');
    expect(part(result, 'means')).toEqual({
      key: 'means',
      status: 'undetermined',
      drivers: ['PAL-02'],
    });
  });

  it('adult with act and purpose and no means: not met, the no answer named', () => {
    const result = evaluateScreening(
      palermo,
      answers({ 'PAL-01': 'yes', 'PAL-02': 'no', 'PAL-03': 'yes' }),
      'adult',
    );
    expect(result.finding).toBe('insufficient_indicators');
    expect(part(result, 'means')).toEqual({ key: 'means', status: 'not_met', drivers: ['PAL-02'] });
    expect(
      evaluateScreening(
        palermo,
        answers({ 'PAL-01': 'yes', 'PAL-02': 'no', 'PAL-03': 'yes' }),
        'child',
      ).finding,
    ).toBe('indicators_present');
  });
});

describe('every built-in instrument', () => {
  it.each(BUILTIN_INSTRUMENTS.flatMap((i) => [[i.id, 'adult'] as const, [i.id, 'child'] as const]))(
    '%s, %s rules: all unknown (or left out) is undetermined, never insufficient',
    (id, rules) => {
      const instrument = builtinInstrument(id)!;
      const leftOut = evaluateScreening(instrument, [], rules);
      expect(leftOut.finding).toBe('undetermined');
      expect(leftOut.strength).toBeNull();
      expect(evaluateScreening(instrument, all(instrument, 'unknown'), rules)).toEqual(leftOut);
    },
  );

  it.each(BUILTIN_INSTRUMENTS.map((i) => i.id))(
    '%s: all no is insufficient, all yes present',
    (id) => {
      const instrument = builtinInstrument(id)!;
      for (const rules of ['adult', 'child'] as const) {
        const none = evaluateScreening(instrument, all(instrument, 'no'), rules);
        expect(none.finding).toBe('insufficient_indicators');
        expect(none.parts.every((p) => p.status === 'not_met')).toBe(true);
        expect(evaluateScreening(instrument, all(instrument, 'yes'), rules).finding).toBe(
          'indicators_present',
        );
      }
    },
  );
});

describe('ILO-EC Delphi combination rule', () => {
  const otherwiseNo = (byId: Record<string, AnswerValue>) => all(delphi, 'no', byId);

  it('one strong indicator alone does not make a dimension positive', () => {
    const alone = evaluateScreening(delphi, otherwiseNo({ 'DEL-CD-04': 'yes' }), 'adult');
    expect(part(alone, 'coercion_at_destination').status).toBe('not_met');
    expect(alone.strength).toBe('strong');
    // With the rest unknown, a second indicator could still come: undetermined, not not_met.
    const open = evaluateScreening(delphi, answers({ 'DEL-CD-04': 'yes' }), 'adult');
    expect(part(open, 'coercion_at_destination').status).toBe('undetermined');
  });

  it.each([
    ['two strong', { 'DEL-CD-01': 'yes', 'DEL-CD-04': 'yes' }, 'met'],
    ['one strong and one medium', { 'DEL-CD-04': 'yes', 'DEL-CD-09': 'yes' }, 'met'],
    ['one strong and one weak', { 'DEL-CD-04': 'yes', 'DEL-CD-15': 'yes' }, 'met'],
    ['three medium', { 'DEL-CD-08': 'yes', 'DEL-CD-09': 'yes', 'DEL-CD-10': 'yes' }, 'met'],
    [
      'two medium and one weak',
      { 'DEL-CD-08': 'yes', 'DEL-CD-09': 'yes', 'DEL-CD-15': 'yes' },
      'met',
    ],
    ['two medium', { 'DEL-CD-08': 'yes', 'DEL-CD-09': 'yes' }, 'not_met'],
    ['one medium and one weak', { 'DEL-CD-08': 'yes', 'DEL-CD-15': 'yes' }, 'not_met'],
  ] as const)('coercion at destination with %s: %s', (_, byId, status) => {
    const result = evaluateScreening(delphi, otherwiseNo(byId), 'adult');
    expect(part(result, 'coercion_at_destination').status).toBe(status);
  });

  it('an adult finding lists exactly the answers that made each part', () => {
    const result = evaluateScreening(
      delphi,
      otherwiseNo({
        'DEL-DR-01': 'yes',
        'DEL-DR-02': 'yes',
        'DEL-EX-01': 'yes',
        'DEL-EX-03': 'yes',
        'DEL-CD-01': 'yes',
        'DEL-CD-03': 'yes',
        'DEL-CD-05': 'yes',
      }),
      'adult',
    );
    expect(result.finding).toBe('indicators_present');
    expect(result.strength).toBe('strong');
    expect(Object.fromEntries(result.parts.map((p) => [p.key, [p.status, p.drivers]]))).toEqual({
      deceptive_recruitment: ['met', ['DEL-DR-01', 'DEL-DR-02']],
      coercive_recruitment: [
        'not_met',
        ['DEL-CR-01', 'DEL-CR-02', 'DEL-CR-03', 'DEL-CR-04', 'DEL-CR-05'],
      ],
      recruitment_abuse_of_vulnerability: [
        'not_met',
        ['DEL-AVR-01', 'DEL-AVR-02', 'DEL-AVR-03', 'DEL-AVR-04', 'DEL-AVR-05'],
      ],
      exploitative_conditions_of_work: ['met', ['DEL-EX-01', 'DEL-EX-03']],
      coercion_at_destination: ['met', ['DEL-CD-01', 'DEL-CD-03', 'DEL-CD-05']],
      abuse_of_vulnerability_at_destination: ['not_met', ['DEL-AVD-01', 'DEL-AVD-02']],
    });
  });

  it('a child needs no coercion dimension, and is scored with the child weights', () => {
    const byId = {
      'DEL-DR-01': 'yes',
      'DEL-DR-03': 'yes',
      'DEL-EX-01': 'yes',
      'DEL-EX-04': 'yes',
    } as const;
    expect(evaluateScreening(delphi, otherwiseNo(byId), 'child').finding).toBe(
      'indicators_present',
    );
    expect(evaluateScreening(delphi, otherwiseNo(byId), 'adult').finding).toBe(
      'insufficient_indicators',
    );
    // Threats in recruitment weigh strong for a child (DEL-CR-02-CH), medium for an adult.
    const threats = otherwiseNo({ 'DEL-CR-01': 'yes', 'DEL-CR-02': 'yes', 'DEL-CR-02-CH': 'yes' });
    expect(part(evaluateScreening(delphi, threats, 'child'), 'coercive_recruitment')).toEqual({
      key: 'coercive_recruitment',
      status: 'met',
      drivers: ['DEL-CR-01', 'DEL-CR-02-CH'],
    });
    expect(
      part(evaluateScreening(delphi, threats, 'adult'), 'coercive_recruitment').drivers,
    ).toEqual(['DEL-CR-01', 'DEL-CR-02']);
  });
});

describe('unknown is never no', () => {
  it('an unknown that could flip a part leaves it undetermined, and names that answer', () => {
    const withUnknown = all(ilo, 'no', { 'ILO-03': 'yes', 'ILO-01': 'unknown' });
    const result = evaluateScreening(ilo, withUnknown, 'adult');
    expect(result.parts).toEqual([
      { key: 'forced_labour', status: 'undetermined', drivers: ['ILO-01'] },
    ]);
    expect(result.finding).toBe('undetermined');
    const asNo = evaluateScreening(ilo, all(ilo, 'no', { 'ILO-03': 'yes' }), 'adult');
    expect(asNo.parts[0]!.status).toBe('not_met');
    const asYes = evaluateScreening(
      ilo,
      all(ilo, 'no', { 'ILO-03': 'yes', 'ILO-01': 'yes' }),
      'adult',
    );
    expect(asYes.parts[0]).toEqual({
      key: 'forced_labour',
      status: 'met',
      drivers: ['ILO-01', 'ILO-03'],
    });
  });

  it('unknowns that cannot change a met part do not make it undetermined', () => {
    const result = evaluateScreening(ilo, answers({ 'ILO-03': 'yes', 'ILO-07': 'yes' }), 'adult');
    expect(result.parts[0]).toEqual({
      key: 'forced_labour',
      status: 'met',
      drivers: ['ILO-03', 'ILO-07'],
    });
    expect(result.finding).toBe('indicators_present');
  });

  it('"no means" needs every means indicator answered no', () => {
    const base = { 'FC-03': 'yes', 'FC-08': 'yes', 'FC-13': 'yes' } as const;
    const means = scam.indicators.filter((i) => i.element === 'means').map((i) => i.id);
    const allNo = Object.fromEntries(means.map((id) => [id, 'no' as const]));
    expect(part(evaluateScreening(scam, answers({ ...base, ...allNo }), 'adult'), 'means')).toEqual(
      {
        key: 'means',
        status: 'not_met',
        drivers: means,
      },
    );
    const oneOpen = { ...allNo, 'FC-07': 'unknown' as const };
    const result = evaluateScreening(scam, answers({ ...base, ...oneOpen }), 'adult');
    expect(part(result, 'means')).toEqual({
      key: 'means',
      status: 'undetermined',
      drivers: ['FC-07'],
    });
    expect(result.finding).toBe('undetermined');
  });
});

describe('forced criminality in scam compounds', () => {
  it('a child with an act and forced fraud (strong for a child) and means unknown: present', () => {
    const byId = { 'FC-03': 'yes', 'FC-14': 'yes', 'FC-14-CH': 'yes' } as const;
    const child = evaluateScreening(scam, answers(byId), 'child');
    expect(child.finding).toBe('indicators_present');
    expect(part(child, 'purpose')).toEqual({
      key: 'purpose',
      status: 'met',
      drivers: ['FC-14-CH'],
    });
    // For an adult forced fraud alone is medium: with the other purpose indicators no, not met.
    const purposeNo = Object.fromEntries(
      scam.indicators.filter((i) => i.element === 'purpose').map((i) => [i.id, 'no' as const]),
    );
    const adult = evaluateScreening(scam, answers({ ...purposeNo, ...byId }), 'adult');
    expect(part(adult, 'purpose').status).toBe('not_met');
    expect(adult.finding).toBe('insufficient_indicators');
  });

  it('a single indicator is never a finding', () => {
    for (const ind of scam.indicators) {
      for (const rules of ['adult', 'child'] as const) {
        const result = evaluateScreening(scam, all(scam, 'no', { [ind.id]: 'yes' }), rules);
        expect(result.finding, `${ind.id} ${rules}`).toBe('insufficient_indicators');
      }
    }
  });
});

describe('determinism and bad input', () => {
  it('the same answers give the same result, in any order and on every call', () => {
    const given = all(delphi, 'unknown', {
      'DEL-DR-01': 'yes',
      'DEL-EX-02': 'no',
      'DEL-CD-03': 'yes',
    });
    const first = evaluateScreening(delphi, given, 'adult');
    expect(evaluateScreening(delphi, given, 'adult')).toEqual(first);
    expect(evaluateScreening(delphi, [...given].reverse(), 'adult')).toEqual(first);
    expect(evaluateScreening(structuredClone(delphi) as Instrument, given, 'adult')).toEqual(first);
  });

  it('refuses an unknown indicator and an indicator answered twice, naming each', () => {
    const bad = [
      { indicatorId: 'PAL-01', answer: 'yes' },
      { indicatorId: 'DEL-CD-01', answer: 'yes' },
      { indicatorId: 'PAL-01', answer: 'no' },
    ] as const;
    let thrown: unknown;
    try {
      evaluateScreening(palermo, bad, 'adult');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe('validation_failed');
    expect((thrown as AppError).errors).toEqual([
      { path: 'answers.1.indicatorId', message: 'Unknown indicator DEL-CD-01' },
      { path: 'answers.2.indicatorId', message: 'PAL-01 is answered twice' },
    ]);
  });
});
