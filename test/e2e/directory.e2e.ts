import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { createMember, submitLoginAs } from './support/accounts.ts';
import { DEMO, expectHtmlLang, expectText, followNav, inEnglish, logIn } from './support/app.ts';
import {
  expectNoAxeViolations,
  PHONE,
  saveScreenshot,
  scrollWidth,
  useBrowser,
} from './support/browser.ts';

const b = useBrowser();
/** The demo shelter's made-up address (src/cli/demo-directory.ts): staff of its own organisation only. */
const SHELTER_ADDRESS = 'Demo address: 99 Example Road, Mae Sot (made up)';

async function expectNoSideScroll(page: Page, where: string): Promise<void> {
  expect(await scrollWidth(page), `horizontal scroll on ${where}`).toBeLessThanOrEqual(PHONE.width);
}

describe('service directory at 360 px', () => {
  it('a caseworker searches by country, service and language and opens a shelter with its address', async () => {
    const page = await b.open(PHONE);
    await logIn(page, DEMO.caseworker);
    await inEnglish(page);
    await followNav(page, 'Service directory');
    const results = page.getByTestId('directory-results');
    await expectText(results, 'Demo legal clinic');
    await page.getByLabel('Country').selectOption('KEN');
    await expectText(results, 'Demo arrival reception at the airport');
    const reception = page.getByTestId('directory-service').filter({ hasText: 'airport' });
    // Listed by a platform admin, not checked yet: marked, in words.
    await expectText(reception.getByTestId('directory-verified'), 'Not verified yet');
    await expectText(reception, 'Not on this installation');
    await page.getByLabel('Country').selectOption('THA');
    await page.getByLabel('Service').selectOption('shelter');
    await page.getByLabel('Languages').selectOption('my');
    await expectText(page.getByTestId('directory-count'), '1 service found');
    const shelter = page.getByTestId('directory-service').first();
    await expectText(shelter, 'Demo safe house for women');
    await expectText(shelter.getByTestId('directory-availability'), 'Limited');
    await expectText(shelter.getByTestId('directory-verified'), 'Verified organisation');
    await expectNoSideScroll(page, 'directory search');
    await expectNoAxeViolations(page, 'directory search');
    await saveScreenshot(page, 'directory-phone-search');

    await shelter.getByRole('link', { name: 'Demo safe house for women' }).click();
    const detail = page.getByTestId('directory-detail');
    await expectText(detail, SHELTER_ADDRESS);
    await expectText(detail, 'Women and girls');
    await expectNoSideScroll(page, 'service detail');
    await expectNoAxeViolations(page, 'service detail');
    await saveScreenshot(page, 'directory-phone-detail');
  });

  it('the Kenyan organisation sees the shelter but not its address', async () => {
    const page = await b.open(PHONE);
    await logIn(page, 'ke-caseworker@demo.homeward.example');
    await inEnglish(page);
    await followNav(page, 'Service directory');
    await page.getByLabel('Service').selectOption('shelter');
    await page
      .getByTestId('directory-service')
      .getByRole('link', { name: 'Demo safe house for women' })
      .click();
    const detail = page.getByTestId('directory-detail');
    await expectText(detail, 'Only the shelter');
    expect(await detail.textContent()).not.toContain('Example Road');
  });

  it('an admin adds a service of the organisation; the form speaks at its fields first', async () => {
    const page = await b.open(PHONE);
    await logIn(page, DEMO.admin);
    await inEnglish(page);
    await followNav(page, 'Our services');
    await page.getByTestId('directory-add-service').click();
    const form = page.getByTestId('directory-service-form');
    await form.getByRole('button', { name: 'Add the service' }).click();
    await expectText(page.getByTestId('error-summary'), 'There is a problem');
    await form.getByLabel('Service', { exact: true }).selectOption('debt_counselling');
    await form.getByLabel('Name of the service').fill('Demo debt advice e2e');
    await form.getByLabel('Countries served').fill('THA');
    await form.getByLabel('Languages spoken').fill('th, my');
    await form.getByLabel('Phone', { exact: true }).fill('+66 000 000 009');
    await expectNoSideScroll(page, 'service form');
    await expectNoAxeViolations(page, 'service form');
    await saveScreenshot(page, 'directory-phone-form');
    await form.getByRole('button', { name: 'Add the service' }).click();
    const detail = page.getByTestId('directory-detail');
    await expectText(detail, 'Debt counselling');
    await expectText(detail, 'Staff only');
  });
});

