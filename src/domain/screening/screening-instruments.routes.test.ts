import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, request, testApp, type TestApp } from '@test/support/build-app.ts';
import {
  auditCount,
  buildOrganisation,
  buildSession,
  buildUser,
  makePlatformAdmin,
  unique,
} from '@test/support/factories.ts';
import {
  caseScenario,
  SCENARIO_TIMEOUT,
  type CaseScenario,
} from '@/domain/cases/case-tasks.fixtures.ts';
import { builtinInstrument } from './builtin-instruments.ts';
import type { InstrumentList, Screening } from './screening-views.schema.ts';
import { answers, newCase, ownInstrument, screen } from './screening.fixtures.ts';

let t: TestApp;
let s: CaseScenario;

beforeAll(async () => {
  t = await testApp();
  s = await caseScenario(t.runtime, t.app);
}, SCENARIO_TIMEOUT);

async function list(as: keyof CaseScenario['as'], query = ''): Promise<InstrumentList> {
  const res = await request(t.app, s.as[as], {
    method: 'GET',
    url: `/api/screening/instruments${query}`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<InstrumentList>();
}

const publish = (as: keyof CaseScenario['as'], payload: unknown) =>
  request(t.app, s.as[as], { method: 'POST', url: '/api/screening/instruments', payload });

async function instrumentRows(): Promise<number> {
  const [row] = await t.runtime.database.query<{ n: number }>(
    'select count(*)::int as n from screening_instruments',
  );
  return row!.n;
}

describe('GET /api/screening/instruments', () => {
  it('lists the built-ins in the language asked for, English where untranslated', async () => {
    const en = await list('viewer');
    const ids = en.items.map((i) => i.id);
    for (const id of [
      'palermo-elements',
      'ilo-forced-labour',
      'ilo-ec-delphi',
      'scam-forced-criminality',
    ]) {
      expect(ids).toContain(id);
    }
    const palermo = en.items.find((i) => i.id === 'palermo-elements')!;
    expect(palermo).toMatchObject({
      version: 1,
      title: 'UN Trafficking Protocol: act, means and purpose',
      kind: 'legal_elements',
      owner: 'builtin',
    });
    expect(palermo.indicators[0]).toMatchObject({
      id: 'PAL-01',
      dimension: 'palermo_element',
      element: 'act',
      strength: 'strong',
      appliesTo: 'all',
    });
    const th = (await list('caseworker', '?lang=th')).items.find(
      (i) => i.id === 'palermo-elements',
    )!;
    expect(th.title).toBe(builtinInstrument('palermo-elements')!.title.th);
    expect(th.indicators[0]!.question).toBe(
      builtinInstrument('palermo-elements')!.indicators[0]!.question.th,
    );
    // The names of its parts and dimensions, and where its rule comes from, come with it.
    const doc = builtinInstrument('palermo-elements')!;
    expect(th.parts).toEqual(doc.rule.parts.map((p) => ({ key: p.key, title: p.title.th })));
    expect(th.dimensions).toEqual(doc.dimensions.map((d) => ({ key: d.key, title: d.title.th })));
    expect(th.ruleProvenance).toBe(doc.ruleProvenance);
    const scam = en.items.find((i) => i.id === 'scam-forced-criminality')!;
    expect(scam.elementsProvenance).toBe('project_convention');
    // Khmer texts are not written yet: English stands in.
    const km = (await list('caseworker', '?lang=km')).items.find(
      (i) => i.id === 'palermo-elements',
    )!;
    expect(km.title).toBe(palermo.title);
    const bad = await request(t.app, s.as.caseworker, {
      method: 'GET',
      url: '/api/screening/instruments?lang=klingon',
    });
    expectProblem(bad, 400, 'validation_failed');
  });
});

describe('POST /api/screening/instruments', () => {
  it('an organisation’s own instrument is seen by that organisation only', async () => {
    const id = `own-${unique()}`;
    const res = await publish('admin', ownInstrument(id, 1));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ id, version: 1, owner: 'organisation' });
    expect((await list('caseworker')).items.map((i) => i.id)).toContain(id);
    expect((await list('otherOrgAdmin')).items.map((i) => i.id)).not.toContain(id);
    const [entry] = await t.runtime.database.query<{ entity_id: string }>(
      `select entity_id from audit_events where organisation_id = $1
       and action = 'screening_instrument.create' order by seq desc limit 1`,
      [s.organisationId],
    );
    expect(entry?.entity_id).toBe(`${id}@1`);
    // Another organisation cannot screen with it.
    const theirCase = await newCase(t.app, s.as.otherOrgAdmin);
    const foreign = await request(t.app, s.as.otherOrgAdmin, {
      method: 'POST',
      url: `/api/cases/${theirCase}/screenings`,
      payload: { instrumentId: id, answers: [] },
    });
    expectProblem(foreign, 400, 'validation_failed');
  });

  it('refuses invalid instruments, stale versions and built-in ids, writing nothing', async () => {
    const id = `bad-${unique()}`;
    expect((await publish('admin', ownInstrument(id, 2))).statusCode).toBe(201);
    const rows = await instrumentRows();
    const audits = await auditCount(t.runtime, s.organisationId);
    const broken = ownInstrument(`bad-${unique()}`, 1);
    broken.indicators[0]!.dimension = 'no_such_dimension';
    const invalid = expectProblem(await publish('admin', broken), 400, 'validation_failed');
    expect(invalid.errors?.map((e) => e.path)).toContain('body.indicators.0.dimension');
    for (const body of [
      { ...ownInstrument(`bad-${unique()}`, 1), title: undefined },
      { ...ownInstrument(`bad-${unique()}`, 1), version: 'one' },
      { ...ownInstrument(`bad-${unique()}`, 1), extra: true },
      { ...ownInstrument(`Bad_Id`, 1) },
      [],
    ]) {
      expectProblem(await publish('admin', body), 400, 'validation_failed');
    }
    expectProblem(await publish('admin', ownInstrument(id, 2)), 409, 'conflict');
    expectProblem(await publish('admin', ownInstrument(id, 1)), 409, 'conflict');
    // A new version of a built-in needs a platform admin.
    expectProblem(await publish('admin', ownInstrument('palermo-elements', 7)), 403, 'forbidden');
    expectProblem(await publish('supervisor', ownInstrument(`x-${unique()}`, 1)), 403, 'forbidden');
    expect(await instrumentRows()).toBe(rows);
    expect(await auditCount(t.runtime, s.organisationId)).toBe(audits);
  });

  it('a platform admin publishes a new version of a built-in for every organisation', async () => {
    const operator = await buildUser(t.runtime, await buildOrganisation(t.runtime), 'admin');
    await makePlatformAdmin(t.runtime, operator);
    const session = await buildSession(t.runtime, operator);
    const current = (await list('caseworker')).items.find((i) => i.id === 'ilo-forced-labour')!;
    const next = {
      ...structuredClone(builtinInstrument('ilo-forced-labour')!),
      version: current.version + 1,
    };
    const res = await request(t.app, session, {
      method: 'POST',
      url: '/api/screening/instruments',
      payload: next,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ owner: 'builtin', version: next.version });
    const seen = (await list('otherOrgAdmin')).items.find((i) => i.id === 'ilo-forced-labour');
    expect(seen?.version).toBe(next.version);
  });
});

