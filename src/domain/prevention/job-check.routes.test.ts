import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectProblem,
  randomAddress,
  testApp,
  type Session,
  type TestApp,
} from '@test/support/build-app.ts';
import { rowCounts, statementsDuring } from '@test/support/db-watch.ts';
import {
  auditCount,
  buildOrganisation,
  buildSession,
  buildUser,
  type TestUser,
} from '@test/support/factories.ts';
import {
  JOB_CHECK_MAX_TEXT,
  JobCheckResultSchema,
} from '@/domain/prevention/jobcheck/jobcheck.schema.ts';
import { buildApp } from '@/server/app.ts';
import { JOB_CHECK_RATE_LIMIT } from './job-check.routes.ts';

/**
 * POST /api/public/job-check: anonymous, stores nothing, answers in the asked language, refuses
 * bad input with 400 and oversize text with 413 (problem+json), limits each address, and never
 * logs what was pasted.
 */
const URL = '/api/public/job-check';
const SCAM =
  'Urgent hiring! Customer service and typing job in Sihanoukville, Cambodia. Salary 1,800 USD ' +
  'per month, free flight ticket, visa and accommodation provided. No experience needed, no ' +
  'interview. Contact our HR on Telegram only.';
const MARKER = 'Quillfeather-7731';

let t: TestApp;
let logged: FastifyInstance;
let log = '';
let user: TestUser;
let session: Session;

beforeAll(async () => {
  t = await testApp();
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      log += chunk.toString('utf8');
      done();
    },
  });
  logged = await buildApp({
    database: t.runtime.database,
    cipher: t.runtime.cipher,
    logger: { level: 'trace', stream },
  });
  await logged.ready();
  user = await buildUser(t.runtime, await buildOrganisation(t.runtime), 'admin');
  session = await buildSession(t.runtime, user);
});

afterAll(async () => {
  await logged.close();
});

/** A check from its own address (the rate limit counts per address); a string is raw JSON. */
function check(
  payload: unknown,
  opts: { url?: string; headers?: Record<string, string>; from?: string } = {},
) {
  const raw = typeof payload === 'string';
  return t.app.inject({
    method: 'POST',
    url: opts.url ?? URL,
    remoteAddress: opts.from ?? randomAddress(),
    headers: { ...(raw && { 'content-type': 'application/json' }), ...opts.headers },
    payload: payload as string | object,
  });
}

describe('a check', () => {
  it('explains a scam-compound advert: risk, probability, reasons with sources, advice', async () => {
    const res = await check({ text: SCAM, channel: 'messaging_app', destination: 'Cambodia' });
    expect(res.statusCode, res.body).toBe(200);
    const body = JobCheckResultSchema.parse(res.json());
    expect(body.risk).toBe('high');
    expect(body.probability).toBeGreaterThan(0.5);
    const rules = body.reasons.filter((r) => r.kind === 'rule');
    expect(rules.length).toBeGreaterThan(1);
    expect(rules.every((r) => r.text.length > 0 && (r.source ?? '').length > 0)).toBe(true);
    expect(body.advice.length).toBeGreaterThan(0);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('scores an ordinary advert lower', async () => {
    const res = await check({
      text:
        'Our bakery in Chiang Mai is looking for a full-time cashier. Monday to Friday, 8:00–17:00. ' +
        'Apply in person at the shop with your CV; interviews on Saturdays.',
      channel: 'job_site',
    });
    expect(res.statusCode, res.body).toBe(200);
    const scam = (await check({ text: SCAM })).json() as { probability: number };
    expect((res.json() as { probability: number }).probability).toBeLessThan(scam.probability);
  });
});

describe('languages', () => {
  const ruleTexts = (body: string) =>
    (JSON.parse(body) as { reasons: { kind: string; text: string }[] }).reasons
      .filter((r) => r.kind === 'rule')
      .map((r) => r.text);

  it('answers in ?lang=, else in the Accept-Language, else in English', async () => {
    const en = await check({ text: SCAM });
    const th = await check({ text: SCAM }, { url: `${URL}?lang=th` });
    const header = await check(
      { text: SCAM },
      { headers: { 'accept-language': 'th-TH,en;q=0.5' } },
    );
    const both = await check(
      { text: SCAM },
      { url: `${URL}?lang=en`, headers: { 'accept-language': 'th' } },
    );
    expect([en.statusCode, th.statusCode, header.statusCode, both.statusCode]).toEqual([
      200, 200, 200, 200,
    ]);
    expect(ruleTexts(th.body).join(' ')).toMatch(/\p{Script=Thai}/u);
    expect(ruleTexts(en.body).join(' ')).not.toMatch(/\p{Script=Thai}/u);
    expect(ruleTexts(header.body)).toEqual(ruleTexts(th.body));
    expect(ruleTexts(both.body)).toEqual(ruleTexts(en.body));
  });

  it('refuses a language the checker does not have with 400', async () => {
    expectProblem(await check({ text: SCAM }, { url: `${URL}?lang=xx` }), 400, 'validation_failed');
    expectProblem(await check({ text: SCAM }, { url: `${URL}?other=1` }), 400, 'validation_failed');
  });
});

describe('bad input', () => {
  it.each([
    ['an empty text', { text: '' }],
    ['a text of spaces only', { text: '   \n ' }],
    ['no text', { title: 'Typist' }],
    ['a text that is not a string', { text: 42 }],
    ['an unknown channel', { text: SCAM, channel: 'pigeon' }],
    ['an unknown field', { text: SCAM, name: 'Somchai' }],
    ['an array', [SCAM]],
    ['NUL in the text', { text: `job\u0000offer` }],
    ['control characters (binary)', { text: 'PK\u0003\u0004\u0014\u0000\u0006' }],
    ['control characters in a field', { text: SCAM, title: 'a\u001bb' }],
  ])('refuses %s with 400 problem+json', async (_label, payload) => {
    expectProblem(await check(payload), 400, 'validation_failed');
  });

  it.each([
    ['malformed JSON', '{"text": "job'],
    ['an empty body', ''],
  ])('refuses %s with 400 problem+json', async (_label, raw) => {
    expectProblem(await check(raw), 400, 'malformed_json');
  });

  it('refuses a body that is not JSON with 415', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: URL,
      remoteAddress: randomAddress(),
      headers: { 'content-type': 'text/plain' },
      payload: SCAM,
    });
    expectProblem(res, 415, 'unsupported_media_type');
  });

  it('refuses a text over 20,000 characters with 413, not 400', async () => {
    const res = await check({ text: 'a'.repeat(JOB_CHECK_MAX_TEXT + 1) });
    expectProblem(res, 413, 'payload_too_large');
    const exact = await check({ text: `  ${'a '.repeat(JOB_CHECK_MAX_TEXT / 2).trim()}  ` });
    expect(exact.statusCode, exact.body).toBe(200);
  });

  it('refuses a huge body with 413 from its length, before the schema', async () => {
    const res = await check({ text: SCAM, title: 'x'.repeat(1024 * 1024) });
    expectProblem(res, 413, 'payload_too_large');
  });
});

