import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, testApp, type TestApp } from '@test/support/build-app.ts';
import { buildSession, buildTeam } from '@test/support/factories.ts';
import { JOB_CHECK_MAX_TEXT } from './jobcheck/jobcheck.schema.ts';
import { JOB_REPORT_RATE_LIMIT } from './advert-reports.routes.ts';
import { advertText, report } from './advert-reports.fixtures.ts';

/**
 * The public "Report this advert": anonymous, no cookie either way, nothing about the person
 * stored, bad input refused with nothing written, and a per-address rate limit.
 */

let t: TestApp;
const count = async (): Promise<number> =>
  (
    await t.runtime.database.query<{ n: number }>('select count(*)::int as n from advert_reports')
  )[0]!.n;

beforeAll(async () => {
  t = await testApp();
});

describe('POST /api/public/job-reports', () => {
  it('stores the advert and its indicators, encrypted, with the day only and nothing about the person', async () => {
    const text = `${advertText()} Line ID: kk_hr_${Date.now()} +66 81 234 5678`;
    const address = '198.51.100.23';
    const agent = 'Mozilla/5.0 (Linux; Android 9; reporter-phone-model)';
    const auditBefore = (
      await t.runtime.database.query<{ n: number }>('select count(*)::int as n from audit_events')
    )[0]!.n;
    const res = await report(
      t.app,
      {
        text,
        title: 'Data entry',
        destination: 'Myawaddy',
        origin: 'ประเทศไทย',
        channel: 'friend_or_relative',
      },
      { remoteAddress: address, headers: { 'user-agent': agent } },
    );
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ received: true });
    expect(res.headers['set-cookie']).toBeUndefined();
    const [row] = await t.runtime.database.query<Record<string, unknown>>(
      "select * from advert_reports where title = 'Data entry' order by received_on desc limit 1",
    );
    expect(Object.keys(row!).sort()).toEqual(
      [
        'channel',
        'destination',
        'destination_text',
        'id',
        'location',
        'origin',
        'origin_text',
        'received_on',
        'reviewed_at',
        'reviewed_by',
        'salary',
        'status',
        'status_note',
        'text_enc',
        'title',
      ].sort(),
    );
    expect(row).toMatchObject({
      destination: 'MMR',
      origin: 'THA',
      channel: 'friend_or_relative',
      status: 'new',
    });
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(address);
    expect(stored).not.toContain('reporter-phone-model');
    expect(stored).not.toContain('kk_hr_');
    // A random id (version 4), not a time-ordered one that would tell when the report came.
    expect(String(row!.id)[14]).toBe('4');
    const indicators = await t.runtime.database.query<{ kind: string; value: string }>(
      'select kind, value from advert_report_indicators where report_id = $1 order by kind',
      [row!.id],
    );
    expect(indicators.map((i) => i.kind)).toEqual(['handle', 'phone']);
    expect(indicators[1]!.value).toBe('+66812345678');
    const audit = await t.runtime.database.query<{ n: number }>(
      'select count(*)::int as n from audit_events where ip = $1',
      [address],
    );
    expect(audit[0]!.n).toBe(0);
    const auditAfter = (
      await t.runtime.database.query<{ n: number }>('select count(*)::int as n from audit_events')
    )[0]!.n;
    expect(auditAfter).toBe(auditBefore);
  });

  it('ignores a session cookie: no CSRF token needed, no cookie set, stored the same way', async () => {
    const team = await buildTeam(t.runtime);
    const session = await buildSession(t.runtime, team.users.outreach);
    const before = await count();
    const res = await report(
      t.app,
      { text: advertText() },
      { headers: { cookie: `hw_session=${session.cookie}` } },
    );
    expect(res.statusCode).toBe(202);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(await count()).toBe(before + 1);
    const last = await t.runtime.database.query<{ n: number }>(
      "select count(*)::int as n from audit_events where organisation_id = $1 and action like 'advert%'",
      [team.org.id],
    );
    expect(last[0]!.n).toBe(0);
  });

  it('refuses bad input with problem+json and writes nothing', async () => {
    const before = await count();
    const cases: [unknown, number, string][] = [
      ['{"text":', 400, 'malformed_json'],
      [{}, 400, 'validation_failed'],
      [{ text: '   ' }, 400, 'validation_failed'],
      [{ text: 42 }, 400, 'validation_failed'],
      [{ text: 'x', channel: 'carrier_pigeon' }, 400, 'validation_failed'],
      [{ text: 'x', origin: 'y'.repeat(201) }, 400, 'validation_failed'],
      [{ text: 'x', reporterEmail: 'me@example.com' }, 400, 'validation_failed'],
      [{ text: 'bad \u0001 bytes' }, 400, 'validation_failed'],
      [{ text: 'x', origin: 'Thai\u0007land' }, 400, 'validation_failed'],
      [{ text: 'a'.repeat(JOB_CHECK_MAX_TEXT + 1) }, 413, 'payload_too_large'],
      [['text'], 400, 'validation_failed'],
    ];
    for (const [payload, status, code] of cases) {
      expectProblem(await report(t.app, payload), status, code);
    }
    expect(await count()).toBe(before);
  });

  it('limits reports per client address', async () => {
    const remoteAddress = '203.0.113.77';
    for (let i = 0; i < JOB_REPORT_RATE_LIMIT.max; i += 1) {
      expect((await report(t.app, { text: advertText() }, { remoteAddress })).statusCode).toBe(202);
    }
    const before = await count();
    const res = await report(t.app, { text: advertText() }, { remoteAddress });
    expectProblem(res, 429, 'too_many_attempts');
    expect(await count()).toBe(before);
    expect((await report(t.app, { text: advertText() })).statusCode).toBe(202);
  });
});
