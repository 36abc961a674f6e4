import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, request, testApp, type TestApp } from '@test/support/build-app.ts';
import {
  newMaterial,
  newSession,
  outreachScenario,
  OUTREACH_TIMEOUT,
  postMaterial,
  postSession,
  putResults,
  resultBody,
  sessionBody,
  type OutreachCaller,
  type OutreachScenario,
} from './outreach.fixtures.ts';

/**
 * Who may call each outreach route: outreach staff, supervisors and admins (outreach.read and
 * outreach.write); caseworkers and viewers are refused (403), nobody logged in gets 401, and the
 * admin of another organisation aiming at this organisation's ids gets 404 like an unknown id.
 * Bad input: outreach-input.routes.test.ts.
 */
type Caller = OutreachCaller | 'anonymous';
const CALLERS: readonly Caller[] = [
  'anonymous',
  'admin',
  'supervisor',
  'outreach',
  'caseworker',
  'viewer',
  'otherOrgAdmin',
];

let t: TestApp;
let s: OutreachScenario;

beforeAll(async () => {
  t = await testApp();
  s = await outreachScenario(t.runtime);
}, OUTREACH_TIMEOUT);

const as = (c: Caller) => (c === 'anonymous' ? null : s.as[c]);
const ours = () => newSession(t.app, s.as.outreach);
const ourMaterial = () => newMaterial(t.app, s.as.outreach);
const status = async (c: Caller, method: string, url: string, payload?: unknown) =>
  (await request(t.app, as(c), { method, url, payload })).statusCode;

interface Route {
  name: string;
  /** Status when the caller may; the other organisation's admin gets `other` (default `ok`). */
  ok: number;
  other?: number;
  call: (c: Caller) => Promise<number>;
}

const ROUTES: Route[] = [
  {
    name: 'GET /api/outreach/sessions',
    ok: 200,
    call: (c) => status(c, 'GET', '/api/outreach/sessions'),
  },
  {
    name: 'POST /api/outreach/sessions',
    ok: 201,
    call: async (c) => (await postSession(t.app, as(c), sessionBody())).statusCode,
  },
  {
    name: 'GET /api/outreach/sessions/:id',
    ok: 200,
    other: 404,
    call: async (c) => status(c, 'GET', `/api/outreach/sessions/${await ours()}`),
  },
  {
    name: 'PATCH /api/outreach/sessions/:id',
    ok: 200,
    other: 404,
    call: async (c) =>
      status(c, 'PATCH', `/api/outreach/sessions/${await ours()}`, { audienceSize: 41 }),
  },
  {
    name: 'DELETE /api/outreach/sessions/:id',
    ok: 204,
    other: 404,
    call: async (c) => status(c, 'DELETE', `/api/outreach/sessions/${await ours()}`),
  },
  {
    name: 'PUT /api/outreach/sessions/:id/results/:phase',
    ok: 200,
    other: 404,
    call: async (c) =>
      (await putResults(t.app, as(c), { id: await ours(), phase: 'pre' }, resultBody(20, [10])))
        .statusCode,
  },
  {
    name: 'DELETE /api/outreach/sessions/:id/results/:phase',
    ok: 200,
    other: 404,
    call: async (c) => {
      const id = await ours();
      await putResults(t.app, s.as.outreach, { id, phase: 'post' }, resultBody(20, [15]));
      return status(c, 'DELETE', `/api/outreach/sessions/${id}/results/post`);
    },
  },
  {
    name: 'GET /api/outreach/facilitators',
    ok: 200,
    call: (c) => status(c, 'GET', '/api/outreach/facilitators'),
  },
  {
    name: 'GET /api/outreach/materials',
    ok: 200,
    call: (c) => status(c, 'GET', '/api/outreach/materials'),
  },
  {
    name: 'POST /api/outreach/materials',
    ok: 201,
    call: async (c) => (await postMaterial(t.app, as(c))).statusCode,
  },
  {
    name: 'GET /api/outreach/materials/:id',
    ok: 200,
    other: 404,
    call: async (c) => status(c, 'GET', `/api/outreach/materials/${await ourMaterial()}`),
  },
  {
    name: 'PATCH /api/outreach/materials/:id',
    ok: 200,
    other: 404,
    call: async (c) =>
      status(c, 'PATCH', `/api/outreach/materials/${await ourMaterial()}`, { kind: 'handout' }),
  },
  {
    name: 'DELETE /api/outreach/materials/:id',
    ok: 204,
    other: 404,
    call: async (c) => status(c, 'DELETE', `/api/outreach/materials/${await ourMaterial()}`),
  },
  {
    name: 'GET /api/outreach/quizzes',
    ok: 200,
    call: (c) => status(c, 'GET', '/api/outreach/quizzes?lang=th'),
  },
  {
    name: 'GET /api/outreach/dashboard',
    ok: 200,
    call: (c) => status(c, 'GET', '/api/outreach/dashboard'),
  },
];