describe('a new instrument version', () => {
  it('leaves screenings made with the old one exactly as they were stored', async () => {
    const id = `ver-${unique()}`;
    expect((await publish('admin', ownInstrument(id, 1))).statusCode).toBe(201);
    const adult = await newCase(t.app, s.as.caseworker, { birthYear: 1988 });
    const given = answers({ 'PAL-01': 'yes', 'PAL-02': 'no', 'PAL-03': 'yes' });
    const old = await screen(t.app, s.as.caseworker, adult, { instrumentId: id, answers: given });
    expect(old).toMatchObject({ instrumentVersion: 1, finding: 'insufficient_indicators' });
    const draft = await screen(t.app, s.as.caseworker, adult, {
      instrumentId: id,
      status: 'in_progress',
      answers: given,
    });

    // Version 2 no longer needs the means for an adult.
    const v2 = await publish('admin', ownInstrument(id, 2, { adultNeedsMeans: false }));
    expect(v2.statusCode, v2.body).toBe(201);

    // The old version stays readable, for the interview begun on it and its report.
    const v1 = await request(t.app, s.as.viewer, {
      method: 'GET',
      url: `/api/screening/instruments/${id}/versions/1?lang=th`,
    });
    expect(v1.statusCode, v1.body).toBe(200);
    expect(v1.json()).toMatchObject({ id, version: 1, title: `ของตัวเอง ${id}` });
    for (const [as, path, status] of [
      ['caseworker', `${id}/versions/9`, 404],
      ['otherOrgAdmin', `${id}/versions/1`, 404],
      ['outreach', `${id}/versions/1`, 403],
      ['caseworker', `${id}/versions/zero`, 400],
    ] as const) {
      const res = await request(t.app, s.as[as], {
        method: 'GET',
        url: `/api/screening/instruments/${path}`,
      });
      expect(res.statusCode, `${as} ${path}`).toBe(status);
    }

    const reread = await request(t.app, s.as.caseworker, {
      method: 'GET',
      url: `/api/cases/${adult}/screenings/${old.id}`,
    });
    const stored = reread.json<Screening>();
    expect(stored).toMatchObject({
      instrumentVersion: 1,
      finding: 'insufficient_indicators',
      parts: old.parts,
      version: old.version,
    });
    const latest = await screen(t.app, s.as.caseworker, adult, {
      instrumentId: id,
      answers: given,
    });
    expect(latest).toMatchObject({ instrumentVersion: 2, finding: 'indicators_present' });
    const pinned = await screen(t.app, s.as.caseworker, adult, {
      instrumentId: id,
      instrumentVersion: 1,
      answers: given,
    });
    expect(pinned).toMatchObject({ instrumentVersion: 1, finding: 'insufficient_indicators' });
    // An interview begun on version 1 is scored with version 1 when completed.
    const completed = await request(t.app, s.as.caseworker, {
      method: 'PATCH',
      url: `/api/cases/${adult}/screenings/${draft.id}`,
      payload: { version: 1, status: 'complete' },
    });
    expect(completed.json()).toMatchObject({
      instrumentVersion: 1,
      finding: 'insufficient_indicators',
    });
  });
});

