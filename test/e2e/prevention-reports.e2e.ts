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

describe('reported adverts at 360 px', () => {
  it('an outreach worker opens the reports list, a report’s contacts and the trends table', async () => {
    const page = await b.open(PHONE);
    await logIn(page, DEMO.outreach);
    await inEnglish(page);
    await followNav(page, 'Reported adverts');
    await page.getByRole('heading', { level: 1, name: 'Reported adverts' }).waitFor();
    const rows = page.getByTestId('adverts-row');
    await expectText(page.getByTestId('adverts-list'), 'Typing job');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectNoAxeViolations(page, 'reported adverts list');
    await saveScreenshot(page, 'prevention-reports-list');

    await rows.filter({ hasText: 'Typing job' }).getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: 'Typing job' }).waitFor();
    await expectText(page.getByTestId('advert-text'), 't . me / demo_hr_recruit');
    const contacts = page.getByTestId('advert-indicators');
    await expectText(contacts, 'Telegram @demo_hr_recruit');
    await expectText(contacts, /Also in other reports: [1-9]/);
    await expectText(contacts, 'https://jobs.demo.example/apply');
    expect(await contacts.textContent()).not.toContain('utm_source');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectNoAxeViolations(page, 'reported advert');
    await saveScreenshot(page, 'prevention-report-detail');

    await page.getByTestId('advert-review-form').getByLabel('Status').selectOption('reviewed');
    await page.getByRole('button', { name: 'Save review' }).click();
    await expectText(page.getByTestId('advert-review-form'), 'Review saved.');

    const pages = page.getByRole('navigation', { name: 'Reported adverts pages' });
    await pages.getByRole('link', { name: 'Shared contacts' }).click();
    await expectText(page.getByTestId('advert-groups'), 'Telegram @demo_hr_recruit');
    await expectNoAxeViolations(page, 'shared contacts');

    await pages.getByRole('link', { name: 'Advert trends' }).click();
    const table = page.getByTestId('trend-table');
    await expectText(table, 'Messaging app');
    await page.getByTestId('trend-chart').waitFor();
    await page.getByLabel('Count by').selectOption('destination');
    await expectText(table, 'Cambodia');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectNoAxeViolations(page, 'advert trends');
    await saveScreenshot(page, 'prevention-trends');
  });

  it('shows a reported advert holding HTML as plain text', async () => {
    const page = await b.open(PHONE);
    await logIn(page, DEMO.outreach);
    await inEnglish(page);
    const text = 'Apply <b>now</b><img src=x onerror="window.__injected=1"> t.me/demo_html_test';
    const sent = await page.request.post('/api/public/job-reports', {
      data: { text, title: 'HTML check', destination: 'Cambodia' },
    });
    expect(sent.status()).toBe(202);
    await page.goto('/#/prevention/reports');
    await page
      .getByTestId('adverts-row')
      .filter({ hasText: 'HTML check' })
      .getByRole('link')
      .first()
      .click();
    const shown = page.getByTestId('advert-text');
    await expectText(shown, '<b>now</b><img src=x');
    expect(await shown.locator('b, img').count()).toBe(0);
    expect(await page.evaluate('typeof globalThis.__injected')).toBe('undefined');
  });

  it('a caseworker has no reported-adverts page', async () => {
    const page = await b.open(PHONE);
    await logIn(page, DEMO.caseworker);
    await page.goto('/#/prevention/reports');
    await expectText(page.locator('main'), 'No access to this page');
    const res = await page.request.get('/api/prevention/reports');
    expect(res.status()).toBe(403);
  });
});
