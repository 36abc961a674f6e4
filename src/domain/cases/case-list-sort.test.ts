import { beforeAll, describe, expect, it } from 'vitest';
import {
  expectProblem,
  request,
  testApp,
  type Session,
  type TestApp,
} from '@test/support/build-app.ts';
import { buildOrganisation, buildSession, buildUser } from '@test/support/factories.ts';
import { caseScenario, SCENARIO_TIMEOUT, type CaseScenario } from './case-tasks.fixtures.ts';
import type { CasePage } from './case-views.schema.ts';

let t: TestApp;
let s: CaseScenario;
/** Case ids by person, all registered by the caseworker in the scenario's organisation. */
const id: Record<string, string> = {};
const PEOPLE = {
  zaw: { given: 'Zaw', family: 'Min', caseNumber: 'SRT-2026-0417', due: '2031-05-01' },
  anan: { given: 'Anan', family: 'Boonmee', caseNumber: 'SRT-2026-0418', due: '2030-01-01' },
  mai: { given: 'Mai', family: 'Linh', caseNumber: 'SRT-2026-1417', due: null },
  bopha: { given: 'Bopha', family: 'Keo', caseNumber: 'SRT-2026-0419', due: '2031-01-01' },
};

beforeAll(async () => {
  t = await testApp();
  s = await caseScenario(t.runtime, t.app);
  for (const [key, p] of Object.entries(PEOPLE)) {
    const res = await request(t.app, s.as.caseworker, {
      method: 'POST',
      url: '/api/cases',
      payload: {
        caseNumber: p.caseNumber,
        identities: [{ given: p.given, family: p.family, script: 'Latn' }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    id[key] = res.json<{ id: string }>().id;
    if (p.due) {
      const task = await request(t.app, s.as.caseworker, {
        method: 'POST',
        url: `/api/cases/${id[key]}/tasks`,
        payload: { title: 'Call', dueOn: p.due },
      });
      expect(task.statusCode, task.body).toBe(201);
    }
  }
  // A task already done does not count as the next due date.
  const done = await request(t.app, s.as.caseworker, {
    method: 'POST',
    url: `/api/cases/${id.mai}/tasks`,
    payload: { title: 'Done already', dueOn: '2029-01-01' },
  });
  await request(t.app, s.as.caseworker, {
    method: 'PATCH',
    url: `/api/cases/${id.mai}/tasks/${done.json<{ id: string }>().id}`,
    payload: { status: 'done' },
  });
}, SCENARIO_TIMEOUT);

async function list(query: string, as: Session = s.as.caseworker): Promise<CasePage> {
  const res = await request(t.app, as, { method: 'GET', url: `/api/cases?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CasePage>();
}

/** Every page of a list, following the cursor. */
async function allIds(query: string): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 10; i++) {
    const page: CasePage = await list(`${query}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
    seen.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
    if (!cursor) {
      break;
    }
  }
  return seen;
}

const ours = (ids: string[]) => ids.filter((x) => Object.values(id).includes(x));

describe('GET /api/cases sort', () => {
  it('sorts by name, in pages', async () => {
    expect(ours(await allIds('sort=name'))).toEqual([id.anan, id.bopha, id.mai, id.zaw]);
  });

  it('sorts by next due open task, people without one last, in pages', async () => {
    expect(ours(await allIds('sort=due'))).toEqual([id.anan, id.bopha, id.zaw, id.mai]);
    const first = (await list('sort=due&limit=1')).items[0];
    expect(first).toMatchObject({ id: id.anan, nextDueOn: '2030-01-01' });
  });

  it('sorts by last update by default, newest first', async () => {
    const ids = ours(await allIds('sort=updated'));
    expect(ids).toEqual([id.bopha, id.mai, id.anan, id.zaw]);
    expect(ours(await allIds('status=open'))).toEqual(ids);
  });

  it('refuses an unknown sort and a cursor from another sort', async () => {
    expectProblem(
      await request(t.app, s.as.caseworker, { method: 'GET', url: '/api/cases?sort=risk' }),
      400,
      'validation_failed',
    );
    const byName = await list('sort=name&limit=1');
    expectProblem(
      await request(t.app, s.as.caseworker, {
        method: 'GET',
        url: `/api/cases?sort=due&cursor=${byName.nextCursor}`,
      }),
      400,
      'validation_failed',
    );
  });
});

describe('GET /api/cases total', () => {
  it('counts what matches on the first page only', async () => {
    const first = await list('limit=2');
    // The scenario's own case and the four above.
    expect(first.total).toBe(5);
    expect(first.totalCapped).toBe(false);
    const next = await list(`limit=2&cursor=${first.nextCursor}`);
    expect(next.total).toBeNull();
    expect((await list('q=Anan')).total).toBe(1);
  });

  it('stops counting past 1,000', async () => {
    const org = await buildOrganisation(t.runtime);
    const admin = await buildSession(t.runtime, await buildUser(t.runtime, org, 'admin'));
    await t.runtime.database.query(
      `insert into cases (id, organisation_id, case_number)
       select gen_random_uuid(), $1, 'BULK-' || g from generate_series(1, 1005) g`,
      [org.id],
    );
    const page = await list('limit=5', admin);
    expect(page).toMatchObject({ total: 1000, totalCapped: true });
    expect(page.items).toHaveLength(5);
  });

  it('counts only cases the caller may see', async () => {
    expect((await list('limit=1', s.as.otherCaseworker)).total).toBe(0);
    expect((await list('limit=1', s.as.otherOrgAdmin)).total).toBe(0);
  });
});

describe('GET /api/cases by part of the case number', () => {
  it('finds a case by the end of its number', async () => {
    expect(ours((await list('q=0417')).items.map((i) => i.id))).toEqual([id.zaw]);
    expect(ours((await list('q=1417')).items.map((i) => i.id))).toEqual([id.mai]);
  });

  it('finds several by a longer part, the exact number first', async () => {
    const ids = ours((await list('q=2026-04')).items.map((i) => i.id)).sort();
    expect(ids).toEqual([id.zaw, id.anan, id.bopha].sort());
    expect((await list('q=srt-2026-0418')).items[0]?.id).toBe(id.anan);
  });

  it('treats % and _ as text, not as wildcards', async () => {
    expect(ours((await list('q=20_6')).items.map((i) => i.id))).toEqual([]);
    expect(ours((await list('q=0%25')).items.map((i) => i.id))).toEqual([]);
  });

  it("never finds another organisation's case", async () => {
    expect((await list('q=0417', s.as.otherOrgAdmin)).items).toEqual([]);
  });
});