describe('outreach routes × callers', () => {
  it.each(ROUTES)(
    '$name',
    async (route) => {
      const got: Partial<Record<Caller, number>> = {};
      const want: Record<Caller, number> = {
        anonymous: 401,
        admin: route.ok,
        supervisor: route.ok,
        outreach: route.ok,
        caseworker: 403,
        viewer: 403,
        otherOrgAdmin: route.other ?? route.ok,
      };
      for (const c of CALLERS) {
        got[c] = await route.call(c);
      }
      expect(got).toEqual(want);
    },
    OUTREACH_TIMEOUT,
  );

  it('another organisation’s session is not found, and stays as it was', async () => {
    const id = await ours();
    const other = s.as.otherOrgAdmin;
    for (const [method, payload] of [
      ['GET', undefined],
      ['PATCH', { cancelled: true }],
      ['DELETE', undefined],
    ] as const) {
      const res = await request(t.app, other, {
        method,
        url: `/api/outreach/sessions/${id}`,
        payload,
      });
      expectProblem(res, 404, 'outreach_session_not_found');
    }
    const mine = await request(t.app, s.as.outreach, {
      method: 'GET',
      url: `/api/outreach/sessions/${id}`,
    });
    expect(mine.json()).toMatchObject({ cancelled: false, audienceSize: 30 });
    const listed = await request(t.app, other, { method: 'GET', url: '/api/outreach/sessions' });
    expect(listed.json<{ items: { id: string }[] }>().items.map((i) => i.id)).not.toContain(id);
  });

  it('another organisation’s material cannot be attached to a session', async () => {
    const theirs = await newMaterial(t.app, s.as.otherOrgAdmin);
    const res = await postSession(t.app, s.as.outreach, sessionBody({ materialIds: [theirs] }));
    const body = expectProblem(res, 400, 'validation_failed');
    expect(body.errors).toEqual([{ path: 'materialIds.0', message: expect.any(String) }]);
  });

  it('facilitators are the members who do outreach, by name', async () => {
    const res = await request(t.app, s.as.outreach, {
      method: 'GET',
      url: '/api/outreach/facilitators',
    });
    const ids = res.json<{ items: { id: string }[] }>().items.map((i) => i.id);
    const u = s.users;
    expect(ids.sort()).toEqual([u.admin.id, u.supervisor.id, u.outreach.id].sort());
  });

  it('a session is facilitated by its recorder unless another member is named', async () => {
    const mine = await postSession(t.app, s.as.outreach, sessionBody());
    expect(mine.json()).toMatchObject({ facilitator: { id: s.users.outreach.id } });
    const theirs = await postSession(
      t.app,
      s.as.outreach,
      sessionBody({ facilitatorId: s.users.supervisor.id }),
    );
    expect(theirs.json()).toMatchObject({
      facilitator: { id: s.users.supervisor.id, name: 'Test supervisor' },
    });
  });

  it('writes are audited with the entity and the actor', async () => {
    const id = await ours();
    await putResults(t.app, s.as.outreach, { id, phase: 'pre' }, resultBody(25, [5, 10]));
    await request(t.app, s.as.supervisor, {
      method: 'PATCH',
      url: `/api/outreach/sessions/${id}`,
      payload: { cancelled: true },
    });
    const rows = await t.runtime.database.query<{ action: string; actor_user_id: string }>(
      `select action, actor_user_id from audit_events
        where organisation_id = $1 and entity_type = 'outreach_session' and entity_id = $2
        order by seq`,
      [s.organisationId, id],
    );
    expect(rows).toEqual([
      { action: 'outreach_session.create', actor_user_id: s.users.outreach.id },
      { action: 'outreach_results.record', actor_user_id: s.users.outreach.id },
      { action: 'outreach_session.update', actor_user_id: s.users.supervisor.id },
    ]);
  });
});
