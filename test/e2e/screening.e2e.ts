import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO, expectText, inEnglish, logIn } from './support/app.ts';
import {
  expectNoAxeViolations,
  PHONE,
  saveScreenshot,
  scrollWidth,
  useBrowser,
} from './support/browser.ts';

const b = useBrowser();
const SUPERVISOR = 'supervisor@demo.homeward.example';
const INSTRUMENT = 'Forced criminality in scam compounds';
/** Adult questions of that instrument (every-age and adult-only indicators). */
const QUESTIONS = 18;
const AUTHORITY = 'Mae Sot Police Station';

async function csrf(page: Page): Promise<string> {
  const me = await page.request.get('/api/me');
  return ((await me.json()) as { csrfToken: string }).csrfToken;
}

/** A case of an adult whose age is not recorded (adult rules), made through the API. */
async function createCase(page: Page): Promise<string> {
  const created = await page.request.post('/api/cases', {
    headers: { 'x-csrf-token': await csrf(page), origin: new URL(page.url()).origin },
    data: {
      identities: [{ given: 'Screening', family: 'Walkthrough', script: 'Latn' }],
      nationality: 'MMR',
      consent: { decision: 'given', method: 'verbal' },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

async function recordLegalConsent(page: Page, caseId: string): Promise<void> {
  const response = await page.request.post(`/api/cases/${caseId}/consents`, {
    headers: { 'x-csrf-token': await csrf(page), origin: new URL(page.url()).origin },
    data: {
      purpose: 'legal_proceedings',
      recipientName: AUTHORITY,
      recipientAuthorityKind: 'police',
      dataCategories: ['identity', 'assessment'],
      method: 'written',
      decision: 'given',
    },
  });
  expect(response.status(), await response.text()).toBe(201);
}

const progress = (page: Page) => page.getByTestId('question-progress');

/** Answers the question on screen and goes on (Next, or to the summary after the last). */
async function answer(page: Page, label: 'Yes' | 'No' | "Don't know"): Promise<void> {
  const before = (await progress(page).textContent()) ?? '';
  await page.getByRole('radio', { name: label, exact: true }).check();
  await page
    .getByRole('button', { name: /^(Next|Check the answers)$/ })
    .first()
    .click();
  await expect
    .poll(
      async () =>
        (await progress(page).count()) === 0 || (await progress(page).textContent()) !== before,
    )
    .toBe(true);
}

async function expectSaved(page: Page): Promise<void> {
  await expect
    .poll(() => page.getByTestId('save-state').getAttribute('data-state'), { timeout: 15_000 })
    .toBe('saved');
}

async function startInterview(page: Page, caseId: string): Promise<void> {
  await page.goto(`/#/cases/${caseId}/screening`);
  await page.getByRole('button', { name: 'Start a screening' }).click();
  const choice = page.getByTestId('instrument-choice').filter({ hasText: INSTRUMENT });
  // The metadata notes are on screen before choosing: a project convention, an unverified rule.
  await expectText(choice, 'Rule not verified');
  await expectText(choice, 'assigned to act, means and purpose by the Homeward project');
  await choice.click();
  await expectNoAxeViolations(page, 'start a screening (360 px)');
  await saveScreenshot(page, 'screening-start-360');
  await page.getByRole('button', { name: 'Start the interview' }).click();
  await expectText(progress(page), `Question 1 of ${QUESTIONS}`);
}

/** Three answers, one with evidence; nothing preselected; axe-clean; no sideways scroll. */
async function firstAnswers(page: Page): Promise<void> {
  expect(await page.getByRole('radio', { checked: true }).count()).toBe(0);
  await expectText(page.getByTestId('question-group'), 'Element: Act');
  await page.getByRole('button', { name: 'What counts as yes' }).click();
  await page.getByRole('radio', { name: 'Yes', exact: true }).check();
  await page.getByLabel('Where the answer comes from (optional)').selectOption('self_report');
  await page.getByLabel('Evidence note (optional)').fill('Said the recruiter kept the passport.');
  await expectNoAxeViolations(page, 'screening question (360 px)');
  expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
  await saveScreenshot(page, 'screening-question-360');
  await page.getByTestId('question-step').scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'screening-question-view-360', { fullPage: false });
  await page.getByRole('button', { name: 'Next' }).click();
  await expectText(progress(page), `Question 2 of ${QUESTIONS}`);
  expect(await page.getByRole('radio', { checked: true }).count()).toBe(0);
  await answer(page, 'No');
  await answer(page, "Don't know");
  await expectText(progress(page), `Question 4 of ${QUESTIONS}`);
}

describe('screening interview (360 px)', () => {
  it('runs an interview, resumes it, completes it, explains it; a supervisor approves', async () => {
    const page = await b.open(PHONE);
    await logIn(page, DEMO.caseworker);
    const caseId = await createCase(page);
    await startInterview(page, caseId);
    await firstAnswers(page);

    // Save and leave, then resume from the list at the first unanswered question.
    await page.getByRole('button', { name: 'Save and leave' }).click();
    const item = page.getByTestId('screening-item').first();
    await expectText(item, 'In progress');
    await item.getByRole('link', { name: 'Continue the interview' }).click();
    await expectText(progress(page), `Question 4 of ${QUESTIONS}`);
    // The interview language can differ from the UI's: the question in Thai, the screen in English.
    await page.getByLabel('Interview language').selectOption('th');
    await expectText(page.getByTestId('question-text'), /[\u0E00-\u0E7F]/);
    expect(await page.getByTestId('question-text').getAttribute('lang')).toBe('th');
    await expectText(progress(page), `Question 4 of ${QUESTIONS}`);
    await page.getByLabel('Interview language').selectOption('en');
    await expectText(page.getByTestId('question-text'), /^[^\u0E00-\u0E7F]+$/);
    await page.getByRole('button', { name: 'Back' }).click();
    await expectText(progress(page), `Question 3 of ${QUESTIONS}`);
    expect(await page.getByRole('radio', { name: "Don't know", exact: true }).isChecked()).toBe(
      true,
    );
    await page.getByRole('button', { name: 'Next' }).click();
    for (let n = 4; n <= QUESTIONS; n += 1) {
      await answer(page, 'Yes');
    }
    await expectSaved(page);

    // The summary, by element, with a way back to each answer.
    const summary = page.getByTestId('screening-summary');
    await summary.waitFor();
    await expectText(summary, 'Element: Means');
    expect(await summary.getByTestId('summary-answer').count()).toBe(QUESTIONS);
    await page.getByRole('button', { name: 'Change the answer to question 2' }).click();
    await expectText(progress(page), `Question 2 of ${QUESTIONS}`);
    expect(await page.getByRole('radio', { name: 'No', exact: true }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Check the answers' }).last().click();
    await page
      .getByLabel("Caseworker's statement")
      .fill('Calm account, consistent over two meetings.');
    await saveScreenshot(page, 'screening-summary-360');
    await summary.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'screening-summary-top-360', { fullPage: false });
    await page.getByRole('button', { name: 'Complete screening' }).click();

    // The explained result: the finding in words, the rules, each part and its drivers.
    const finding = page.getByTestId('screening-finding');
    await expectText(
      finding,
      'Indicators of trafficking present — refer for formal identification',
    );
    await expectText(
      page.getByTestId('not-legal'),
      'This is an indication, not a legal determination; a person decides.',
    );
    await expectText(page.getByTestId('result-heading').locator('xpath=..'), 'Adult rules applied');
    expect(await page.getByTestId('screening-part').count()).toBe(3);
    await expectText(page.getByTestId('screening-part').first(), 'Answered yes:');
    await expectNoAxeViolations(page, 'screening result (360 px)');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await saveScreenshot(page, 'screening-result-360');
    await finding.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'screening-result-finding-360', { fullPage: false });
    const sid = /screening\/([^/?]+)$/.exec(page.url())?.[1];
    expect(sid).toBeTruthy();

    // A draft report before approval (when the report route is there).
    const probe = await page.request.get(
      `/api/cases/${caseId}/screenings/${sid}/report.pdf?lang=en`,
    );
    const reportRoute = probe.status() !== 404;
    if (reportRoute) {
      expect(probe.headers()['content-type']).toContain('application/pdf');
      const download = page.waitForEvent('download');
      await page.getByTestId('report-link').click();
      expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
    } else {
      console.warn('screening.e2e: GET …/report.pdf answers 404 (route not there yet)');
    }

    // A supervisor approves; the statement is then final.
    const supervisor = await b.open(PHONE);
    await logIn(supervisor, SUPERVISOR);
    await inEnglish(supervisor);
    await supervisor.goto(`/#/cases/${caseId}/screening/${sid}`);
    await supervisor.getByRole('button', { name: 'Approve' }).click();
    await supervisor.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
    await supervisor.getByTestId('approved-note').waitFor();
    await supervisor.getByTestId('statement-readonly').waitFor();
    await saveScreenshot(supervisor, 'screening-approved-360');
    expect(await supervisor.getByLabel("Caseworker's statement").count()).toBe(0);

    // The final report needs an authority named by a valid legal-proceedings consent.
    await supervisor.getByTestId('no-authority').waitFor();
    await recordLegalConsent(supervisor, caseId);
    await supervisor.reload();
    await supervisor.getByLabel('Authority the report is for').selectOption({ index: 1 });
    if (reportRoute) {
      const response = supervisor.waitForResponse((r) => r.url().includes('/report.pdf'));
      await supervisor.getByTestId('report-link').click();
      const pdf = await response;
      expect(pdf.status(), await pdf.text().catch(() => '')).toBe(200);
      expect(pdf.headers()['content-type']).toContain('application/pdf');
    }
  });
});
