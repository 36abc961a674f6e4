import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, request, testApp, type TestApp } from '@test/support/build-app.ts';
import { auditCount } from '@test/support/factories.ts';
import { rawJson } from '@/domain/cases/case-tasks.fixtures.ts';
import {
  materialBody,
  newMaterial,
  newSession,
  outreachRows,
  outreachScenario,
  OUTREACH_TIMEOUT,
  postMaterial,
  postSession,
  putResults,
  resultBody,
  sessionBody,
  type OutreachScenario,
} from './outreach.fixtures.ts';

/**
 * Bad input to the outreach routes gets 400 problem+json naming the field, and writes nothing
 * (no row, no audit entry); lists page with a cursor and filter. Who may call: outreach-access.
 */
let t: TestApp;
let s: OutreachScenario;

beforeAll(async () => {
  t = await testApp();
  s = await outreachScenario(t.runtime);
}, OUTREACH_TIMEOUT);

/** Runs `call`, expecting a 400 naming `path`, with no row in `table` and no audit entry. */
async function refused(
  table: 'outreach_sessions' | 'outreach_materials' | 'outreach_quiz_results',
  call: () => Promise<Awaited<ReturnType<typeof postSession>>>,
  path?: string,
): Promise<void> {
  const rows = await outreachRows(t.runtime, table, s.organisationId);
  const audits = await auditCount(t.runtime, s.organisationId);
  const res = await call();
  const body = expectProblem(res, 400, res.json<{ code: string }>().code);
  expect(['validation_failed', 'malformed_json']).toContain(body.code);
  if (path) {
    // Schema issues are named under `body.` or `params.`, a service's own checks by the field.
    const paths = body.errors?.map((e) => e.path.replace(/^(body|params)\.?/, ''));
    expect(paths).toContain(path);
  }
  expect(await outreachRows(t.runtime, table, s.organisationId)).toBe(rows);
  expect(await auditCount(t.runtime, s.organisationId)).toBe(audits);
}

describe('outreach sessions: bad input', () => {
  it.each([
    ['setting', { setting: 'prison' }],
    ['heldOn', { heldOn: '2026-02-31' }],
    ['place', { place: '' }],
    ['audienceSize', { audienceSize: -5 }],
    ['audienceSize', { audienceSize: '30' }],
    ['audienceSize', { audienceSize: 2.5 }],
    ['ageBand', { ageBand: 'adults' }],
    ['topics.0', { topics: ['astrology'] }],
    ['topics', { topics: [] }],
    ['topics', { topics: ['scam_compounds', 'scam_compounds'] }],
    ['language', { language: 'Thai language' }],
    ['materialIds.0', { materialIds: ['not-an-id'] }],
    ['facilitatorId', { facilitatorId: 42 }],
    ['notes', { notes: 'x'.repeat(4001) }],
    ['', { participants: ['Somchai'] }],
  ])('%s: %j', async (path, patch) => {
    await refused(
      'outreach_sessions',
      () => postSession(t.app, s.as.outreach, sessionBody(patch)),
      path,
    );
  });

  it('malformed JSON and a missing field', async () => {
    await refused('outreach_sessions', () =>
      rawJson(t.app, s.as.outreach, {
        method: 'POST',
        url: '/api/outreach/sessions',
        body: '{"setting":',
      }),
    );
    const noPlace = sessionBody();
    delete noPlace.place;
    await refused('outreach_sessions', () => postSession(t.app, s.as.outreach, noPlace), 'place');
  });

  it('a facilitator who does not do outreach, or is of another organisation', async () => {
    for (const user of [s.users.caseworker, s.users.viewer, s.users.otherOrgAdmin]) {
      await refused(
        'outreach_sessions',
        () => postSession(t.app, s.as.outreach, sessionBody({ facilitatorId: user.id })),
        'facilitatorId',
      );
    }
  });

  it('a material that is not in the library', async () => {
    await refused(
      'outreach_sessions',
      () =>
        postSession(
          t.app,
          s.as.outreach,
          sessionBody({ materialIds: ['01900000-0000-7000-8000-000000000000'] }),
        ),
      'materialIds.0',
    );
  });

  it('PATCH refuses a bad field and changes nothing', async () => {
    const id = await newSession(t.app, s.as.outreach);
    const res = await request(t.app, s.as.outreach, {
      method: 'PATCH',
      url: `/api/outreach/sessions/${id}`,
      payload: { audienceSize: 0, place: 'Somewhere else' },
    });
    expectProblem(res, 400, 'validation_failed');
    const now = await request(t.app, s.as.outreach, {
      method: 'GET',
      url: `/api/outreach/sessions/${id}`,
    });
    expect(now.json()).toMatchObject({ audienceSize: 30, place: sessionBody().place });
  });

  it('an id that is not a uuid is not found', async () => {
    const res = await request(t.app, s.as.outreach, {
      method: 'GET',
      url: '/api/outreach/sessions/12',
    });
    expectProblem(res, 404, 'outreach_session_not_found');
  });
});

