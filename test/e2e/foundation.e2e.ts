import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  DEMO,
  DEMO_ORGANISATION,
  expectHtmlLang,
  expectText,
  followNav,
  logIn,
  submitLogin,
} from './support/app.ts';
import {
  DESKTOP,
  expectNoAxeViolations,
  PHONE,
  saveScreenshot,
  scrollWidth,
  useBrowser,
  type Viewport,
} from './support/browser.ts';

const b = useBrowser();

const VIEWPORTS: [string, Viewport][] = [
  ['phone', PHONE],
  ['desktop', DESKTOP],
];

describe.each(VIEWPORTS)('foundation at %s size', (size, viewport) => {
  let page: Page;

  /** At phone width nothing may scroll sideways. */
  const expectNoSideScroll = async (where: string) => {
    if (viewport.width <= PHONE.width) {
      expect(await scrollWidth(page), `horizontal scroll on ${where}`).toBeLessThanOrEqual(
        viewport.width,
      );
    }
  };

  beforeEach(async () => {
    page = await b.open(viewport);
  });

  it('logs in, shows organisation and role, switches to Thai and back, logs out', async () => {
    await page.goto('/');
    await page.getByLabel('Email', { exact: true }).waitFor();
    await expectHtmlLang(page, 'en');
    await expectNoSideScroll('the login page');
    await expectNoAxeViolations(page, `the login page (${size})`);
    await saveScreenshot(page, `${size}-login`);

    await logIn(page, DEMO.admin);
    await expectText(page.getByTestId('home-organisation'), DEMO_ORGANISATION);
    await expectText(page.getByTestId('home-role'), 'Admin');
    await expectNoSideScroll('the home page');
    await expectNoAxeViolations(page, `the home page (${size})`);
    await saveScreenshot(page, `${size}-home-en`);

    await page.getByTestId('language-select').selectOption('th');
    await expectHtmlLang(page, 'th');
    await expectText(page.getByTestId('home-role'), 'ผู้ดูแลระบบ');
    await page.getByRole('heading', { name: 'บัญชีของคุณ' }).waitFor();
    await expectNoSideScroll('the Thai home page');
    await saveScreenshot(page, `${size}-home-th`);

    await page.getByLabel('ภาษา', { exact: true }).selectOption('en');
    await expectHtmlLang(page, 'en');
    await expectText(page.getByTestId('home-role'), 'Admin');

    await page.getByRole('button', { name: 'Log out', exact: true }).click();
    await page.getByLabel('Email', { exact: true }).waitFor();
    await expectText(page.getByTestId('login-status'), 'You have logged out.');
    expect(await page.getByTestId('home-organisation').count()).toBe(0);
  });

  it('shows an error in the live region for a wrong password', async () => {
    await page.goto('/');
    await submitLogin(page, DEMO.viewer, 'not-the-demo-password');
    const status = page.getByTestId('login-status');
    await expectText(status, 'The email or password is not right');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await page.getByTestId('home-organisation').count()).toBe(0);
    await expectNoSideScroll('the login page with an error');
    await expectNoAxeViolations(page, `the login page with an error (${size})`);
  });

  it('lets the admin open the Users and Audit pages; the audit log shows the login', async () => {
    await logIn(page, DEMO.admin);

    await followNav(page, 'Users and roles');
    await page.getByRole('heading', { level: 1, name: 'Users and roles' }).waitFor();
    await page.getByText(DEMO.caseworker).first().waitFor();
    await expectNoSideScroll('the Users page');

    await followNav(page, 'Audit log');
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    const table = page.getByTestId('audit-table');
    // Readable action labels, not raw codes.
    await table.getByText('Logged in', { exact: true }).first().waitFor();
    expect(await table.getByText('auth.login', { exact: true }).count()).toBe(0);
    await expectNoSideScroll('the Audit page');
    await saveScreenshot(page, `${size}-audit`, { fullPage: false });
  });
});
