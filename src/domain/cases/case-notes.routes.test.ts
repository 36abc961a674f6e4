import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, request, testApp, type TestApp } from '@test/support/build-app.ts';
import { auditCount } from '@test/support/factories.ts';
import {
  caseScenario,
  rawJson,
  rowCount,
  SCENARIO_TIMEOUT,
  UNKNOWN_ID,
  type CaseScenario,
} from './case-tasks.fixtures.ts';
import type { Note } from './case-notes.schema.ts';

let t: TestApp;
let s: CaseScenario;
let teamNote: Note;
let orgNote: Note;
const notesUrl = () => `/api/cases/${s.caseId}/notes`;

beforeAll(async () => {
  t = await testApp();
  s = await caseScenario(t.runtime, t.app);
  const post = async (body: string, visibility: string) => {
    const res = await request(t.app, s.as.caseworker, {
      method: 'POST',
      url: notesUrl(),
      payload: { body, visibility },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Note>();
  };
  teamNote = await post('Met at the bus station; afraid of the recruiter in Mae Sot.', 'team');
  orgNote = await post('Prefers contact on Tuesdays.', 'organisation');
}, SCENARIO_TIMEOUT);

async function visibleNotes(as: keyof CaseScenario['as']): Promise<string[]> {
  const res = await request(t.app, s.as[as], { method: 'GET', url: notesUrl() });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Note[] }>().items.map((n) => n.id);
}

describe('case notes', () => {
  it('returns the new note and lists notes newest first', async () => {
    expect(teamNote).toMatchObject({
      visibility: 'team',
      authorId: s.users.caseworker.id,
      authorName: 'Test caseworker',
    });
    expect(await visibleNotes('caseworker')).toEqual([orgNote.id, teamNote.id]);
    const res = await request(t.app, s.as.caseworker, { method: 'GET', url: notesUrl() });
    expect(res.json().items[1].body).toBe(teamNote.body);
  });

  it('applies the visibility matrix', async () => {
    expect(await visibleNotes('supervisor')).toEqual([orgNote.id, teamNote.id]);
    expect(await visibleNotes('admin')).toEqual([orgNote.id, teamNote.id]);
    for (const role of ['viewer', 'outreach'] as const) {
      const res = await request(t.app, s.as[role], { method: 'GET', url: notesUrl() });
      expectProblem(res, 403, 'forbidden');
    }
    for (const who of ['otherCaseworker', 'otherOrgAdmin'] as const) {
      const res = await request(t.app, s.as[who], { method: 'GET', url: notesUrl() });
      expectProblem(res, 404, 'case_not_found');
    }
    expectProblem(
      await request(t.app, null, { method: 'GET', url: notesUrl() }),
      401,
      'unauthenticated',
    );
  });

  it('encrypts bodies at rest and audits reads and writes without the body', async () => {
    const rows = await t.runtime.database.query<{ body_enc: string }>(
      'select body_enc from case_notes where case_id = $1',
      [s.caseId],
    );
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.body_enc.startsWith('hw1.')).toBe(true);
      expect(r.body_enc).not.toContain('Mae Sot');
    }
    const audit = await t.runtime.database.query<{ action: string; details: unknown }>(
      `select action, details from audit_events where organisation_id = $1
       and action in ('case.notes.read', 'case.note.create')`,
      [s.organisationId],
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['case.notes.read', 'case.note.create']),
    );
    expect(JSON.stringify(audit)).not.toContain('Mae Sot');
  });

  it('refuses writes from viewers, strangers and bad input, writing nothing', async () => {
    const before = await rowCount(t.runtime, 'case_notes', s.caseId);
    const audits = await auditCount(t.runtime, s.organisationId);
    const ok = { body: 'x', visibility: 'team' };
    const refusals: [keyof CaseScenario['as'] | null, number, string][] = [
      [null, 401, 'unauthenticated'],
      ['viewer', 403, 'forbidden'],
      ['outreach', 403, 'forbidden'],
      ['otherCaseworker', 404, 'case_not_found'],
      ['otherOrgAdmin', 404, 'case_not_found'],
    ];
    for (const [who, status, code] of refusals) {
      const res = await request(t.app, who ? s.as[who] : null, {
        method: 'POST',
        url: notesUrl(),
        payload: ok,
      });
      expectProblem(res, status, code);
    }
    const cw = s.as.caseworker;
    expectProblem(
      await rawJson(t.app, cw, { method: 'POST', url: notesUrl(), body: '{"body":"x",' }),
      400,
      'malformed_json',
    );
    for (const payload of [
      { body: '', visibility: 'team' },
      { body: '   ', visibility: 'team' },
      { body: 'x'.repeat(20001), visibility: 'team' },
      { body: 'x', visibility: 'public' },
      { body: 'x' },
      { body: 5, visibility: 'team' },
      { ...ok, authorId: s.users.admin.id },
    ]) {
      const res = await request(t.app, cw, { method: 'POST', url: notesUrl(), payload });
      expectProblem(res, 400, 'validation_failed');
    }
    for (const id of [UNKNOWN_ID, 'x']) {
      const res = await request(t.app, cw, {
        method: 'POST',
        url: `/api/cases/${id}/notes`,
        payload: ok,
      });
      expectProblem(res, 404, 'case_not_found');
    }
    expect(await rowCount(t.runtime, 'case_notes', s.caseId)).toBe(before);
    expect(await auditCount(t.runtime, s.organisationId)).toBe(audits);
  });
});
