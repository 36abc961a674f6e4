import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectHtmlLang, expectText } from './support/app.ts';
import {
  expectNoAxeViolations,
  PHONE,
  saveScreenshot,
  scrollWidth,
  useBrowser,
} from './support/browser.ts';

/**
 * The public job-offer checker and find-help pages at 360 px, as a person with no account sees
 * them: within the 60 KB budget, in a second language, the reasons of a scam-compound advert,
 * reporting it, the quick exit, and nothing left behind (no cookie, no storage, no other site).
 */
const b = useBrowser();
const EXIT = 'https://www.google.com/search?q=weather';
const BUDGET_BYTES = 60 * 1024;
const THAI_ADVERT =
  'รับสมัครด่วน! งานแอดมิน พิมพ์งาน ดูแลลูกค้า ทำงานที่สีหนุวิลล์ กัมพูชา เงินเดือน 45,000 บาท ' +
  'ฟรีตั๋วเครื่องบิน วีซ่า และที่พัก ไม่ต้องสัมภาษณ์ ไม่ต้องมีประสบการณ์ ติดต่อทาง Telegram เท่านั้น';

/** Opens a phone-sized page that records every request it makes; the exit site is stubbed. */
async function openPhone(): Promise<{ page: Page; requests: Request[]; errors: string[] }> {
  const page = await b.open(PHONE);
  const requests: Request[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request));
  // A CSP violation or a script error shows here.
  page.on('console', (message) => {
    if (message.type() === 'error') {
      errors.push(message.text());
    }
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route('https://www.google.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><p>Weather</p>' }),
  );
  return { page, requests, errors };
}

async function expectNoSideScroll(page: Page, where: string): Promise<void> {
  expect(await scrollWidth(page), `horizontal scroll on ${where}`).toBeLessThanOrEqual(PHONE.width);
}

