import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, expectProblem, request, testApp, type TestApp } from '@test/support/build-app.ts';
import { SCENARIO_TIMEOUT } from '@/domain/cases/case-tasks.fixtures.ts';
import { advertScenario, assign, type AdvertScenario } from './advert-reports.fixtures.ts';

/** Assigning organisations to countries: the whole table at once, checked, audited. */

let t: TestApp;
let s: AdvertScenario;

beforeAll(async () => {
  t = await testApp();
  s = await advertScenario(t.runtime, t.app);
}, SCENARIO_TIMEOUT);

const view = async () =>
  (
    await request(t.app, s.sessions.platformAdmin, {
      method: 'GET',
      url: '/api/prevention/assignments',
    })
  ).json<{
    items: { country: string; organisationIds: string[] }[];
    organisations: { id: string }[];
  }>();

describe('PUT /api/prevention/assignments', () => {
  it('replaces the table, lists the organisations to choose from, and is audited', async () => {
    const orgId = s.users.platformAdmin.organisationId;
    const before = await t.runtime.database.query<{ n: number }>(
      "select count(*)::int as n from audit_events where organisation_id = $1 and action = 'prevention_assignment.replace'",
      [orgId],
    );
    const res = await assign(t.app, s, [
      { country: 'KHM', organisationIds: [s.orgA, s.orgB, s.orgA] },
      { country: 'LAO', organisationIds: [s.orgB] },
    ]);
    expect(res.statusCode).toBe(200);
    const body = await view();
    expect(body.items).toEqual([
      { country: 'KHM', organisationIds: [s.orgA, s.orgB].sort() },
      { country: 'LAO', organisationIds: [s.orgB] },
    ]);
    expect(body.organisations.map((o) => o.id)).toEqual(expect.arrayContaining([s.orgA, s.orgB]));
    const after = await t.runtime.database.query<{ n: number }>(
      "select count(*)::int as n from audit_events where organisation_id = $1 and action = 'prevention_assignment.replace'",
      [orgId],
    );
    expect(after[0]!.n).toBe(before[0]!.n + 1);
  });

  it('refuses unknown countries and organisations, a country twice and malformed bodies; nothing changes', async () => {
    const before = await view();
    const bad: [unknown, string][] = [
      [{ items: [{ country: 'XXX', organisationIds: [] }] }, 'items.0.country'],
      [
        { items: [{ country: 'KHM', organisationIds: ['0190a000-0000-7000-8000-000000000000'] }] },
        'items.0.organisationIds.0',
      ],
      [
        {
          items: [
            { country: 'KHM', organisationIds: [] },
            { country: 'KHM', organisationIds: [] },
          ],
        },
        'items.1.country',
      ],
      [{ items: [{ country: 'kh', organisationIds: [] }] }, 'body.items.0.country'],
      [
        { items: [{ country: 'KHM', organisationIds: ['nope'] }] },
        'body.items.0.organisationIds.0',
      ],
      [{ items: [{ country: 'KHM' }] }, 'body.items.0.organisationIds'],
      [{ items: [], extra: true }, 'body'],
    ];
    for (const [payload, path] of bad) {
      const res = await request(t.app, s.sessions.platformAdmin, {
        method: 'PUT',
        url: '/api/prevention/assignments',
        payload,
      });
      const problem = expectProblem(res, 400, 'validation_failed');
      expect(problem.errors?.map((e) => e.path).join(' ')).toContain(path);
    }
    expect(await view()).toEqual(before);
  });

  it('needs a platform admin in person: an API token of one is refused', async () => {
    const made = await request(t.app, s.sessions.platformAdmin, {
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'prevention', scopes: ['read', 'write', 'sensitive'] },
    });
    const token = made.json<{ token: string }>().token;
    const res = await bearer(t.app, token, { method: 'GET', url: '/api/prevention/assignments' });
    expectProblem(res, 403, 'session_required');
  });
});
