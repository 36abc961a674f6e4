import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import {
  clockedApp,
  expectProblem,
  request,
  testApp,
  type TestApp,
  type TestClock,
} from '@test/support/build-app.ts';
import { SCENARIO_TIMEOUT } from '@/domain/cases/case-tasks.fixtures.ts';
import {
  advertScenario,
  advertText,
  report,
  reportIdByTitle,
  type AdvertScenario,
} from './advert-reports.fixtures.ts';

/** Reviewing reported adverts: visibility, detail, grouping, review, trends, audit. */

let t: TestApp;
let app: FastifyInstance;
let clock: TestClock;
let s: AdvertScenario;
const NOW = new Date();
const tag = Math.random().toString(36).slice(2, 8);
const phone = `+855 12 ${String(100 + Math.floor(Math.random() * 899))} 678`;

beforeAll(async () => {
  t = await testApp();
  ({ app, clock } = await clockedApp(t.runtime, new Date(NOW.getTime() - 40 * 86_400_000)));
  s = await advertScenario(t.runtime, t.app, NOW);
  // Two adverts of one recruiter (same phone) forty days apart, one for Myanmar, one unassigned.
  const first = `${advertText()} Call ${phone}, Telegram @recruit_${tag}`;
  expect(
    (
      await report(app, {
        text: first,
        title: `A ${tag}`,
        destination: 'กัมพูชา',
        channel: 'social_media',
      })
    ).statusCode,
  ).toBe(202);
  clock.now = NOW;
  const second = `${advertText()} WhatsApp ${phone.replaceAll(' ', '')} or t . me / recruit_${tag}`;
  expect(
    (await report(app, { text: second, title: `B ${tag}`, origin: 'KH', channel: 'messaging_app' }))
      .statusCode,
  ).toBe(202);
  expect(
    (await report(app, { text: advertText(), title: `C ${tag}`, destination: 'Myanmar' }))
      .statusCode,
  ).toBe(202);
  expect(
    (await report(app, { text: advertText(), title: `D ${tag}`, destination: 'Peru' })).statusCode,
  ).toBe(202);
}, SCENARIO_TIMEOUT);

afterAll(async () => {
  await app.close();
});

const get = (who: keyof AdvertScenario['sessions'], url: string) =>
  request(app, s.sessions[who], { method: 'GET', url });
const titles = async (who: keyof AdvertScenario['sessions'], query = '') =>
  (
    (await get(who, `/api/prevention/reports?limit=100${query}`)).json() as {
      items: { title: string }[];
    }
  ).items
    .map((i) => i.title)
    .filter((x) => x.endsWith(tag))
    .sort();
const auditActions = async (orgId: string, action: string) =>
  (
    await t.runtime.database.query<{ n: number }>(
      'select count(*)::int as n from audit_events where organisation_id = $1 and action = $2',
      [orgId, action],
    )
  )[0]!.n;

describe('visibility', () => {
  it('lists the reports of the organisation’s countries (destination or origin) only', async () => {
    const listed = await auditActions(s.orgA, 'advert_report.list');
    expect(await titles('outreach')).toEqual([`A ${tag}`, `B ${tag}`]);
    expect(await titles('otherOrgAdmin')).toEqual([`C ${tag}`]);
    expect(await auditActions(s.orgA, 'advert_report.list')).toBe(listed + 1);
  });

  it('lists unassigned reports for platform admins, and filters by country and channel', async () => {
    expect(await titles('platformAdmin')).toEqual([`D ${tag}`]);
    expect(await titles('outreach', '&channel=messaging_app')).toEqual([`B ${tag}`]);
    expect(await titles('outreach', '&country=MMR')).toEqual([]);
    expect(await titles('outreach', '&status=dismissed')).toEqual([]);
  });

  it('pages with a cursor and refuses a forged one', async () => {
    const page = (await get('outreach', '/api/prevention/reports?limit=1')).json() as {
      items: unknown[];
      nextCursor: string;
    };
    expect(page.items).toHaveLength(1);
    const next = await get('outreach', `/api/prevention/reports?limit=1&cursor=${page.nextCursor}`);
    expect(next.statusCode).toBe(200);
    expectProblem(
      await get('outreach', '/api/prevention/reports?cursor=bm9wZQ'),
      400,
      'validation_failed',
    );
    expectProblem(
      await get('outreach', '/api/prevention/reports?status=open'),
      400,
      'validation_failed',
    );
  });

  it('answers an unknown or malformed id like another organisation’s: 404', async () => {
    const c = await reportIdByTitle(app, s.sessions.otherOrgAdmin, `C ${tag}`);
    expectProblem(
      await get('outreach', `/api/prevention/reports/${c}`),
      404,
      'advert_report_not_found',
    );
    expectProblem(
      await get('outreach', '/api/prevention/reports/not-an-id'),
      404,
      'advert_report_not_found',
    );
    expectProblem(
      await get('outreach', '/api/prevention/reports/0190a000-0000-7000-8000-000000000000'),
      404,
      'advert_report_not_found',
    );
  });
});