describe('the job-offer checker (/check)', () => {
  it('loads within 60 KB of compressed JS and CSS, with no request to another site', async () => {
    const { page, requests } = await openPhone();
    await page.goto('/check', { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: 'Is this job offer safe?' }).waitFor();
    const code = requests.filter((r) => ['script', 'stylesheet'].includes(r.resourceType()));
    let bytes = 0;
    for (const request of code) {
      bytes += (await request.sizes()).responseBodySize;
    }
    // The sizes are what came over the wire (brotli); a zero would mean nothing was measured.
    expect(code.length).toBeGreaterThan(1);
    expect(bytes).toBeGreaterThan(1024);
    expect(bytes, code.map((r) => r.url()).join('\n')).toBeLessThanOrEqual(BUDGET_BYTES);
    // One language file only, and no Thai font for English.
    expect(code.filter((r) => /\/assets\/(th|id|vi|fil)-/.test(r.url()))).toEqual([]);
    expect(requests.filter((r) => /noto-sans-thai/.test(r.url()))).toEqual([]);
    expect(requests.every((r) => r.url().startsWith(b.baseUrl))).toBe(true);
  });

  it('in Thai: pastes a scam-compound advert, sees its reasons and advice, and reports it', async () => {
    const { page, requests, errors } = await openPhone();
    await page.goto('/check');
    await page.getByTestId('language-select').selectOption('th');
    await expectHtmlLang(page, 'th');
    expect(page.url()).toContain('/check?lang=th');
    await page.getByLabel('ประกาศหรือข้อความ').fill(THAI_ADVERT);
    await page.getByText('ข้อมูลเพิ่มเติมเกี่ยวกับงาน (ไม่บังคับ)').click();
    await page.getByLabel('คุณได้รับข้อเสนอนี้ทางไหน').selectOption('messaging_app');
    await page.getByLabel('ประเทศที่คุณจะต้องเดินทางไป').fill('กัมพูชา');
    await page.getByRole('button', { name: 'ตรวจข้อเสนองานนี้' }).click();
    await expectText(page.getByTestId('risk'), 'เสี่ยงสูง');
    const reasons = page.getByTestId('reasons').getByRole('listitem');
    expect(await reasons.count()).toBeGreaterThan(1);
    await expectText(reasons.first(), /\p{Script=Thai}/u);
    // Its sources are folded away under a summary the keyboard opens.
    const sources = reasons.first().getByText('แหล่งที่มาของสัญญาณนี้');
    await sources.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => reasons.first().locator('details').getAttribute('open')).toBe('');
    await expectText(reasons.first().locator('details'), /[A-Z][a-z]+/);
    expect(await page.getByTestId('advice').getByRole('listitem').count()).toBeGreaterThan(0);
    expect(requests.some((r) => /noto-sans-thai/.test(r.url()))).toBe(true);
    await expectNoSideScroll(page, 'the Thai result');
    await expectNoAxeViolations(page, 'the Thai result at 360 px');
    await saveScreenshot(page, 'job-check-th-result');

    await page.getByRole('button', { name: 'แจ้งประกาศนี้' }).click();
    await expectText(page.getByTestId('report-status'), 'ขอบคุณ');
    await saveScreenshot(page, 'job-check-th-reported', { fullPage: false });
    // In another language the same advert is checked again, and stays reported.
    await page.getByTestId('language-select').selectOption('en');
    await expectText(page.getByTestId('report-status'), 'Thank you');
    expect(await page.getByRole('button', { name: 'Report this advert' }).isDisabled()).toBe(true);
    expect(await page.getByLabel('The advert or message').inputValue()).toBe(THAI_ADVERT);
    expect(await page.context().cookies()).toEqual([]);
    expect(await page.evaluate('localStorage.length + sessionStorage.length')).toBe(0);
    expect(requests.every((r) => r.url().startsWith(b.baseUrl))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('says what to do when nothing was pasted, in the page language', async () => {
    const { page, requests } = await openPhone();
    await page.goto('/check?lang=vi');
    await page.getByRole('button', { name: 'Kiểm tra lời mời này' }).click();
    await expectText(page.getByRole('alert'), 'Hãy dán nội dung');
    expect(requests.filter((r) => r.url().includes('/api/'))).toEqual([]);
  });

  it('quick exit (Esc) replaces the page and leaves no history entry for it', async () => {
    const { page } = await openPhone();
    await page.goto('/check');
    await page.getByLabel('The advert or message').fill('A message I do not want seen');
    await page.keyboard.press('Escape');
    await page.waitForURL(EXIT);
    await page.goBack();
    expect(page.url()).not.toContain('/check');
  });
});

describe('find help (/help)', () => {
  it('shows the directory search in Indonesian, axe-clean, and its quick exit button works', async () => {
    const { page } = await openPhone();
    await page.goto('/help?lang=id');
    await page.getByRole('heading', { level: 1, name: 'Cari bantuan' }).waitFor();
    await expectHtmlLang(page, 'id');
    await expectText(page.getByRole('main'), 'Organisasi yang bisa membantu');
    expect(await page.getByRole('main').textContent()).not.toMatch(/\d{3,}/);
    await expectNoSideScroll(page, '/help');
    await expectNoAxeViolations(page, '/help at 360 px');
    await saveScreenshot(page, 'job-check-help-id');
    await page.getByRole('link', { name: 'Keluar cepat' }).click();
    await page.waitForURL(EXIT);
    await page.goBack();
    expect(page.url()).not.toContain('/help');
  });

  it('links to and from the checker without adding history entries', async () => {
    const { page } = await openPhone();
    await page.goto('/check');
    const length = await page.evaluate('history.length');
    await page.getByRole('link', { name: 'Find help' }).click();
    await page.getByRole('heading', { level: 1, name: 'Find help' }).waitFor();
    expect(await page.evaluate('history.length')).toBe(length);
    await expectNoAxeViolations(page, '/help in English');
  });
});
