import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO, expectHtmlLang, expectText, followNav, inEnglish, logIn } from './support/app.ts';
import {
  expectNoAxeViolations,
  PHONE,
  saveScreenshot,
  scrollWidth,
  useBrowser,
} from './support/browser.ts';

const b = useBrowser();

async function expectNoSideScroll(page: Page, where: string): Promise<void> {
  expect(await scrollWidth(page), `horizontal scroll on ${where}`).toBeLessThanOrEqual(PHONE.width);
}

/** "12 sessions, 345 people reached. …" → [12, 345]. */
async function totals(page: Page): Promise<[number, number]> {
  const locator = page.getByTestId('outreach-dashboard-totals');
  await locator.waitFor();
  const text = (await locator.textContent()) ?? '';
  const m = /([\d,]+) sessions?, ([\d,]+) people/.exec(text);
  expect(m, text).not.toBeNull();
  return [Number(m![1]!.replace(/,/g, '')), Number(m![2]!.replace(/,/g, ''))];
}

/** The cells of this month's row of the dashboard's table by month: month, sessions, people, … */
async function thisMonth(page: Page): Promise<string[]> {
  const month = new Intl.DateTimeFormat('en', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date());
  const row = page
    .getByTestId('outreach-dashboard-months')
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: month }) });
  await row.waitFor();
  return (await row.locator('th, td').allTextContents()).map((cell) => cell.trim());
}

/** Fills a phase's tallies: forms handed in, then right answers for the first questions. */
async function enterTallies(page: Page, phase: 'pre' | 'post', forms: number, right: number[]) {
  const form = page.getByTestId(`outreach-results-form-${phase}`);
  await form.getByLabel('Forms handed in').fill(String(forms));
  const counts = form.getByRole('spinbutton');
  for (const [i, n] of right.entries()) {
    // The first spinbutton is the forms count; the questions follow in order.
    await counts.nth(i + 1).fill(String(n));
  }
  await form.getByRole('button', { name: /^Save: / }).click();
  await expectText(page.getByTestId(`outreach-results-status-${phase}`), 'Results saved');
}

describe('outreach at 360 px', () => {
  it('an outreach worker records a session with pre/post results and sees the dashboard table change', async () => {
    const page = await b.open(PHONE);
    await logIn(page, DEMO.outreach);
    await inEnglish(page);
    await expectText(page.getByTestId('outreach-home-card'), 'Your outreach work');
    await expectNoAxeViolations(page, 'outreach home');
    await saveScreenshot(page, 'outreach-phone-home');

    await followNav(page, 'Outreach dashboard');
    const [sessionsBefore, peopleBefore] = await totals(page);
    const [, monthSessions, monthPeople] = await thisMonth(page);

    await followNav(page, 'Outreach sessions');
    await page.getByRole('link', { name: 'Record a session' }).first().click();
    const form = page.getByTestId('outreach-session-form');
    // Nothing chosen: the server's own schema speaks at the fields, nothing is sent.
    await form.getByRole('button', { name: 'Save the session' }).click();
    await expectText(page.getByTestId('outreach-session-status'), 'Check the fields');
    await form.getByLabel('Where it was held').selectOption('school');
    await form.getByLabel('Place', { exact: true }).fill('E2E Demo School, Mae Ramat district');
    await form.getByLabel('People reached').fill('37');
    await form.getByLabel('Age of most of the audience').selectOption('15_17');
    await form.getByLabel('Fake job offers', { exact: true }).check();
    await form.getByLabel('Scam compounds', { exact: true }).check();
    await expectNoAxeViolations(page, 'session form');
    await expectNoSideScroll(page, 'session form');
    await saveScreenshot(page, 'outreach-phone-form');
    await form.getByRole('button', { name: 'Save the session' }).click();

    await page.getByTestId('outreach-session-facts').waitFor();
    await expectText(page.getByTestId('outreach-session-facts'), '37 people');
    // 10 forms, 3 questions asked: 12 of 30 right before (40 %), 27 of 30 after (90 %).
    await enterTallies(page, 'pre', 10, [4, 5, 3]);
    await expectText(page.getByTestId('outreach-score-pre'), 'Score 40%');
    await enterTallies(page, 'post', 10, [9, 9, 9]);
    await expectText(page.getByTestId('outreach-score-post'), 'Score 90%');
    await expectNoAxeViolations(page, 'session with results');
    await expectNoSideScroll(page, 'session with results');
    await saveScreenshot(page, 'outreach-phone-results');

    // Change the session: the form starts from what is stored, and the page shows the change.
    await page.getByRole('link', { name: 'Change the session' }).click();
    await form.getByLabel('Notes').fill('Two classes together; ask for a projector next time.');
    await form.getByRole('button', { name: 'Save the session' }).click();
    await expectText(page.getByTestId('outreach-session-facts'), 'ask for a projector');
    await expectText(page.getByTestId('outreach-session-facts'), '37 people');

    await followNav(page, 'Outreach dashboard');
    await expect.poll(() => totals(page)).toEqual([sessionsBefore + 1, peopleBefore + 37]);
    // The table by month says the same: one more session and 37 more people this month, and
    // this month's mean scores are no longer blank.
    const [, sessionsNow, peopleNow, pre, post] = await thisMonth(page);
    expect(Number(sessionsNow)).toBe(Number(monthSessions) + 1);
    expect(Number(peopleNow!.replace(/,/g, ''))).toBe(Number(monthPeople!.replace(/,/g, '')) + 37);
    expect(pre).toMatch(/\d+%/);
    expect(post).toMatch(/\d+%/);
    await expectNoAxeViolations(page, 'outreach dashboard');
    await expectNoSideScroll(page, 'outreach dashboard');
    await saveScreenshot(page, 'outreach-phone-dashboard');

    await followNav(page, 'Teaching materials');
    await expectText(page.getByTestId('outreach-materials'), 'DEMO Spot a fake job offer');
    await expectNoAxeViolations(page, 'materials library');
    await expectNoSideScroll(page, 'materials library');
    await saveScreenshot(page, 'outreach-phone-materials');

    // In Thai: the navigation, a demo session held in Thai and its quiz questions in Thai.
    await page.getByTestId('language-select').selectOption('th');
    await expectHtmlLang(page, 'th');
    try {
      // (followNav reads the English names of the menu and navigation.)
      await page.goto('/#/outreach');
      await expectText(page.locator('h1'), 'กิจกรรมให้ความรู้');
      await page
        .getByTestId('outreach-sessions-past')
        .getByRole('link', { name: 'Demo University, Chiang Mai' })
        .click();
      const pre = page.getByTestId('outreach-results-form-pre');
      await expectText(pre, 'นายหน้า');
      await expectText(page.getByTestId('outreach-session-facts'), 'มหาวิทยาลัย');
      await expectNoAxeViolations(page, 'session in Thai');
      await expectNoSideScroll(page, 'session in Thai');
      await saveScreenshot(page, 'outreach-phone-session-th');
    } finally {
      await page.getByTestId('language-select').selectOption('en');
      await expectHtmlLang(page, 'en');
    }
  });
});
