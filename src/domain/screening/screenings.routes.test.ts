import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, request, testApp, type TestApp } from '@test/support/build-app.ts';
import {
  caseScenario,
  SCENARIO_TIMEOUT,
  type CaseScenario,
} from '@/domain/cases/case-tasks.fixtures.ts';
import type { Screening, ScreeningList, ScreeningSummary } from './screening-views.schema.ts';
import { answers, caseAuditActions, newCase, palermo, screen } from './screening.fixtures.ts';

let t: TestApp;
let s: CaseScenario;

beforeAll(async () => {
  t = await testApp();
  s = await caseScenario(t.runtime, t.app);
}, SCENARIO_TIMEOUT);

const url = (caseId: string, sid = '', rest = '') =>
  `/api/cases/${caseId}/screenings${sid ? `/${sid}` : ''}${rest}`;

async function open(caseId: string, sid: string, as: keyof CaseScenario['as'] = 'caseworker') {
  const res = await request(t.app, s.as[as], { method: 'GET', url: url(caseId, sid) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Screening>();
}

describe('worked examples through the API', () => {
  it('a child recruited at 13, act and purpose yes, means unknown: indicators present', async () => {
    const caseId = await newCase(t.app, s.as.caseworker, {
      birthDate: '2012-03-01',
      recruitmentDate: '2025-06-01',
    });
    const result = await screen(t.app, s.as.caseworker, caseId, palermo('unknown'));
    expect(result).toMatchObject({
      instrumentId: 'palermo-elements',
      instrumentVersion: 1,
      status: 'complete',
      rules: 'child',
      rulesReason: 'under_18_at_recruitment',
      finding: 'indicators_present',
      strength: 'strong',
      parts: [
        { key: 'act', status: 'met', drivers: ['PAL-01'] },
        { key: 'means', status: 'undetermined', drivers: ['PAL-02'] },
        { key: 'purpose', status: 'met', drivers: ['PAL-03'] },
      ],
    });
  });

  it('an adult with act and purpose and no means: insufficient, the no answer named', async () => {
    const caseId = await newCase(t.app, s.as.caseworker, {
      birthYear: 1990,
      recruitmentDate: '2024-01-15',
    });
    const result = await screen(t.app, s.as.caseworker, caseId, palermo('no'));
    expect(result).toMatchObject({
      rules: 'adult',
      rulesReason: 'adult_at_recruitment',
      finding: 'insufficient_indicators',
    });
    expect(result.parts.find((p) => p.key === 'means')).toEqual({
      key: 'means',
      status: 'not_met',
      drivers: ['PAL-02'],
    });
  });

  it('all unknown (or left out): undetermined, never insufficient', async () => {
    const caseId = await newCase(t.app, s.as.caseworker, { birthYear: 1985 });
    const left = await screen(t.app, s.as.caseworker, caseId, {
      instrumentId: 'palermo-elements',
      instrumentVersion: 1,
      answers: [],
    });
    const unknown = await screen(t.app, s.as.caseworker, caseId, {
      instrumentId: 'palermo-elements',
      instrumentVersion: 1,
      answers: answers({ 'PAL-01': 'unknown', 'PAL-02': 'unknown', 'PAL-03': 'unknown' }),
    });
    for (const r of [left, unknown]) {
      expect(r).toMatchObject({ finding: 'undetermined', strength: null, rules: 'adult' });
      expect(r.parts.every((p) => p.status === 'undetermined')).toBe(true);
    }
  });

  it('the possible-minor flag and an unknown age decide the rules when the screening is made', async () => {
    const flagged = await newCase(t.app, s.as.caseworker, { possibleMinor: true });
    expect(await screen(t.app, s.as.caseworker, flagged, palermo())).toMatchObject({
      rules: 'child',
      rulesReason: 'flagged_possible_minor',
      finding: 'indicators_present',
    });
    const unknownAge = await newCase(t.app, s.as.caseworker);
    expect(await screen(t.app, s.as.caseworker, unknownAge, palermo())).toMatchObject({
      rules: 'adult',
      rulesReason: 'age_unknown_not_flagged',
      finding: 'undetermined',
    });
  });

  it('an estimated age counts: estimated 19 today and recruited two years ago may have been a child', async () => {
    const twoYearsAgo = `${new Date().getUTCFullYear() - 2}-01-15`;
    const young = await newCase(t.app, s.as.caseworker, {
      estimatedAge: 19,
      recruitmentDate: twoYearsAgo,
    });
    expect(await screen(t.app, s.as.caseworker, young, palermo())).toMatchObject({
      rules: 'child',
      rulesReason: 'may_have_been_under_18_at_recruitment',
      finding: 'indicators_present',
    });
    const older = await newCase(t.app, s.as.caseworker, { estimatedAge: 40 });
    expect(await screen(t.app, s.as.caseworker, older, palermo())).toMatchObject({
      rules: 'adult',
      rulesReason: 'adult_at_screening',
    });
  });
});

describe('a screening from interview to approval', () => {
  it('drafts, completes, keeps its result, takes a statement until a supervisor approves', async () => {
    const caseId = await newCase(t.app, s.as.caseworker, { birthYear: 1995 });
    const draft = await screen(t.app, s.as.caseworker, caseId, {
      instrumentId: 'palermo-elements',
      status: 'in_progress',
      answers: answers({ 'PAL-01': 'yes' }),
    });
    expect(draft).toMatchObject({ status: 'in_progress', finding: null, parts: [], version: 1 });
    const patch = (payload: unknown, as: keyof CaseScenario['as'] = 'caseworker') =>
      request(t.app, s.as[as], { method: 'PATCH', url: url(caseId, draft.id), payload });

    expectProblem(await patch({ answers: [] }), 428, 'version_required');
    const resumed = await patch({
      version: 1,
      answers: answers({ 'PAL-01': 'yes', 'PAL-02': 'yes' }),
    });
    expect(resumed.statusCode, resumed.body).toBe(200);
    expect(resumed.json()).toMatchObject({ status: 'in_progress', finding: null, version: 2 });
    expectProblem(await patch({ version: 1, status: 'complete' }), 409, 'version_conflict');

    const approveEarly = await request(t.app, s.as.supervisor, {
      method: 'POST',
      url: url(caseId, draft.id, '/approve'),
    });
    expectProblem(approveEarly, 409, 'screening_not_complete');

    const done = await patch({
      version: 2,
      status: 'complete',
      answers: answers({ 'PAL-01': 'yes', 'PAL-02': 'yes', 'PAL-03': 'yes' }),
      statement: 'She was held in the compound and made to run scams.',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'complete',
      finding: 'indicators_present',
      version: 3,
    });
    // Complete: the answers and the result are final; the statement is not yet.
    expectProblem(
      await patch({ version: 3, answers: answers({ 'PAL-03': 'no' }) }),
      409,
      'screening_locked',
    );
    expectProblem(await patch({ version: 3, status: 'in_progress' }), 409, 'screening_locked');
    const reworded = await request(t.app, s.as.caseworker, {
      method: 'PATCH',
      url: url(caseId, draft.id),
      headers: { 'if-match': '"3"' },
      payload: { statement: 'She was held in the compound for eight months.' },
    });
    expect(reworded.statusCode, reworded.body).toBe(200);

    const byCaseworker = await request(t.app, s.as.caseworker, {
      method: 'POST',
      url: url(caseId, draft.id, '/approve'),
    });
    expectProblem(byCaseworker, 403, 'forbidden');
    const approved = await request(t.app, s.as.supervisor, {
      method: 'POST',
      url: url(caseId, draft.id, '/approve'),
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      approvedBy: s.users.supervisor.id,
      finding: 'indicators_present',
    });
    expectProblem(
      await patch({ version: 5, statement: 'Changed after approval' }),
      409,
      'screening_locked',
    );
    const again = await request(t.app, s.as.admin, {
      method: 'POST',
      url: url(caseId, draft.id, '/approve'),
    });
    expectProblem(again, 409, 'screening_not_complete');

    const read = await open(caseId, draft.id);
    expect(read.statement).toBe('She was held in the compound for eight months.');
    expect(read.answers.map((a) => a.indicatorId)).toEqual(['PAL-01', 'PAL-02', 'PAL-03']);
    expect(await caseAuditActions(t.runtime, caseId)).toEqual(
      expect.arrayContaining([
        'screening.create',
        'screening.update',
        'screening.approve',
        'screening.read',
      ]),
    );
  });
});

describe('evidence and statement at rest', () => {
  it('are encrypted; viewers read the answers and kinds but not the notes', async () => {
    const caseId = s.caseId;
    const note = 'Passport kept by the compound boss Mr Chen';
    const created = await screen(t.app, s.as.caseworker, caseId, {
      instrumentId: 'palermo-elements',
      instrumentVersion: 1,
      answers: [
        { indicatorId: 'PAL-01', answer: 'yes', evidence: { kind: 'document', note } },
        { indicatorId: 'PAL-02', answer: 'yes', evidence: { kind: 'self_report' } },
      ],
      statement: 'Statement naming Mr Chen',
    });
    const raw = await t.runtime.database.query<{ note: string | null; kind: string | null }>(
      `select evidence_note_enc as note, evidence_kind as kind from screening_answers
       where screening_id = $1 order by indicator_id`,
      [created.id],
    );
    expect(raw.map((r) => r.kind)).toEqual(['document', 'self_report']);
    expect(raw[0]!.note!.startsWith('hw1.')).toBe(true);
    expect(raw[0]!.note).not.toContain('Chen');
    expect(raw[1]!.note).toBeNull();
    const [row] = await t.runtime.database.query<{ statement: string; result: unknown }>(
      'select statement_enc as statement, result from screenings where id = $1',
      [created.id],
    );
    expect(row!.statement.startsWith('hw1.')).toBe(true);
    expect(JSON.stringify(row)).not.toContain('Chen');

    const mine = await open(caseId, created.id, 'caseworker');
    expect(mine.answers[0]).toEqual({
      indicatorId: 'PAL-01',
      answer: 'yes',
      evidence: { kind: 'document', note },
    });
    expect(mine.statement).toBe('Statement naming Mr Chen');
    const viewed = await open(caseId, created.id, 'viewer');
    expect(viewed.answers[0]!.evidence).toEqual({ kind: 'document', note: null });
    expect(viewed.statement).toBeNull();
    expect(viewed.finding).toBe(mine.finding);

    const list = await request(t.app, s.as.viewer, { method: 'GET', url: url(caseId) });
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json<ScreeningList>().items;
    expect(items.map((i) => i.id)).toContain(created.id);
    expect(JSON.stringify(items)).not.toContain('Chen');
    expect(await caseAuditActions(t.runtime, caseId)).toEqual(
      expect.arrayContaining(['screening.create', 'screening.read', 'screenings.read']),
    );
  });

  it('audit entries name the screening, never the answers or notes', async () => {
    const caseId = await newCase(t.app, s.as.caseworker);
    const created: ScreeningSummary = await screen(t.app, s.as.caseworker, caseId, {
      ...palermo('yes'),
      answers: [
        {
          indicatorId: 'PAL-01',
          answer: 'yes',
          evidence: { kind: 'observation', note: 'Bruises on both arms' },
        },
      ],
    });
    await open(caseId, created.id);
    const rows = await t.runtime.database.query<{ action: string; details: unknown }>(
      `select action, details from audit_events where entity_type = 'case' and entity_id = $1
       and action like 'screening%' order by seq`,
      [caseId],
    );
    expect(rows.map((r) => r.action)).toEqual(['screening.create', 'screening.read']);
    expect(rows[0]!.details).toMatchObject({ screeningId: created.id, instrumentVersion: 1 });
    expect(JSON.stringify(rows)).not.toContain('Bruises');
  });
});