describe('anonymous and stateless', () => {
  it('ignores a valid session cookie: same answer, no statement, no row, no audit', async () => {
    const from = randomAddress();
    const anonymous = await check({ text: SCAM }, { from });
    const auditBefore = await auditCount(t.runtime, user.organisationId);
    const rowsBefore = await rowCounts(t.runtime);
    let res: Awaited<ReturnType<typeof check>> | undefined;
    const statements = await statementsDuring(async () => {
      // No X-CSRF-Token: a cookie is not even read here, so none is asked for.
      res = await check(
        { text: SCAM },
        { from, headers: { cookie: `hw_session=${session.cookie}` } },
      );
    });
    expect(res?.statusCode, res?.body).toBe(200);
    expect(res?.body).toBe(anonymous.body);
    expect(res?.headers['set-cookie']).toBeUndefined();
    expect(statements).toBe(0);
    expect(await rowCounts(t.runtime)).toEqual(rowsBefore);
    expect(await auditCount(t.runtime, user.organisationId)).toBe(auditBefore);
  });

  it('writes nothing it was sent to the log, whatever the outcome', async () => {
    log = '';
    const from = randomAddress();
    for (const payload of [
      { text: `${SCAM} ${MARKER}` },
      { text: MARKER, unknown: MARKER },
      { text: `${MARKER}${'a'.repeat(JOB_CHECK_MAX_TEXT)}` },
    ]) {
      await logged.inject({ method: 'POST', url: URL, remoteAddress: from, payload });
    }
    expect(log).toContain('/api/public/job-check');
    expect(log).not.toContain(MARKER);
    expect(log).not.toContain(from);
  });
});

describe('rate limit', () => {
  it('gives one address its checks per window, then 429 with Retry-After; others go on', async () => {
    const from = randomAddress();
    for (let i = 0; i < JOB_CHECK_RATE_LIMIT.max; i += 1) {
      const res = await check({ text: 'Typing job' }, { from });
      expect(res.statusCode, res.body).toBe(200);
    }
    const refused = await check({ text: 'Typing job' }, { from });
    expectProblem(refused, 429, 'too_many_attempts');
    const seconds = Number(refused.headers['retry-after']);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(JOB_CHECK_RATE_LIMIT.timeWindowMs / 1000);
    expect(refused.body).not.toContain(from);
    expect((await check({ text: 'Typing job' })).statusCode).toBe(200);
  });
});
