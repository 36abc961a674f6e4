import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, request, testApp, type TestApp } from '@test/support/build-app.ts';
import {
  caseScenario,
  SCENARIO_TIMEOUT,
  UNKNOWN_ID,
  type CaseScenario,
} from '@/domain/cases/case-tasks.fixtures.ts';
import {
  HAS_PDFTOTEXT,
  getReport,
  norm,
  POLICE,
  reportAudits,
  reportText,
  legalConsent,
} from './screening-report.fixtures.ts';
import { answers, newCase, screen } from './screening.fixtures.ts';

/**
 * The evidence report (GET …/screenings/:sid/report.pdf): its text as pdftotext reads it, the
 * DRAFT until approval, the consent that a final report needs, and the audit of every report.
 */
let t: TestApp;
let s: CaseScenario;

beforeAll(async () => {
  t = await testApp();
  s = await caseScenario(t.runtime, t.app);
}, SCENARIO_TIMEOUT);

/** Palermo with act and purpose yes (act backed by a document, with a note), means no. */
const PAYLOAD = {
  instrumentId: 'palermo-elements',
  instrumentVersion: 1,
  answers: [
    {
      indicatorId: 'PAL-01',
      answer: 'yes',
      evidence: { kind: 'document', note: 'Recruiter message kept on the phone' },
    },
    { indicatorId: 'PAL-02', answer: 'unknown' },
    { indicatorId: 'PAL-03', answer: 'yes', evidence: { kind: 'self_report' } },
  ],
  statement: 'I interviewed the person myself — “I could not leave”.',
};

async function screened(caseId = s.caseId): Promise<{ caseId: string; screeningId: string }> {
  const created = await screen(t.app, s.as.caseworker, caseId, PAYLOAD);
  return { caseId, screeningId: created.id };
}

async function approve(ref: { caseId: string; screeningId: string }): Promise<void> {
  const res = await request(t.app, s.as.supervisor, {
    method: 'POST',
    url: `/api/cases/${ref.caseId}/screenings/${ref.screeningId}/approve`,
  });
  expect(res.statusCode, res.body).toBe(200);
}

describe.skipIf(!HAS_PDFTOTEXT)('report text (pdftotext)', () => {
  it('a draft in English names the indicators answered yes, their evidence, the finding and DRAFT', async () => {
    const ref = await screened();
    const text = reportText(await getReport(t.app, s.as.caseworker, ref, { lang: 'en' }));
    const n = norm(text);
    expect(text).toContain('DRAFT');
    expect(n).toContain(norm('This report records an indication, not a legal determination.'));
    expect(n).toContain(norm('Did someone recruit you, move you, hand you over'));
    expect(n).toContain(norm('Were you made to work or do things you did not choose'));
    expect(n).not.toContain(norm('Were you threatened, forced, deceived'));
    expect(n).toContain(norm('Evidence: document'));
    expect(n).toContain(norm('Evidence: self-report'));
    expect(n).toContain(norm('Recruiter message kept on the phone'));
    expect(n).toContain(norm('Finding: Undetermined'));
    expect(n).toContain(norm('UN Trafficking Protocol: act, means and purpose, version 1'));
    expect(n).toContain(norm('Adult rules'));
    expect(n).toContain(norm('I interviewed the person myself — “I could not leave”.'));
    expect(n).toContain(norm(s.caseNumber));
    expect(n).toContain(norm('Dara Sok'));
    expect(n).toContain(norm('does not leave the organisation'));
    expect(n).toContain(norm('[UNVERIFIED] Status: wording from memory, unverified'));
    expect(n).toContain(norm('Not approved. This report is a DRAFT.'));
  });

  it('a draft in Thai is in Thai, with the instrument’s Thai questions', async () => {
    const ref = await screened();
    const text = reportText(await getReport(t.app, s.as.caseworker, ref, { lang: 'th' }));
    const n = norm(text);
    expect(text).toContain('DRAFT');
    expect(n).toContain(norm('รายงานหลักฐานการคัดกรอง'));
    expect(n).toContain(norm('ไม่ใช่การวินิจฉัยทางกฎหมาย'));
    expect(n).toContain(norm('มีใครจัดหา พาไป ส่งต่อ กักไว้'));
    expect(n).toContain(norm('หลักฐาน: เอกสาร'));
    expect(n).toContain(norm('หลักกฎหมายว่าด้วยการไม่ลงโทษ'));
    expect(n).toContain(norm('ยังสรุปไม่ได้'));
  });

  it('an approved screening gives the final report: no DRAFT, the authority, the approval', async () => {
    const ref = await screened();
    await approve(ref);
    await legalConsent(t.app, s.as.caseworker, ref.caseId, { dataCategories: ['assessment'] });
    const text = reportText(await getReport(t.app, s.as.caseworker, ref, POLICE));
    const n = norm(text);
    expect(text).not.toContain('DRAFT');
    expect(n).toContain(norm('Prepared for: Royal Thai Police (police)'));
    expect(n).toContain(norm('Approved by'));
    expect(n).toContain(norm('Did someone recruit you, move you, hand you over'));
    // The consent covers the assessment, not identity: no name, no case number.
    expect(n).toContain(norm('Identity withheld'));
    expect(n).not.toContain(norm('Dara Sok'));
    expect(n).not.toContain(norm(s.caseNumber));
  });
});