describe('outreach results: bad input', () => {
  let id: string;
  beforeAll(async () => {
    id = await newSession(t.app, s.as.outreach);
  });
  const put =
    (body: unknown, phase = 'pre') =>
    () =>
      putResults(t.app, s.as.outreach, { id, phase }, body);

  it.each([
    ['quizId', { ...resultBody(20, [5]), quizId: 'no-such-quiz' }],
    ['language', { ...resultBody(20, [5]), language: 'km' }],
    ['respondents', resultBody(0, [0])],
    ['respondents', { ...resultBody(20, [5]), respondents: 'twenty' }],
    ['correct', resultBody(20, [])],
    ['correct.0.correct', resultBody(20, [21])],
    ['correct.0.correct', resultBody(20, [-1])],
    [
      'correct.0.questionId',
      { ...resultBody(20, [5]), correct: [{ questionId: 'capital_of_peru', correct: 3 }] },
    ],
    [
      'correct.1.questionId',
      {
        ...resultBody(20, [5]),
        correct: [
          { questionId: 'destination_changed', correct: 3 },
          { questionId: 'destination_changed', correct: 4 },
        ],
      },
    ],
    ['', { ...resultBody(20, [5]), names: ['pupil 1'] }],
  ])('%s', async (path, body) => {
    await refused('outreach_quiz_results', put(body), path);
  });

  it('a phase other than pre or post', async () => {
    await refused('outreach_quiz_results', put(resultBody(20, [5]), 'during'), 'phase');
  });

  it('records tallies and scores them as the share correct', async () => {
    const res = await put(resultBody(10, [10, 5, 0, 5]))();
    expect(res.statusCode, res.body).toBe(200);
    // 20 correct of 10 forms × 4 questions = 0.5
    expect(res.json()).toMatchObject({
      results: { pre: { respondents: 10, score: 0.5 }, post: null },
    });
    const again = await put(resultBody(10, [10, 10]))();
    expect(again.json()).toMatchObject({ results: { pre: { score: 1 } } });
  });
});

describe('outreach materials: bad input', () => {
  it.each([
    ['url', { url: 'http://materials.example.org/a.pdf' }],
    ['url', { url: 'javascript:alert(1)' }],
    ['url', { url: 'https://user:pw@materials.example.org/a.pdf' }],
    ['url', { url: 'not a link' }],
    ['kind', { kind: 'podcast' }],
    ['topics.0', { topics: ['gardening'] }],
    ['title', { title: '   ' }],
    ['language', { language: 42 }],
  ])('%s: %j', async (path, patch) => {
    await refused(
      'outreach_materials',
      () => postMaterial(t.app, s.as.outreach, materialBody(patch)),
      path,
    );
  });
});

describe('outreach: oversize and changed materials', () => {
  it('an oversize body is refused with 413 and writes nothing', async () => {
    const rows = await outreachRows(t.runtime, 'outreach_sessions', s.organisationId);
    const res = await postSession(
      t.app,
      s.as.outreach,
      sessionBody({ notes: 'x'.repeat(3_000_000) }),
    );
    expectProblem(res, 413, 'payload_too_large');
    expect(await outreachRows(t.runtime, 'outreach_sessions', s.organisationId)).toBe(rows);
  });

  it('PATCH of a material with a bad link changes nothing', async () => {
    const id = await newMaterial(t.app, s.as.outreach);
    const res = await request(t.app, s.as.outreach, {
      method: 'PATCH',
      url: `/api/outreach/materials/${id}`,
      payload: { url: 'ftp://materials.example.org/a.pdf', title: 'Changed' },
    });
    expectProblem(res, 400, 'validation_failed');
    const now = await request(t.app, s.as.outreach, {
      method: 'GET',
      url: `/api/outreach/materials/${id}`,
    });
    expect(now.json()).toMatchObject({ title: materialBody().title, url: materialBody().url });
  });
});

describe('outreach lists', () => {
  it('sessions page with a cursor, upcoming soonest first, filtered by topic and setting', async () => {
    const { as } = await outreachScenario(t.runtime);
    const days = ['2030-01-05', '2030-01-03', '2030-01-04', '2020-06-01'];
    for (const heldOn of days) {
      await newSession(t.app, as.outreach, {
        heldOn,
        setting: heldOn.startsWith('2020') ? 'online' : 'school',
      });
    }
    await newSession(t.app, as.outreach, { heldOn: '2030-02-01', topics: ['online_safety'] });
    const list = async (query: string) =>
      (
        await request(t.app, as.outreach, { method: 'GET', url: `/api/outreach/sessions?${query}` })
      ).json<{
        items: { heldOn: string }[];
        nextCursor: string | null;
      }>();
    const first = await list('when=upcoming&limit=2');
    expect(first.items.map((i) => i.heldOn)).toEqual(['2030-01-03', '2030-01-04']);
    const second = await list(`when=upcoming&limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((i) => i.heldOn)).toEqual(['2030-01-05', '2030-02-01']);
    expect((await list('when=past')).items.map((i) => i.heldOn)).toEqual(['2020-06-01']);
    expect((await list('topic=online_safety')).items.map((i) => i.heldOn)).toEqual(['2030-02-01']);
    expect((await list('setting=online')).items.map((i) => i.heldOn)).toEqual(['2020-06-01']);
    const bad = await request(t.app, as.outreach, {
      method: 'GET',
      url: '/api/outreach/sessions?cursor=abc',
    });
    expectProblem(bad, 400, 'validation_failed');
  });

  it('a deleted material leaves the sessions that used it', async () => {
    const material = await newMaterial(t.app, s.as.outreach);
    const id = await newSession(t.app, s.as.outreach, { materialIds: [material] });
    const before = await request(t.app, s.as.outreach, {
      method: 'GET',
      url: `/api/outreach/sessions/${id}`,
    });
    expect(before.json<{ materials: { id: string }[] }>().materials.map((m) => m.id)).toEqual([
      material,
    ]);
    await request(t.app, s.as.outreach, {
      method: 'DELETE',
      url: `/api/outreach/materials/${material}`,
    });
    const after = await request(t.app, s.as.outreach, {
      method: 'GET',
      url: `/api/outreach/sessions/${id}`,
    });
    expect(after.json<{ materials: unknown[] }>().materials).toEqual([]);
  });
});