describe('service directory in Thai at 360 px', () => {
  it('a new caseworker reads the directory and a shelter in Thai, axe-clean', async () => {
    const page = await b.open(PHONE);
    const member = await createMember(b.context.browser()!, inject('baseUrl'), 'directory-th');
    await submitLoginAs(page, member.email, member.password);
    await page.getByTestId('home-organisation').waitFor();
    await page.getByTestId('language-select').selectOption('th');
    await expectHtmlLang(page, 'th');
    await page.goto('/#/directory');
    await page.getByRole('heading', { level: 1, name: 'ทำเนียบบริการ' }).waitFor();
    await page.getByLabel('บริการ', { exact: true }).selectOption('shelter');
    const shelter = page.getByTestId('directory-service').first();
    await expectText(shelter, 'บ้านพักคุ้มครอง');
    await expectText(shelter.getByTestId('directory-availability'), 'รับได้จำกัด');
    await expectNoSideScroll(page, 'directory search in Thai');
    await expectNoAxeViolations(page, 'directory search in Thai');
    await saveScreenshot(page, 'directory-phone-search-th', { fullPage: false });
    await shelter.getByRole('link', { name: 'Demo safe house for women' }).click();
    await expectText(page.getByTestId('directory-detail'), 'ผู้หญิงและเด็กหญิง');
    await expectNoAxeViolations(page, 'service detail in Thai');
  });
});

describe('find help (/help) in Thai at 360 px', () => {
  it('finds public services by country, kind of help and language, never an address, and stores nothing', async () => {
    const page = await b.open(PHONE);
    const apiCalls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/')) {
        apiCalls.push(request.url());
      }
    });
    await page.goto('/help?lang=th');
    await page.getByRole('heading', { level: 1, name: 'หาความช่วยเหลือ' }).waitFor();
    const search = page.getByTestId('help-search');
    await search.getByLabel('ประเทศ').selectOption('THA');
    await search.getByLabel('ภาษา').selectOption('th');
    await search.getByRole('button', { name: 'ค้นหา', exact: true }).click();
    const results = page.getByTestId('help-results');
    await expectText(results, 'Demo safe house for women');
    await expectText(results, 'ที่พักที่ปลอดภัย');
    await expectText(results, 'เหลือที่ไม่มาก');
    const text = (await results.textContent()) ?? '';
    expect(text).toContain('Demo legal clinic');
    // Internal entries and addresses never reach the public page.
    expect(text).not.toContain('staff referrals only');
    expect(text).not.toContain('Example Road');
    await search.getByLabel('ประเภทความช่วยเหลือ').selectOption('shelter');
    await search.getByRole('button', { name: 'ค้นหา', exact: true }).click();
    await expectText(page.getByTestId('help-count'), 'พบบริการ: 1');
    await expectNoSideScroll(page, '/help results');
    await expectNoAxeViolations(page, '/help results in Thai');
    await saveScreenshot(page, 'directory-help-th');
    expect(apiCalls.every((url) => url.includes('/api/public/directory/services?'))).toBe(true);
    expect(apiCalls.some((url) => url.includes('/api/me'))).toBe(false);
    expect(await page.context().cookies()).toEqual([]);
    expect(await page.evaluate('localStorage.length + sessionStorage.length')).toBe(0);
    // The search is not in the address: nothing about it stays in the history.
    expect(new URL(page.url()).search).toBe('?lang=th');
  });
});
