import { createMaterial } from '@/domain/prevention/outreach-materials.service.ts';
import { recordResults } from '@/domain/prevention/outreach-results.service.ts';
import { createSession } from '@/domain/prevention/outreach-sessions.service.ts';
import type { MaterialCreate } from '@/domain/prevention/outreach-materials.schema.ts';
import type { SessionCreate } from '@/domain/prevention/outreach-sessions.schema.ts';
import type { Ctx } from '@/lib/context.ts';

/**
 * Demo outreach work: visibly fake (places start with "Demo", links at .example), sessions over
 * the last months and two coming up, with quiz tallies before and after, and a small library.
 */
const DAY = 86_400_000;
const QUESTIONS = [
  'high_pay_no_experience',
  'passport_kept_by_employer',
  'tourist_visa_for_work',
  'id_documents_before_interview',
  'destination_changed',
  'written_contract_licensed_agency',
  'offer_from_friend',
  'friend_needs_help',
];

const MATERIALS: MaterialCreate[] = [
  {
    title: 'DEMO Spot a fake job offer (slides)',
    language: 'th',
    topics: ['fake_job_offers', 'scam_compounds'],
    kind: 'slides',
    description: 'Demo slides for a 45-minute class.',
    url: 'https://materials.demo.example/fake-job-offer-th.pdf',
  },
  {
    title: 'DEMO Before you go: safe migration checklist',
    language: 'en',
    topics: ['safe_migration', 'where_to_get_help'],
    kind: 'handout',
    description: 'One page to take home.',
    url: 'https://materials.demo.example/safe-migration-en.pdf',
  },
];

type DemoSession = Omit<SessionCreate, 'materialIds' | 'notes' | 'heldOn'> & {
  days: number;
  /** Right answers per question before and after, out of `forms`. */
  tallies?: { forms: number; pre: number[]; post: number[] };
};

const SESSIONS: DemoSession[] = [
  {
    days: 120,
    setting: 'school',
    place: 'Demo Secondary School, Mae Sot district',
    audienceSize: 64,
    ageBand: '15_17',
    topics: ['fake_job_offers', 'scam_compounds'],
    language: 'th',
    tallies: {
      forms: 60,
      pre: [31, 40, 18, 25, 37, 22, 20, 45],
      post: [55, 57, 44, 50, 56, 47, 49, 58],
    },
  },
  {
    days: 75,
    setting: 'university',
    place: 'Demo University, Chiang Mai',
    audienceSize: 120,
    ageBand: '18_24',
    topics: ['fake_job_offers', 'safe_migration', 'online_safety'],
    language: 'th',
    tallies: {
      forms: 98,
      pre: [60, 71, 40, 52, 66, 49, 45, 80],
      post: [90, 93, 77, 85, 92, 81, 84, 95],
    },
  },
  {
    days: 40,
    setting: 'community',
    place: 'Demo village hall, Phop Phra district',
    audienceSize: 35,
    ageBand: 'mixed',
    topics: ['scam_compounds', 'where_to_get_help'],
    language: 'th',
    tallies: {
      forms: 30,
      pre: [12, 15, 9, 10, 14, 11, 10, 16],
      post: [24, 26, 21, 22, 27, 23, 22, 28],
    },
  },
  {
    days: 10,
    setting: 'online',
    place: 'Demo online class for vocational students',
    audienceSize: 48,
    ageBand: '18_24',
    topics: ['online_safety', 'fake_job_offers'],
    language: 'en',
  },
  {
    days: -7,
    setting: 'school',
    place: 'Demo Technical College, Tak',
    audienceSize: 80,
    ageBand: '15_17',
    topics: ['fake_job_offers', 'safe_migration'],
    language: 'th',
  },
  {
    days: -21,
    setting: 'university',
    place: 'Demo University, Mae Fah Luang campus',
    audienceSize: 150,
    ageBand: '18_24',
    topics: ['scam_compounds', 'where_to_get_help'],
    language: 'th',
  },
];

const tally = (forms: number, counts: number[], language: string) => ({
  quizId: 'safe-jobs',
  language,
  respondents: forms,
  correct: counts.map((correct, i) => ({ questionId: QUESTIONS[i]!, correct })),
});

/** Adds the demo library and sessions, acting as the demo outreach worker (`ctx`). */
export async function seedDemoOutreach(ctx: Ctx): Promise<void> {
  const materialIds: string[] = [];
  for (const material of MATERIALS) {
    materialIds.push((await createMaterial(ctx, material)).id);
  }
  const today = ctx.now().getTime();
  for (const { days, tallies, ...fields } of SESSIONS) {
    const heldOn = new Date(today - days * DAY).toISOString().slice(0, 10);
    const session = await createSession(ctx, {
      ...fields,
      heldOn,
      materialIds: fields.language === 'th' ? materialIds.slice(0, 1) : materialIds.slice(1),
      notes: 'Demo session: fake data.',
    });
    if (tallies) {
      const language = fields.language === 'th' ? 'th' : 'en';
      await recordResults(
        ctx,
        { id: session.id, phase: 'pre' },
        tally(tallies.forms, tallies.pre, language),
      );
      await recordResults(
        ctx,
        { id: session.id, phase: 'post' },
        tally(tallies.forms, tallies.post, language),
      );
    }
  }
}
