import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO, expectText, followNav, inEnglish, logIn } from './support/app.ts';
import {
  expectNoAxeViolations,
  PHONE,
  saveScreenshot,
  scrollWidth,
  useBrowser,
} from './support/browser.ts';

const b = useBrowser();
const SUPERVISOR = 'supervisor@demo.homeward.example';

/** A write through the API with the page's own session (CSRF token from /api/me). */
async function apiPost<T>(page: Page, url: string, data: unknown): Promise<T> {
  const me = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
  const response = await page.request.post(url, {
    headers: { 'x-csrf-token': me.csrfToken, origin: new URL(page.url()).origin },
    data,
  });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return (await response.json()) as T;
}

/** The id of a demo case the caller can see, by its number. */
async function caseId(page: Page, caseNumber: string): Promise<string> {
  const response = await page.request.get(`/api/cases?q=${encodeURIComponent(caseNumber)}`);
  const body = (await response.json()) as { items: { id: string; caseNumber: string }[] };
  const found = body.items.find((item) => item.caseNumber === caseNumber);
  expect(found, `demo case ${caseNumber}`).toBeDefined();
  return found!.id;
}

async function expectNoSideScroll(page: Page, where: string): Promise<void> {
  expect(await scrollWidth(page), `horizontal scroll on ${where}`).toBeLessThanOrEqual(PHONE.width);
}

describe('official identification (NRM) at 360 px', () => {
  it('a caseworker records a GBR referral, sees its deadlines, records the decision and sees it in the journey', async () => {
    const page = await b.open(PHONE);
    await logIn(page, DEMO.caseworker);
    const id = await caseId(page, 'DEMO-0002');
    await page.goto(`/#/cases/${id}/journey`);
    const section = page.getByTestId('nrm-section');
    await section
      .getByRole('button', { name: 'Record a referral to the national mechanism' })
      .click();
    const form = page.getByTestId('nrm-referral-form');
    // Nothing chosen: the server's schema speaks at the fields, nothing is sent.
    await form.getByRole('button', { name: 'Save the referral' }).click();
    await expectText(page.getByTestId('nrm-referral-status'), 'need correcting');
    await form.getByLabel('Country (national mechanism)').selectOption('GBR');
    await form.getByLabel('Authority referred to').fill('Single Competent Authority');
    await expectNoAxeViolations(page, 'NRM referral form');
    await form.getByRole('button', { name: 'Save the referral' }).click();

    const referral = page.getByTestId('nrm-referral').filter({ hasText: 'Single Competent' });
    await expectText(page.getByTestId('nrm-notice'), 'Referral saved');
    const rg = referral.locator('[data-step="reasonable_grounds_decision"]');
    await expectText(rg, 'Reasonable grounds decision');
    await expectText(rg.getByTestId('nrm-due-badge'), /Due in \d+ days?/);
    await expectText(rg, /Figure: 5 working days · due .*\d{4}/);
    await expectText(rg, 'athub.org.uk');
    const recovery = referral.locator('[data-step="recovery_period_policy"]');
    await expectText(recovery.getByTestId('nrm-due-badge'), 'Starts with a positive decision');
    await expectNoSideScroll(page, 'case journey with a referral');
    await expectNoAxeViolations(page, 'case journey with a referral');
    await saveScreenshot(page, 'nrm-phone-referral');

    await referral.getByRole('button', { name: 'Record the decision' }).click();
    const decision = referral.getByTestId('nrm-decision-form');
    await decision.getByLabel('Outcome').selectOption('positive');
    await expectNoAxeViolations(page, 'NRM decision form');
    await decision.getByRole('button', { name: 'Save the decision' }).click();
    await expectText(page.getByTestId('nrm-notice'), 'Decision saved');
    await expectText(
      referral.getByTestId('nrm-decisions'),
      'Reasonable grounds decision: Positive',
    );
    await expectText(rg.getByTestId('nrm-due-badge'), 'Done');
    await expectText(recovery.getByTestId('nrm-due-badge'), /Ends in \d+ days?/);
    await expectText(page.getByTestId('journey-timeline'), 'Identification decision');
    await expectText(page.getByTestId('journey-timeline'), 'Reasonable grounds decision: positive');
    await expectNoSideScroll(page, 'case journey after the decision');
    await saveScreenshot(page, 'nrm-phone-decision');
  });

  it('a supervisor sees an overdue identification deadline in the deadlines list, linked to the case', async () => {
    const page = await b.open(PHONE);
    await logIn(page, SUPERVISOR);
    await inEnglish(page);
    const id = await caseId(page, 'DEMO-0003');
    const referredAt = new Date(Date.now() - 20 * 24 * 3_600_000).toISOString();
    await apiPost(page, `/api/cases/${id}/nrm-referrals`, {
      jurisdiction: 'THA',
      referredAt,
      authority: 'Multidisciplinary team, Mae Sot',
    });
    await page.goto('/');
    await expectText(page.getByTestId('home-nrm-summary'), /[1-9]\d* overdue/);
    await followNav(page, 'Identification deadlines');
    const overdue = page.getByTestId('nrm-overdue');
    const row = overdue
      .getByTestId('nrm-due-row')
      .filter({ hasText: 'DEMO-0003' })
      .filter({ hasText: 'Temporary shelter before identification' })
      .first();
    await expectText(row, 'Temporary shelter before identification');
    await expectText(row, /Overdue by \d+ days?/);
    await expectNoSideScroll(page, 'identification deadlines');
    await expectNoAxeViolations(page, 'identification deadlines');
    await saveScreenshot(page, 'nrm-phone-deadlines');
    await row.getByRole('link', { name: 'DEMO-0003' }).click();
    await page.getByTestId('nrm-section').waitFor();
    await expectText(page.getByTestId('nrm-section'), 'Multidisciplinary team, Mae Sot');
  });
});