describe('a report and its indicators', () => {
  it('shows the text, countries as codes and the indicators shared with other reports (audited)', async () => {
    const id = await reportIdByTitle(app, s.sessions.outreach, `A ${tag}`);
    const before = await auditActions(s.orgA, 'advert_report.read');
    const res = await get('outreach', `/api/prevention/reports/${id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as Record<string, unknown>;
    expect(body).toMatchObject({
      destination: 'KHM',
      destinationText: null,
      channel: 'social_media',
      status: 'new',
    });
    expect(body.text).toContain(`@recruit_${tag}`);
    expect(body.indicators).toEqual([
      { kind: 'handle', value: `telegram:recruit_${tag}`, otherReports: 1 },
      { kind: 'phone', value: phone.replaceAll(' ', ''), otherReports: 1 },
    ]);
    expect(await auditActions(s.orgA, 'advert_report.read')).toBe(before + 1);
  });

  it('groups indicators seen in two or more visible reports, with first and last day seen', async () => {
    const res = await get('supervisor', '/api/prevention/indicators?min=2');
    expect(res.statusCode).toBe(200);
    const mine = (res.json() as { items: { value: string }[] }).items.filter(
      (g) => g.value.includes(tag) || g.value === phone.replaceAll(' ', ''),
    );
    expect(mine).toMatchObject([
      { kind: 'handle', reports: 2, firstSeen: clockDay(-40), lastSeen: clockDay(0) },
      { kind: 'phone', reports: 2, firstSeen: clockDay(-40), lastSeen: clockDay(0) },
    ]);
    const other = (await get('otherOrgAdmin', '/api/prevention/indicators?min=2')).json() as {
      items: { value: string }[];
    };
    expect(other.items.some((g) => g.value.includes(tag))).toBe(false);
    expectProblem(
      await get('supervisor', '/api/prevention/indicators?min=1'),
      400,
      'validation_failed',
    );
  });
});

function clockDay(days: number): string {
  return new Date(NOW.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('review', () => {
  it('records a status and a note, with an audit entry', async () => {
    const id = await reportIdByTitle(app, s.sessions.outreach, `B ${tag}`);
    const before = await auditActions(s.orgA, 'advert_report.review');
    const res = await request(app, s.sessions.outreach, {
      method: 'PATCH',
      url: `/api/prevention/reports/${id}`,
      payload: { status: 'actioned', note: 'Reported to the platform' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'actioned',
      statusNote: 'Reported to the platform',
    });
    expect(await auditActions(s.orgA, 'advert_report.review')).toBe(before + 1);
    expect(await titles('outreach', '&status=actioned')).toEqual([`B ${tag}`]);
  });

  it('refuses a bad status, unknown fields and a malformed body, and writes nothing', async () => {
    const id = await reportIdByTitle(app, s.sessions.outreach, `A ${tag}`);
    const before = await auditActions(s.orgA, 'advert_report.review');
    for (const payload of [
      { status: 'closed' },
      { status: 'reviewed', extra: 1 },
      { note: 'x' },
      '{"status":',
    ]) {
      const res = await request(app, s.sessions.outreach, {
        method: 'PATCH',
        url: `/api/prevention/reports/${id}`,
        payload,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.statusCode).toBe(400);
    }
    expect(await auditActions(s.orgA, 'advert_report.review')).toBe(before);
    const detail = (await get('outreach', `/api/prevention/reports/${id}`)).json() as {
      status: string;
    };
    expect(detail.status).toBe('new');
  });
});

describe('trends', () => {
  it('counts visible reports per month and channel', async () => {
    const res = await get(
      'outreach',
      `/api/prevention/trends?by=channel&from=${clockDay(-60)}&to=${clockDay(0)}`,
    );
    expect(res.statusCode).toBe(200);
    const trend = res.json() as {
      months: string[];
      series: { key: string | null; counts: number[] }[];
    };
    const month = (d: number) => clockDay(d).slice(0, 7);
    expect(trend.months.at(-1)).toBe(month(0));
    const social = trend.series.find((x) => x.key === 'social_media')!;
    expect(social.counts[trend.months.indexOf(month(-40))]).toBeGreaterThanOrEqual(1);
  });

  it('counts by destination country and refuses a period backwards or too long', async () => {
    const res = await get('outreach', '/api/prevention/trends?by=destination');
    expect(res.statusCode).toBe(200);
    const trend = res.json() as { months: string[]; series: { key: string | null }[] };
    expect(trend.months).toHaveLength(12);
    expect(trend.series.map((x) => x.key)).not.toContain('MMR');
    const byTitle = (await get('outreach', '/api/prevention/trends?by=title')).json() as {
      series: { key: string | null; counts: number[] }[];
    };
    expect(byTitle.series.find((x) => x.key === `b ${tag}`)?.counts.at(-1)).toBe(1);
    expectProblem(
      await get('outreach', '/api/prevention/trends?from=2026-05-01&to=2026-01-01'),
      400,
      'validation_failed',
    );
    expectProblem(
      await get('outreach', '/api/prevention/trends?from=2016-01-01&to=2026-01-01'),
      400,
      'validation_failed',
    );
    expectProblem(
      await get('outreach', '/api/prevention/trends?by=salary'),
      400,
      'validation_failed',
    );
  });
});
