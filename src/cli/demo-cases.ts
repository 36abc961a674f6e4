import {
  createCase,
  createCaseEvent,
  EVENT_TYPES,
  STAGES,
  type CaseCreate,
  type RiskFactor,
  type Stage,
} from '@/domain/cases/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { DEMO_PEOPLE, type DemoPerson } from './demo-people.ts';

/** How many fake cases the demo organisation gets. */
export const DEMO_CASE_COUNT = 50;

const CHANNELS = ['friend_or_relative', 'social_media', 'job_website', 'agency'] as const;
const EXITS = ['escaped', 'released', 'rescued', 'deported', 'ransom_paid'] as const;
const RISKS = ['low', 'medium', 'high', 'unknown'] as const;
const FACTOR_SETS: RiskFactor[][] = [
  [],
  ['unemployment'],
  ['debt', 'family_pressure'],
  ['recruiter_contact'],
  ['unemployment', 'debt', 'plans_to_migrate'],
  ['no_support'],
];
const COMPOUND_COUNTRIES = ['MMR', 'KHM', 'LAO', 'PHL'] as const;

/** The demo person for case `i`: each name twice, the second time with another family name. */
function personFor(i: number): DemoPerson {
  const base = DEMO_PEOPLE[i % DEMO_PEOPLE.length]!;
  if (i < DEMO_PEOPLE.length) {
    return base;
  }
  const partner = DEMO_PEOPLE[(i % DEMO_PEOPLE.length) ^ 1] ?? base;
  return partner.nationality === base.nationality
    ? {
        ...base,
        family: partner.family,
        latin: base.latin && partner.latin ? [base.latin[0], partner.latin[1]] : undefined,
      }
    : base;
}

function isoDay(year: number, dayOfYear: number): string {
  return new Date(Date.UTC(year, 0, dayOfYear)).toISOString().slice(0, 10);
}

/** The registration body of demo case `i` (fictional, with fake contact details). */
export function demoCaseInput(i: number): CaseCreate & { stage: Stage } {
  const p = personFor(i);
  const exploitation = COMPOUND_COUNTRIES[i % COMPOUND_COUNTRIES.length]!;
  const identities: CaseCreate['identities'] = [
    { given: p.given, family: p.family, script: p.script, kind: 'primary' },
  ];
  if (p.latin) {
    identities.push({
      given: p.latin[0],
      family: p.latin[1],
      script: 'Latn',
      kind: 'transliteration',
    });
  }
  return {
    caseNumber: `DEMO-${String(i + 1).padStart(4, '0')}`,
    identities,
    nationality: p.nationality,
    birthYear: 1990 + (i % 14),
    sex: i % 3 === 0 ? 'female' : 'male',
    languages: [p.language],
    exploitationForms: i % 5 === 4 ? ['forced_labour'] : ['forced_criminality'],
    originCountry: p.nationality,
    transitCountries: ['THA'],
    exploitationCountries: [exploitation === p.nationality ? 'MMR' : exploitation],
    recruitmentChannel: CHANNELS[i % CHANNELS.length],
    recruitmentDate: isoDay(2025, 20 + i * 3),
    exitDate: isoDay(2025, 200 + i * 3),
    exitMethod: EXITS[i % EXITS.length],
    riskLevel: RISKS[i % RISKS.length],
    riskFactors: FACTOR_SETS[i % FACTOR_SETS.length],
    contacts: [{ kind: 'phone', value: `+00 0000 ${String(1000 + i)}`, note: 'Demo number' }],
    narrative: 'Demo record: a fictional person created for trying Homeward. Not real data.',
    consent: { decision: 'given', method: i % 2 === 0 ? 'verbal' : 'written' },
    stage: STAGES[i % STAGES.length]!,
  };
}

/**
 * Registers the demo cases through the same services the API uses. `addJourney` adds the
 * timeline events up to the case's stage (given by the events module).
 */
export async function seedDemoCases(
  ctxFor: (assignToCaseworker: boolean) => Ctx,
  addJourney?: (ctx: Ctx, caseId: string, stage: Stage, exitDate: string) => Promise<void>,
): Promise<number> {
  for (let i = 0; i < DEMO_CASE_COUNT; i += 1) {
    const { stage, ...input } = demoCaseInput(i);
    const ctx = ctxFor(i % 3 !== 2);
    const created = await createCase(ctx, input);
    await addJourney?.(ctx, created.id, stage, input.exitDate!);
  }
  return DEMO_CASE_COUNT;
}

/** Demo timeline: one event per stage up to `stage`, ten days apart from the exit date. */
export async function addDemoJourney(
  ctx: Ctx,
  caseId: string,
  stage: Stage,
  exitDate: string,
): Promise<void> {
  const start = Date.parse(`${exitDate}T00:00:00Z`);
  const today = ctx.now().getTime();
  const upTo = STAGES.indexOf(stage);
  for (let k = 0; k <= upTo; k += 1) {
    const s = STAGES[k]!;
    const day = Math.min(start + k * 10 * 86_400_000, today);
    await createCaseEvent(ctx, caseId, {
      stage: s,
      type: s === 'return' ? 'arrival' : EVENT_TYPES[s][0]!,
      occurredOn: new Date(day).toISOString().slice(0, 10),
      note: 'Demo event (fictional).',
    });
  }
}