describe('final report and consent', () => {
  it('an approved screening asks for the authority (400) and nothing is audited as a report', async () => {
    const caseId = await newCase(t.app, s.as.caseworker);
    const ref = await screened(caseId);
    await approve(ref);
    const res = await getReport(t.app, s.as.caseworker, ref);
    const body = expectProblem(res, 400, 'validation_failed');
    expect(body.errors?.map((e) => e.path).sort()).toEqual(['authorityKind', 'authorityName']);
    expect(await reportAudits(t.runtime, caseId)).toEqual([]);
  });

  it('refuses without a consent, for another authority, and once withdrawn (403 consent_required)', async () => {
    const caseId = await newCase(t.app, s.as.caseworker);
    const ref = await screened(caseId);
    await approve(ref);
    expectProblem(await getReport(t.app, s.as.caseworker, ref, POLICE), 403, 'consent_required');
    await legalConsent(t.app, s.as.caseworker, caseId, { recipientName: 'Provincial Court' });
    expectProblem(await getReport(t.app, s.as.caseworker, ref, POLICE), 403, 'consent_required');
    const other = { authorityName: 'Royal Thai Police', authorityKind: 'immigration' };
    expectProblem(await getReport(t.app, s.as.caseworker, ref, other), 403, 'consent_required');
    const consentId = await legalConsent(t.app, s.as.caseworker, caseId, {
      dataCategories: ['identity', 'assessment'],
    });
    const ok = await getReport(t.app, s.as.caseworker, ref, {
      authorityName: '  royal thai police ',
      authorityKind: 'police',
    });
    const text = reportText(ok);
    if (HAS_PDFTOTEXT) {
      expect(norm(text)).toContain(norm('Screening Test'));
    }
    const withdraw = await request(t.app, s.as.caseworker, {
      method: 'POST',
      url: `/api/cases/${caseId}/consents/${consentId}/withdraw`,
    });
    expect(withdraw.statusCode).toBe(201);
    expectProblem(await getReport(t.app, s.as.caseworker, ref, POLICE), 403, 'consent_required');
    const audits = await reportAudits(t.runtime, caseId);
    expect(audits).toEqual([
      {
        screeningId: ref.screeningId,
        lang: 'en',
        kind: 'final',
        authorityKind: 'police',
        consentId,
        identity: true,
        sensitive: true,
      },
    ]);
    expect(JSON.stringify(audits)).not.toMatch(/royal thai police|Test[0-9a-f]{10}/i);
  });

  it('a consent without the assessment category does not permit the report', async () => {
    const caseId = await newCase(t.app, s.as.caseworker);
    const ref = await screened(caseId);
    await approve(ref);
    await legalConsent(t.app, s.as.caseworker, caseId, { dataCategories: ['identity'] });
    expectProblem(await getReport(t.app, s.as.caseworker, ref, POLICE), 403, 'consent_required');
  });

  it('a draft takes no authority; the DRAFT goes once approved', async () => {
    const ref = await screened();
    expectProblem(await getReport(t.app, s.as.caseworker, ref, POLICE), 400, 'validation_failed');
    const draft = reportText(await getReport(t.app, s.as.caseworker, ref));
    await approve(ref);
    await legalConsent(t.app, s.as.caseworker, ref.caseId);
    const final = reportText(await getReport(t.app, s.as.caseworker, ref, POLICE));
    if (HAS_PDFTOTEXT) {
      expect(draft).toContain('DRAFT');
      expect(final).not.toContain('DRAFT');
    }
  });
});

