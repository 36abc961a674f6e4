import { replaceAssignments, submitReport } from '@/domain/prevention/index.ts';
import type { Ctx } from '@/lib/context.ts';

/**
 * Demo reported adverts: visibly fake (every contact a demo one, links at .example), in the
 * countries the demo organisation reviews, on days spread over the last months so the trends
 * page shows something. One recruiter (a phone and a Telegram handle) posts three of them.
 */
const DAY = 86_400_000;
const ADVERTS = [
  {
    days: 150,
    text: 'DEMO advert. Customer service staff wanted in Sihanoukville, salary 1,500 USD, free flight, visa and room. No experience. Telegram @demo_hr_recruit or call +855 12 000 111.',
    title: 'Customer service',
    destination: 'Cambodia',
    channel: 'social_media',
  },
  {
    days: 95,
    text: 'DEMO ประกาศ รับพนักงานพิมพ์ข้อมูล เมียวดี เงินเดือน 45,000 บาท ไม่ต้องมีประสบการณ์ ติดต่อไลน์ ID: demo.job99 โทร 081-000-0111',
    title: 'พนักงานพิมพ์ข้อมูล',
    destination: 'เมียวดี',
    origin: 'ประเทศไทย',
    channel: 'messaging_app',
  },
  {
    days: 60,
    text: 'DEMO advert. Typing job, 1,200 USD a month, tourist visa arranged, we pay the ticket. Apply: t . me / demo_hr_recruit  https://jobs.demo.example/apply?utm_source=fb#top',
    title: 'Typing job',
    destination: 'Myanmar',
    channel: 'friend_or_relative',
  },
  {
    days: 30,
    text: 'DEMO advert. Marketing assistant near the Thai border, high commission, English or Chinese needed. WhatsApp wa.me/85512000111',
    title: 'Marketing assistant',
    destination: 'Cambodia',
    channel: 'messaging_app',
  },
  {
    days: 12,
    text: 'DEMO advert. Hotel receptionist in Bangkok, 18,000 THB, apply with CV to demo-hr@hotel.example.',
    title: 'Hotel receptionist',
    destination: 'Thailand',
    channel: 'job_site',
  },
  {
    days: 3,
    text: 'DEMO advert. Data entry in Laos, 1,000 USD, flight and accommodation free, start next week. Telegram @demo_fastjob',
    title: 'Data entry',
    destination: 'Laos',
    channel: 'agency',
  },
] as const;

/**
 * Assigns the demo organisations (the main one first) their countries and stores the demo reports. `ctx` acts for the
 * main demo organisation (the CLI operator).
 */
export async function seedDemoPrevention(ctx: Ctx, organisationIds: string[]): Promise<void> {
  const [main = '', other = main] = organisationIds;
  await replaceAssignments(ctx, {
    items: [
      { country: 'THA', organisationIds: [main] },
      { country: 'KHM', organisationIds: [main] },
      { country: 'MMR', organisationIds: [main] },
      { country: 'LAO', organisationIds: [main] },
      { country: 'KEN', organisationIds: [other] },
    ],
  });
  const now = ctx.now().getTime();
  for (const { days, ...advert } of ADVERTS) {
    await submitReport({ ...ctx, now: () => new Date(now - days * DAY) }, advert);
  }
}
