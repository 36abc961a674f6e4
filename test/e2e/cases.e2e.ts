import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO, expectText, followNav, logIn } from './support/app.ts';
import { PHONE, saveScreenshot, scrollWidth, useBrowser } from './support/browser.ts';

const b = useBrowser();
let page: Page;

/** The person from the issue: registered with diacritics, searched for without and misspelled. */
const PERSON = { given: 'Thị Lan', family: 'Nguyễn', nationality: 'VNM', birthYear: '1998' };
const MISSPELLED = 'Nguyen Thi Lam';

beforeEach(async () => {
  page = await b.open(PHONE);
});

async function expectNoSideScroll(where: string): Promise<void> {
  expect(await scrollWidth(page), `horizontal scroll on ${where}`).toBeLessThanOrEqual(PHONE.width);
}

/** Registers PERSON with consent for case management; resolves on the new case's page. */
async function registerPerson(): Promise<string> {
  await followNav(page, 'Cases');
  await page.getByRole('link', { name: 'Register a person', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Register a person' }).waitFor();
  await page.getByLabel('Given name', { exact: true }).fill(PERSON.given);
  await page.getByLabel('Family name', { exact: true }).fill(PERSON.family);
  await page.getByLabel('Nationality', { exact: true }).selectOption(PERSON.nationality);
  await page.getByLabel('Birth year', { exact: true }).fill(PERSON.birthYear);
  await page.getByLabel("The person's answer", { exact: true }).selectOption('given');
  await expectNoSideScroll('the register form');
  await saveScreenshot(page, 'phone-case-register');
  await page.getByRole('button', { name: 'Register', exact: true }).click();

  // Either the confirmation with the new case number or a message in the form's live region.
  const confirmation = page.getByTestId('register-confirmation');
  const problem = page.getByTestId('register-status').locator('[data-tone="error"]');
  await confirmation.or(problem).first().waitFor({ timeout: 30_000 });
  if (await problem.isVisible()) {
    throw new Error(`registering failed: ${await problem.textContent()}`);
  }
  await confirmation.getByRole('button', { name: 'Open the record', exact: true }).click();
  const caseNumber = page.getByTestId('case-number');
  await page.getByRole('heading', { level: 1, name: /Lan/ }).waitFor();
  const text = (await caseNumber.textContent()) ?? '';
  const number = text.replace(/^\D*?(?=\S*\d)/, '').trim();
  expect(number, `case number in "${text}"`).not.toBe('');
  return number;
}

async function addJourneyEvent(): Promise<void> {
  await page.getByRole('tab', { name: 'Journey', exact: true }).click();
  const form = page.getByTestId('add-event-form');
  await form.getByLabel('Stage', { exact: true }).selectOption('first_contact');
  await form.getByLabel('What happened', { exact: true }).selectOption('ngo');
  await form.getByLabel('Outcome', { exact: true }).fill('Met at the drop-in centre in Mae Sot');
  await form.getByRole('button', { name: 'Add event', exact: true }).click();
  await expectText(form.getByRole('status'), 'Event added.');
  const timeline = page.getByTestId('journey-timeline');
  await expectText(timeline, 'Met at the drop-in centre in Mae Sot');
  await expectText(timeline, 'Organisation (NGO)');
  await expectNoSideScroll('the Journey tab');
}

async function recordReferralConsent(): Promise<void> {
  await page.getByRole('tab', { name: 'Consent', exact: true }).click();
  const items = page.getByTestId('consent-item');
  // The consent for case management given at registration is already there.
  await items.filter({ hasText: 'Case management' }).first().waitFor();
  const form = page.getByTestId('record-consent-form');
  await form.getByLabel('What it is for', { exact: true }).selectOption('referral');
  await form
    .getByLabel('Receiving organisation', { exact: true })
    .selectOption({ label: 'Demo Nairobi Reintegration Network (Kenya)' });
  await form.getByRole('checkbox', { name: 'Everything', exact: true }).check();
  await form.getByLabel("The person's answer", { exact: true }).selectOption('given');
  await form.getByRole('button', { name: 'Record consent', exact: true }).click();
  await form.getByText('Consent recorded.', { exact: true }).waitFor();
  await items.filter({ hasText: 'Demo Nairobi Reintegration Network' }).first().waitFor();
  await expectNoSideScroll('the Consent tab');
}

describe('cases at phone size', () => {
  it('the caseworker registers a person, adds a journey event and a consent, then finds the person by a misspelled name', async () => {
    await logIn(page, DEMO.caseworker);
    const caseNumber = await registerPerson();
    await addJourneyEvent();
    await recordReferralConsent();

    await followNav(page, 'Cases');
    await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
    // Wait for the answer to this very query: the unfiltered list shows the new case too.
    const searched = page.waitForResponse((response) => {
      const url = new URL(response.url());
      return url.pathname === '/api/cases' && url.searchParams.get('q') === MISSPELLED;
    });
    await page.getByLabel('Search', { exact: true }).fill(MISSPELLED);
    const response = await searched;
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { items: { caseNumber: string }[] };
    expect(body.items.map((item) => item.caseNumber)).toContain(caseNumber);
    const row = page.getByTestId('case-row').filter({ hasText: caseNumber });
    await row.first().waitFor();
    await expectText(row, 'Thị Lan');
    await expectNoSideScroll('the case list');
    await saveScreenshot(page, 'phone-case-search', { fullPage: false });
  });
});
