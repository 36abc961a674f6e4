import { type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const DEMO_PASSWORD = 'demo-homeward-2026';
export const DEMO_ORGANISATION = 'Demo Mae Sot Border Support';
export const DEMO = {
  admin: 'admin@demo.homeward.example',
  caseworker: 'caseworker@demo.homeward.example',
  viewer: 'viewer@demo.homeward.example',
  outreach: 'outreach@demo.homeward.example',
} as const;

const POLL = { timeout: 15_000, interval: 100 };

/** Waits until the element's text contains `text`. */
export async function expectText(locator: Locator, text: string | RegExp): Promise<void> {
  await expect.poll(async () => (await locator.first().textContent()) ?? '', POLL).toMatch(text);
}

/** Waits until the page's <html lang> is `lang`. */
export async function expectHtmlLang(page: Page, lang: string): Promise<void> {
  await expect.poll(() => page.locator('html').getAttribute('lang'), POLL).toBe(lang);
}

/** Fills the login form (English labels) and submits it; does not wait for the result. */
export async function submitLogin(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
}

/** Opens the app at `/` and logs in; resolves once the home page shows the organisation. */
export async function logIn(page: Page, email: string): Promise<void> {
  await page.goto('/');
  await submitLogin(page, email, DEMO_PASSWORD);
  await page.getByTestId('home-organisation').waitFor();
}

/**
 * Switches the signed-in user's interface to English if another test left it in another
 * language (the choice is kept on the server, per user, across logins).
 */
export async function inEnglish(page: Page): Promise<void> {
  if ((await page.locator('html').getAttribute('lang')) !== 'en') {
    await page.getByTestId('language-select').selectOption('en');
    await expectHtmlLang(page, 'en');
  }
}

/** Follows a link of the main navigation, opening the burger menu first on narrow screens. */
export async function followNav(page: Page, name: string): Promise<void> {
  const burger = page.getByRole('button', { name: 'Open menu' });
  if (await burger.isVisible()) {
    await burger.click();
  }
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name, exact: true })
    .click();
}
