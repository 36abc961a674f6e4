import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO, expectText, logIn } from './support/app.ts';
import {
  DESKTOP,
  expectNoAxeViolations,
  PHONE,
  RESULTS_DIR,
  saveScreenshot,
  scrollWidth,
  useBrowser,
  type Viewport,
} from './support/browser.ts';

const b = useBrowser();
const NAIROBI = 'Demo Nairobi Reintegration Network';
/** A Burmese name as the person gives it (Aung Kyaw), with a stacked consonant and tone marks. */
const BURMESE = { given: 'အောင်ကျော်', family: 'ထွန်း' };

/** Creates a case through the API as the logged-in user; returns its id. */
async function createCase(page: Page, identity: Record<string, string>): Promise<string> {
  const me = await page.request.get('/api/me');
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const created = await page.request.post('/api/cases', {
    headers: { 'x-csrf-token': csrfToken, origin: new URL(page.url()).origin },
    data: {
      identities: [identity],
      nationality: 'MMR',
      consent: { decision: 'given', method: 'verbal' },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

async function openConsentTab(page: Page, caseId: string): Promise<void> {
  await page.goto(`/#/cases/${caseId}/consent`);
  await page.getByTestId('record-consent-form').waitFor();
}

async function expectNoSideScroll(page: Page, viewport: Viewport, where: string): Promise<void> {
  expect(await scrollWidth(page), `horizontal scroll on ${where}`).toBeLessThanOrEqual(
    viewport.width,
  );
}

/** The PDF of the page as printed (A4), saved in test-results; its pages rendered to PNG. */
async function printToPdf(page: Page, name: string): Promise<{ pages: number; pngs: string[] }> {
  await page.emulateMedia({ media: 'print' });
  await page.evaluate('document.fonts.ready.then(() => undefined)');
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${name}.pdf`);
  await writeFile(file, pdf);
  const info = execFileSync('pdfinfo', [file]).toString();
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  execFileSync('pdftoppm', ['-png', '-r', '60', file, join(RESULTS_DIR, name)]);
  const pngs = Array.from({ length: pages }, (_, i) =>
    join(RESULTS_DIR, `${name}-${String(i + 1).padStart(pages >= 10 ? 2 : 1, '0')}.png`),
  );
  return { pages, pngs };
}

describe('consent is a real choice', () => {
  it('nothing is preselected and an empty form is not sent (360 px)', async () => {
    const page = await b.open(PHONE);
    await logIn(page, DEMO.caseworker);
    const caseId = await createCase(page, { given: 'Preset', family: 'Check', script: 'Latn' });
    await openConsentTab(page, caseId);
    const form = page.getByTestId('record-consent-form');
    expect(await form.getByLabel("The person's answer", { exact: true }).inputValue()).toBe('');
    expect(await form.getByLabel('What it is for', { exact: true }).inputValue()).toBe('');
    expect(await form.getByRole('checkbox', { checked: true }).count()).toBe(0);

    let posted = false;
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/consents')) {
        posted = true;
      }
    });
    await form.getByRole('button', { name: 'Record consent', exact: true }).click();
    await expectText(form.getByTestId('error-summary'), 'Choose what the consent is for');
    expect(posted).toBe(false);
    await expectNoSideScroll(page, PHONE, 'the consent form with errors');
    await expectNoAxeViolations(page, 'the consent form with errors');
    await saveScreenshot(page, 'phone-consent-errors');
  });

  for (const [label, viewport] of [
    ['360 px', PHONE],
    ['1280 px', DESKTOP],
  ] as const) {
    it(`a referral consent to an organisation from the list lets the server permit that referral (${label})`, async () => {
      const page = await b.open(viewport);
      await logIn(page, DEMO.caseworker);
      const caseId = await createCase(page, {
        given: 'Referral',
        family: 'Person',
        script: 'Latn',
      });
      const recipients = await page.request.get('/api/consent/recipients');
      expect(recipients.status()).toBe(200);
      const nairobi = (
        (await recipients.json()) as { items: { id: string; name: string }[] }
      ).items.find((item) => item.name === NAIROBI);
      expect(nairobi, 'the Nairobi demo organisation is listed').toBeDefined();

      await openConsentTab(page, caseId);
      const form = page.getByTestId('record-consent-form');
      await form.getByLabel('What it is for', { exact: true }).selectOption('referral');
      await form.getByLabel('Receiving organisation', { exact: true }).selectOption(nairobi!.id);
      await form.getByRole('checkbox', { name: 'Name and identity', exact: true }).check();
      await form.getByRole('checkbox', { name: 'Contacts', exact: true }).check();
      await form.getByLabel("The person's answer", { exact: true }).selectOption('given');
      const summary = form.getByTestId('consent-summary');
      await expectText(summary, NAIROBI);
      await expectText(summary, 'Name and identity');
      await expectNoAxeViolations(page, `the filled consent form at ${label}`);
      await saveScreenshot(page, `consent-form-filled-${viewport.width}`);
      await form.getByRole('button', { name: 'Record consent', exact: true }).click();
      await form.getByText('Consent recorded.', { exact: true }).waitFor();

      const card = page.getByTestId('consent-item').filter({ hasText: NAIROBI });
      await expectText(card, 'Demo caseworker');
      const check = await page.request.get(
        `/api/cases/${caseId}/consents/check?purpose=referral&categories=identity,contacts&recipientOrganisationId=${nairobi!.id}`,
      );
      expect(await check.json()).toMatchObject({ allowed: true, reason: 'ok' });
      await expectNoSideScroll(page, viewport, 'the consent tab');
    });
  }

  it('a consent for legal proceedings names the authority and its kind (360 px)', async () => {
    const page = await b.open(PHONE);
    await logIn(page, DEMO.caseworker);
    const caseId = await createCase(page, { given: 'Authority', family: 'Person', script: 'Latn' });
    await openConsentTab(page, caseId);
    const form = page.getByTestId('record-consent-form');
    await form.getByLabel('What it is for', { exact: true }).selectOption('legal_proceedings');
    expect(await form.getByLabel('Receiving organisation', { exact: true }).count()).toBe(0);
    const kind = form.getByLabel('Kind of authority', { exact: true });
    expect(await kind.inputValue()).toBe('');
    await form
      .getByLabel('Name of the authority', { exact: true })
      .fill('Bangkok Metropolitan Police');
    await kind.selectOption('police');
    await form.getByRole('checkbox', { name: 'Name and identity', exact: true }).check();
    await form.getByLabel("The person's answer", { exact: true }).selectOption('given');
    await expectText(form.getByTestId('consent-summary'), 'Bangkok Metropolitan Police');
    await expectNoAxeViolations(page, 'the legal proceedings consent form');
    await form.getByRole('button', { name: 'Record consent', exact: true }).click();
    await form.getByText('Consent recorded.', { exact: true }).waitFor();

    const card = page
      .getByTestId('consent-item')
      .filter({ hasText: 'Bangkok Metropolitan Police' });
    await expectText(card, 'Police');
    const list = (await (await page.request.get(`/api/cases/${caseId}/consents`)).json()) as {
      items: {
        purpose: string;
        recipientName: string | null;
        recipientAuthorityKind: string | null;
      }[];
    };
    expect(list.items.find((c) => c.purpose === 'legal_proceedings')).toMatchObject({
      recipientName: 'Bangkok Metropolitan Police',
      recipientAuthorityKind: 'police',
    });
  });

  it('a name-only referral consent says it cannot be used for a referral', async () => {
    const page = await b.open(PHONE);
    await logIn(page, DEMO.caseworker);
    const caseId = await createCase(page, { given: 'Name', family: 'Only', script: 'Latn' });
    const me = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
    const made = await page.request.post(`/api/cases/${caseId}/consents`, {
      headers: { 'x-csrf-token': me.csrfToken, origin: new URL(page.url()).origin },
      data: {
        purpose: 'referral',
        recipientName: 'A shelter we know',
        dataCategories: ['identity'],
        method: 'verbal',
        decision: 'given',
      },
    });
    expect(made.status()).toBe(201);
    await openConsentTab(page, caseId);
    const card = page.getByTestId('consent-item').filter({ hasText: 'A shelter we know' });
    await expectText(card, 'cannot be used for a referral');
  });
});

describe('printing works for the person', () => {
  it('the consent form prints in the chosen language with a Burmese name, signatures on one page', async () => {
    const page = await b.open(PHONE);
    await page.addInitScript('window.print = () => undefined;');
    await logIn(page, DEMO.caseworker);
    const caseId = await createCase(page, { ...BURMESE, script: 'Mymr' });
    await openConsentTab(page, caseId);
    await page.getByLabel('Language of the printed form', { exact: true }).selectOption('th');
    await page.getByRole('button', { name: 'Print consent form', exact: true }).click();
    const printed = page.getByTestId('consent-print-form');
    await printed.waitFor({ state: 'attached' });
    // The form is in Thai although the screen is in English.
    await expectText(printed, 'แบบฟอร์มความยินยอม');
    const nameCell = printed.getByTestId('consent-print-name');
    expect(await nameCell.textContent()).toContain(BURMESE.given);
    const family = String(
      await page.evaluate(
        `getComputedStyle(document.querySelector('[data-testid="consent-print-name"]')).fontFamily`,
      ),
    );
    expect(family).toContain('Noto Sans Myanmar');
    await expect
      .poll(() =>
        page.evaluate(
          `document.fonts.check('16px "Noto Sans Myanmar"', ${JSON.stringify(BURMESE.given)})`,
        ),
      )
      .toBe(true);
    // The three signature lines stay together (checked before printing removes the form).
    const breakInside = await page.evaluate(
      `getComputedStyle(document.querySelector('[data-testid="consent-print-signatures"]')).breakInside`,
    );
    expect(breakInside).toBe('avoid');
    const { pages, pngs } = await printToPdf(page, 'consent-print-th-burmese');
    // Sections may run over two pages.
    expect(pages).toBeLessThanOrEqual(2);
    expect(pngs.length).toBe(pages);
  });

  it('a case prints its whole summary, without controls, the footer in the margin', async () => {
    const page = await b.open(DESKTOP);
    await page.addInitScript('window.print = () => undefined;');
    await logIn(page, DEMO.caseworker);
    const caseId = await createCase(page, { ...BURMESE, script: 'Mymr' });
    await page.goto(`/#/cases/${caseId}/tasks`);
    await page.getByRole('button', { name: 'Print case summary', exact: true }).click();
    const summary = page.getByTestId('case-print-summary');
    await summary.waitFor({ state: 'attached' });
    await expectText(summary, 'Consent');
    await page.emulateMedia({ media: 'print' });
    // Nothing a person can press or tick is on paper.
    const controls = await page.evaluate(`[...document.querySelectorAll(
      'button, input, select, textarea, [role="checkbox"], [role="switch"]')]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => el.outerHTML.slice(0, 80))`);
    expect(controls).toEqual([]);
    // The footer is not in the page's flow: the @page margin box carries it.
    const footerInFlow = await page.evaluate(`[...document.querySelectorAll('.hw-print-footer')]
      .some((el) => getComputedStyle(el).display !== 'none')`);
    expect(footerInFlow).toBe(false);
    const { pages } = await printToPdf(page, 'case-print-summary');
    expect(pages).toBeGreaterThanOrEqual(1);
    const text = execFileSync('pdftotext', [
      join(RESULTS_DIR, 'case-print-summary.pdf'),
      '-',
    ]).toString();
    expect(text).toContain('Confidential');
    // The footer is on every sheet, in the margin.
    for (let sheet = 1; sheet <= pages; sheet += 1) {
      const one = execFileSync('pdftotext', [
        '-f',
        String(sheet),
        '-l',
        String(sheet),
        join(RESULTS_DIR, 'case-print-summary.pdf'),
        '-',
      ]).toString();
      expect(one, `footer on sheet ${sheet}`).toContain('Confidential');
    }
    expect(text).toContain('Journey');
    expect(text).toContain('Tasks');
  });
});