describe('GET /api/screening/instruments/:id/versions[/:v/document]', () => {
  const get = (as: keyof CaseScenario['as'], url: string) =>
    request(t.app, s.as[as], { method: 'GET', url: `/api/screening/instruments/${url}` });

  it('gives an own instrument whole, as published, to its organisation only', async () => {
    const id = `doc-${unique()}`;
    const published = ownInstrument(id, 1);
    expect((await publish('admin', published)).statusCode).toBe(201);
    expect((await publish('admin', ownInstrument(id, 2))).statusCode).toBe(201);
    const doc = await get('caseworker', `${id}/versions/1/document`);
    expect(doc.statusCode, doc.body).toBe(200);
    expect(doc.json()).toEqual(published);
    const versions = await get('viewer', `${id}/versions?lang=th`);
    expect(versions.statusCode, versions.body).toBe(200);
    expect(versions.json<InstrumentList>().items.map((i) => i.version)).toEqual([1, 2]);
    expectProblem(await get('otherOrgAdmin', `${id}/versions/1/document`), 404, 'not_found');
    expectProblem(await get('otherOrgAdmin', `${id}/versions`), 404, 'not_found');
  });

  it('gives a built-in whole with its sources; unknown ids and versions are 404, bad ones 400', async () => {
    const doc = await get('caseworker', 'palermo-elements/versions/1/document');
    expect(doc.statusCode, doc.body).toBe(200);
    expect(doc.json()).toEqual(builtinInstrument('palermo-elements', 1));
    expectProblem(
      await get('caseworker', 'palermo-elements/versions/99/document'),
      404,
      'not_found',
    );
    expectProblem(await get('caseworker', 'no-such-thing/versions'), 404, 'not_found');
    expectProblem(
      await get('caseworker', 'palermo-elements/versions/one/document'),
      400,
      'validation_failed',
    );
  });
});
