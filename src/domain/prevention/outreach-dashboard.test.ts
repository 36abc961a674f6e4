import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, request, testApp, type TestApp } from '@test/support/build-app.ts';
import { buildDashboard, dashboardRange, monthsOf } from './outreach-dashboard-math.ts';
import {
  newSession,
  outreachScenario,
  OUTREACH_TIMEOUT,
  putResults,
  resultBody,
  type OutreachScenario,
} from './outreach.fixtures.ts';
import { builtInQuizzes, questionTopics } from './outreach-quizzes.ts';

/**
 * The dashboard's numbers from a small known set: reach per month by setting and age band, and
 * the mean score (share correct) before and after, per month and per question topic.
 */
const TOPICS = questionTopics();
const q = (questionId: string, correct: number) => ({ questionId, correct });

describe('dashboard maths', () => {
  it('months of a range, and the default range of 12 months', () => {
    expect(monthsOf('2025-11-20', '2026-02-03')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(dashboardRange({}, '2026-12-04')).toEqual({ from: '2026-01-01', to: '2026-12-04' });
    expect(() => dashboardRange({ from: '2026-05-01', to: '2026-04-01' }, '2026-12-04')).toThrow();
    expect(() => dashboardRange({ from: '2000-01-01' }, '2026-12-04')).toThrow();
  });

  it('reach and knowledge of a known set', () => {
    const d = buildDashboard(
      { from: '2026-01-01', to: '2026-02-28' },
      [
        {
          heldOn: '2026-01-10',
          setting: 'school',
          ageBand: '15_17',
          audienceSize: 30,
          results: [
            // 10 forms × 2 questions = 20 answers, 8 right → 0.4
            {
              phase: 'pre',
              quizId: 'safe-jobs',
              respondents: 10,
              correct: [q('high_pay_no_experience', 3), q('destination_changed', 5)],
            },
            // 20 answers, 18 right → 0.9
            {
              phase: 'post',
              quizId: 'safe-jobs',
              respondents: 10,
              correct: [q('high_pay_no_experience', 9), q('destination_changed', 9)],
            },
          ],
        },
        {
          heldOn: '2026-01-25',
          setting: 'university',
          ageBand: '18_24',
          audienceSize: 50,
          // 30 answers (30 × 1), 15 right
          results: [
            {
              phase: 'pre',
              quizId: 'safe-jobs',
              respondents: 30,
              correct: [q('destination_changed', 15)],
            },
          ],
        },
        {
          heldOn: '2026-02-02',
          setting: 'school',
          ageBand: '15_17',
          audienceSize: 20,
          results: [],
        },
      ],
      TOPICS,
    );
    expect(d.totals).toEqual({
      sessions: 3,
      people: 100,
      // pre: (8 + 15) / (20 + 30) = 0.46; post: 18 / 20 = 0.9
      knowledge: { preScore: 0.46, postScore: 0.9, preAnswers: 50, postAnswers: 20 },
    });
    const [jan, feb] = d.months;
    expect(jan).toMatchObject({ month: '2026-01', sessions: 2, people: 80 });
    expect(jan!.bySetting).toMatchObject({
      school: { sessions: 1, people: 30 },
      university: { sessions: 1, people: 50 },
      online: { sessions: 0, people: 0 },
    });
    expect(jan!.byAgeBand).toMatchObject({
      '15_17': { sessions: 1, people: 30 },
      '18_24': { sessions: 1, people: 50 },
    });
    expect(jan!.knowledge).toEqual({
      preScore: 0.46,
      postScore: 0.9,
      preAnswers: 50,
      postAnswers: 20,
    });
    expect(feb).toMatchObject({
      month: '2026-02',
      sessions: 1,
      people: 20,
      knowledge: { preScore: null, postScore: null },
    });
    const topic = (t: string) => d.topics.find((x) => x.topic === t);
    // fake_job_offers: high_pay_no_experience only → pre 3/10, post 9/10
    expect(topic('fake_job_offers')).toMatchObject({
      preScore: 0.3,
      postScore: 0.9,
      preAnswers: 10,
    });
    // scam_compounds: destination_changed → pre (5 + 15)/(10 + 30) = 0.5, post 9/10
    expect(topic('scam_compounds')).toMatchObject({
      preScore: 0.5,
      postScore: 0.9,
      preAnswers: 40,
    });
    expect(topic('online_safety')).toMatchObject({
      preScore: null,
      postScore: null,
      preAnswers: 0,
    });
  });
});

describe('quizzes as data', () => {
  it('the built-in quiz has the same question ids, topics and answers in English and Thai', () => {
    const [en] = builtInQuizzes('en');
    const [th] = builtInQuizzes('th');
    expect(en!.questions.length).toBeGreaterThanOrEqual(8);
    expect(th!.language).toBe('th');
    const shape = (x: typeof en) =>
      x!.questions.map((k) => [k.id, k.topic, k.answer, k.choices.map((c) => c.id)]);
    expect(shape(th)).toEqual(shape(en));
    expect(th!.questions[0]!.text).not.toBe(en!.questions[0]!.text);
    // A language the quiz lacks falls back to English and says so; th-TH finds Thai.
    expect(builtInQuizzes('km')[0]!.language).toBe('en');
    expect(builtInQuizzes('th-TH')[0]!.language).toBe('th');
  });
});

describe('GET /api/outreach/dashboard', () => {
  let t: TestApp;
  let s: OutreachScenario;
  beforeAll(async () => {
    t = await testApp();
    s = await outreachScenario(t.runtime);
  }, OUTREACH_TIMEOUT);

  it('counts the organisation’s sessions in the range, not cancelled ones', async () => {
    const a = await newSession(t.app, s.as.outreach, { heldOn: '2026-03-10', audienceSize: 40 });
    await putResults(t.app, s.as.outreach, { id: a, phase: 'pre' }, resultBody(20, [10, 6]));
    await putResults(t.app, s.as.outreach, { id: a, phase: 'post' }, resultBody(20, [18, 16]));
    const cancelled = await newSession(t.app, s.as.outreach, {
      heldOn: '2026-03-12',
      audienceSize: 99,
    });
    await request(t.app, s.as.outreach, {
      method: 'PATCH',
      url: `/api/outreach/sessions/${cancelled}`,
      payload: { cancelled: true },
    });
    await newSession(t.app, s.as.outreach, {
      heldOn: '2026-05-01',
      setting: 'online',
      ageBand: 'mixed',
      audienceSize: 7,
    });
    await newSession(t.app, s.as.otherOrgAdmin, { heldOn: '2026-03-11', audienceSize: 500 });
    const res = await request(t.app, s.as.outreach, {
      method: 'GET',
      url: '/api/outreach/dashboard?from=2026-03-01&to=2026-05-31',
    });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json<ReturnType<typeof buildDashboard>>();
    expect(d.months.map((m) => [m.month, m.sessions, m.people])).toEqual([
      ['2026-03', 1, 40],
      ['2026-04', 0, 0],
      ['2026-05', 1, 7],
    ]);
    // pre 16 / 40 = 0.4, post 34 / 40 = 0.85
    expect(d.totals.knowledge).toEqual({
      preScore: 0.4,
      postScore: 0.85,
      preAnswers: 40,
      postAnswers: 40,
    });
    expect(d.months[2]!.bySetting.online).toEqual({ sessions: 1, people: 7 });
  });

  it('refuses a range that ends before it starts', async () => {
    const res = await request(t.app, s.as.outreach, {
      method: 'GET',
      url: '/api/outreach/dashboard?from=2026-05-01&to=2026-04-01',
    });
    expectProblem(res, 400, 'validation_failed');
  });
});
