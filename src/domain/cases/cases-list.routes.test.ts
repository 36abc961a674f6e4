import { beforeAll, describe, expect, it } from 'vitest';
import { request, testApp, type TestApp } from '@test/support/build-app.ts';
import {
  caseScenario,
  SCENARIO_TIMEOUT,
  UNKNOWN_ID,
  type CaseScenario,
} from './case-tasks.fixtures.ts';
import {
  auditSince,
  expectInvalid,
  lastSeq,
  newOrganisationAdmin,
  registerCase,
  searchAllIds,
  searchCases,
  sorted,
} from './cases.fixtures.ts';

/** GET /api/cases (list and search) and GET /api/cases/duplicates: queries, cursors, audit. */
let t: TestApp;
let s: CaseScenario;
beforeAll(async () => {
  t = await testApp();
  s = await caseScenario(t.runtime, t.app);
}, SCENARIO_TIMEOUT);

describe('cases: bad list queries', () => {
  it('refuses bad list queries with problem+json', async () => {
    const bad: [string, string][] = [
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=ten', 'limit'],
      ['limit=2.5', 'limit'],
      ['stage=nowhere', 'stage'],
      ['risk=extreme', 'risk'],
      ['status=archived', 'status'],
      ['nationality=tha', 'nationality'],
      ['assignee=someone', 'assignee'],
      [`q=${'a'.repeat(201)}`, 'q'],
      ['sort=risk', 'sort'],
    ];
    for (const [query, field] of bad) {
      const res = await request(t.app, s.as.admin, { method: 'GET', url: `/api/cases?${query}` });
      expectInvalid(res, field, query);
    }
  });
});

describe('cases: cursors the server did not make', () => {
  it('answers 400 problem+json for a cursor it did not make', async () => {
    for (let i = 0; i < 2; i++) {
      await registerCase(t.app, s.as.admin, { identities: [{ given: 'Dara', family: 'Cursor' }] });
    }
    const list = (await searchCases(t.app, s.as.admin, { limit: 1 })).nextCursor!;
    const search = (await searchCases(t.app, s.as.admin, { q: 'Dara Cursor', limit: 1 }))
      .nextCursor!;
    expect(list && search).toBeTruthy();
    const encode = (v: string) => Buffer.from(v).toString('base64url');
    for (const [label, query] of [
      ['garbage', 'cursor=%21%21not-a-cursor%21%21'],
      ['not base64', `cursor=${'~'.repeat(20)}`],
      ['encoded nonsense', `cursor=${encode(`not a cursor|${UNKNOWN_ID}`)}`],
      ['truncated', `cursor=${list.slice(0, -6)}`],
      ['list cursor on a name search', `q=Dara%20Cursor&cursor=${list}`],
      ['name-search cursor on the list', `cursor=${search}`],
    ] as const) {
      const res = await request(t.app, s.as.admin, { method: 'GET', url: `/api/cases?${query}` });
      expectInvalid(res, 'cursor', label);
    }
  });
});

describe('cases: listing page by page', () => {
  // Timestamps have microseconds and the cursor milliseconds: a keyset that compares them
  // as they are skips cases changed in the same millisecond as the last one shown.
  it('returns every case exactly once when several share a millisecond', async () => {
    const admin = await newOrganisationAdmin(t.runtime);
    const ids: string[] = [];
    for (const given of ['Anan', 'Boonmee', 'Chai', 'Decha', 'Ekkachai']) {
      ids.push((await registerCase(t.app, admin, { identities: [{ given }] })).id);
    }
    // As a bulk import would leave them: saved within one millisecond.
    await t.runtime.database.query(
      `update cases set updated_at = '2026-01-01 00:00:00.123000+00'::timestamptz
         + (interval '1 microsecond' * (100 + array_position($1::uuid[], id)))
       where id = any($1::uuid[])`,
      [ids],
    );
    const listed = await searchAllIds(t.app, admin, { limit: 2 });
    expect(listed.length).toBe(new Set(listed).size);
    expect(sorted(listed)).toEqual(sorted(ids));
    // And when they share the very same instant (one transaction's now()).
    await t.runtime.database.query(
      `update cases set updated_at = '2026-01-01 00:00:00.123456+00' where id = any($1::uuid[])`,
      [ids],
    );
    expect(sorted(await searchAllIds(t.app, admin, { limit: 2 }))).toEqual(sorted(ids));
  });
});

describe('cases: audit of searches', () => {
  it('records every search and duplicate check without the name searched for', async () => {
    const name = await registerCase(t.app, s.as.caseworker, {
      identities: [
        { given: 'สมหญิง', family: 'รักไทย', script: 'Thai' },
        { given: 'Somying', family: 'Rakthai', kind: 'transliteration' },
      ],
    });
    const seq = await lastSeq(t.runtime);
    const searches: Record<string, string>[] = [
      { q: 'Somying Rakthai' },
      { q: 'สมหญิง' },
      { q: 'Somying', nationality: 'THA' },
      { q: 'Zzyzx Qwertyuiop' },
      {},
      { q: name.caseNumber },
    ];
    const found: string[][] = [];
    for (const q of searches) {
      found.push((await searchCases(t.app, s.as.caseworker, q)).items.map((i) => i.id));
    }
    expect(found[0]).toContain(name.id);
    const dup = await request(t.app, s.as.caseworker, {
      method: 'GET',
      url: '/api/cases/duplicates?given=Somying&family=Rakthai',
    });
    expect(dup.json().items.map((i: { id: string }) => i.id)).toContain(name.id);
    const entries = await auditSince(t.runtime, s.organisationId, seq);
    const logged = entries.filter((a) => a.action === 'case.search');
    expect(logged).toHaveLength(searches.length);
    expect(logged.map((a) => a.actor_user_id)).toEqual(searches.map(() => s.users.caseworker.id));
    // What the search returned is recorded, so a disclosure can be traced.
    expect(logged.map((a) => a.details.caseIds)).toEqual(found);
    expect(entries.filter((a) => a.action === 'case.duplicate_check')).toHaveLength(1);
    const text = JSON.stringify(entries).toLowerCase();
    for (const word of ['somying', 'rakthai', 'สมหญิง', 'รักไทย', 'smhying', 'zzyzx', 'qwerty']) {
      expect(text).not.toContain(word);
    }
  });
});