describe('child rules', () => {
  it('needs a guardian or best-interest record, on the very consent for a final report', async () => {
    // An adult now, but 17 when recruited: the child rules apply, and the consent module asks
    // for no guardian (it asks only for people who may be under 18 today).
    const caseId = await newCase(t.app, s.as.caseworker, {
      birthDate: '2006-01-01',
      recruitmentDate: '2023-05-01',
    });
    const ref = await screened(caseId);
    const draft = await getReport(t.app, s.as.caseworker, ref);
    expectProblem(draft, 403, 'consent_required');
    await approve(ref);
    await legalConsent(t.app, s.as.caseworker, caseId);
    expectProblem(await getReport(t.app, s.as.caseworker, ref, POLICE), 403, 'consent_required');
    await legalConsent(t.app, s.as.caseworker, caseId, { guardianName: 'Aunt Mali' });
    const text = reportText(await getReport(t.app, s.as.caseworker, ref, POLICE));
    if (HAS_PDFTOTEXT) {
      expect(norm(text)).toContain(norm('Child rules'));
      expect(norm(text)).not.toContain(norm('Aunt Mali'));
    }
    expect(await reportAudits(t.runtime, caseId)).toHaveLength(1);
  });
});

describe('who may get a report', () => {
  it('readers of screenings get it; outreach 403; another organisation and an unassigned caseworker 404; nobody 401', async () => {
    const ref = await screened();
    const expected = {
      admin: 200,
      supervisor: 200,
      caseworker: 200,
      viewer: 200,
      outreach: 403,
      otherCaseworker: 404,
      otherOrgAdmin: 404,
    } as const;
    for (const [who, status] of Object.entries(expected)) {
      const res = await getReport(t.app, s.as[who as keyof typeof expected], ref);
      expect({ who, status: res.statusCode }).toEqual({ who, status });
    }
    expect((await getReport(t.app, null, ref)).statusCode).toBe(401);
  });

  it('a viewer’s report leaves out evidence notes and the statement', async () => {
    const ref = await screened();
    const text = reportText(await getReport(t.app, s.as.viewer, ref));
    if (HAS_PDFTOTEXT) {
      const n = norm(text);
      expect(n).not.toContain(norm('Recruiter message kept on the phone'));
      expect(n).not.toContain(norm('I interviewed the person myself'));
      expect(n).toContain(norm('Evidence notes are not shown'));
      expect(n).toContain(norm('Evidence: document'));
    }
    const [last] = (await reportAudits(t.runtime, s.caseId)).slice(-1);
    expect(last).toMatchObject({ screeningId: ref.screeningId, kind: 'draft', sensitive: false });
  });
});

describe('bad requests', () => {
  it('answers 4xx problem+json and makes no report', async () => {
    const caseId = await newCase(t.app, s.as.caseworker);
    const ref = await screened(caseId);
    const as = s.as.caseworker;
    expectProblem(await getReport(t.app, as, ref, { lang: 'fr' }), 400, 'validation_failed');
    expectProblem(await getReport(t.app, as, ref, { extra: '1' }), 400, 'validation_failed');
    expectProblem(
      await getReport(
        t.app,
        as,
        { caseId, screeningId: ref.screeningId },
        { authorityKind: 'army' },
      ),
      400,
      'validation_failed',
    );
    expectProblem(
      await getReport(t.app, as, { caseId, screeningId: 'x'.repeat(65) }),
      400,
      'validation_failed',
    );
    expectProblem(
      await getReport(t.app, as, { caseId, screeningId: UNKNOWN_ID }),
      404,
      'screening_not_found',
    );
    expectProblem(
      await getReport(t.app, as, { caseId: UNKNOWN_ID, screeningId: ref.screeningId }),
      404,
      'case_not_found',
    );
    const draft = await screen(t.app, as, caseId, {
      instrumentId: 'palermo-elements',
      status: 'in_progress',
      answers: answers({ 'PAL-01': 'yes' }),
    });
    expectProblem(
      await getReport(t.app, as, { caseId, screeningId: draft.id }),
      409,
      'screening_not_complete',
    );
    expect(await reportAudits(t.runtime, caseId)).toEqual([]);
  });
});
