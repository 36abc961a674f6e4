import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { DEMO, expectText, followNav, logIn } from './support/app.ts';
import { expectNoAxeViolations, PHONE, saveScreenshot, useBrowser } from './support/browser.ts';

/**
 * Issue 9, items 5, 10, 11 and the case tabs: errors that help, each role seeing only what it may
 * use, touch targets, focus and keyboard — all at phone size.
 */

const b = useBrowser();
const KE_ADMIN = 'ke-admin@demo.homeward.example';
const KE_CASEWORKER = 'ke-caseworker@demo.homeward.example';

/** A property of the focused element. A string, not a function: no DOM types here. */
async function focused(page: Page, expression: string): Promise<string | null> {
  return page.evaluate(
    `(() => { const el = document.activeElement; return el ? ${expression} : null; })()`,
  );
}

async function caseId(page: Page, caseNumber: string): Promise<string> {
  const response = await page.request.get(`/api/cases?q=${encodeURIComponent(caseNumber)}`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { items: { id: string; caseNumber: string }[] };
  const found = body.items.find((item) => item.caseNumber === caseNumber);
  expect(found, `demo case ${caseNumber}`).toBeDefined();
  return found!.id;
}

async function csrf(page: Page): Promise<string> {
  const me = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
  return me.csrfToken;
}

describe('errors help', () => {
  it('login: a titled summary takes focus, links to each field, axe finds nothing', async () => {
    const page = await b.open(PHONE);
    await page.goto('/');
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    await expectText(summary, 'There is a problem');
    expect(await focused(page, 'el.dataset.testid')).toBe('error-summary');
    await expectText(summary, 'Enter the email address');
    await expectText(summary, 'Enter your password');
    expect(await page.locator('body').textContent()).not.toContain('Check this field');

    await summary.getByRole('link', { name: 'Enter your password' }).click();
    expect(await focused(page, 'el.getAttribute("autocomplete")')).toBe('current-password');
    await saveScreenshot(page, 'experience-login-errors', { fullPage: false });
    await expectNoAxeViolations(page, 'login errors at 360 px');
  });

  it('an error goes as soon as the field is corrected, not at the next submit', async () => {
    const page = await b.open(PHONE);
    await page.goto('/');
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    const summary = page.getByTestId('error-summary');
    await expectText(summary, 'Enter the email address');
    const email = page.getByLabel('Email', { exact: true });
    expect(await email.getAttribute('aria-invalid')).toBe('true');

    await email.fill('caseworker@demo.homeward.example');
    await expect.poll(() => email.getAttribute('aria-invalid')).not.toBe('true');
    expect(await summary.textContent()).not.toContain('email');
    // The password is still missing: its error stays until it is typed.
    await expectText(summary, 'Enter your password');
    await page.getByLabel('Password', { exact: true }).fill('x');
    await expect.poll(() => summary.count()).toBe(0);
  });

  it('registration: a corrected field loses its error at once, the others stay', async () => {
    const page = await b.open(PHONE);
    await logIn(page, DEMO.caseworker);
    await page.goto('/#/cases/new');
    const year = page.getByLabel('Birth year', { exact: true });
    await year.fill('1850');
    await page
      .getByLabel('Nationality', { exact: true })
      .selectOption({ label: 'Another country (enter its code)' });
    await page.getByLabel('Country code', { exact: true }).fill('ZZ');
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    const summary = page.getByTestId('error-summary');
    await expectText(summary, 'Ask the person and record their answer.');
    await expect.poll(() => year.getAttribute('aria-invalid')).toBe('true');
    // Every link of the summary leads to a field on the page (nationality included).
    const targets = await summary
      .locator('a[href^="#"]')
      .evaluateAll((links) => links.map((link) => (link.getAttribute('href') ?? '').slice(1)));
    expect(targets).toContain('register-nationality');
    for (const target of targets) {
      expect(await page.locator(`[id="${target}"]`).count(), target).toBe(1);
    }

    await year.fill('1990');
    await expect.poll(() => year.getAttribute('aria-invalid')).not.toBe('true');
    // The consent answer is still missing: its error stays until it is chosen.
    await expectText(summary, 'Ask the person and record their answer.');
  });

  it('new password: the summary lists what to do; axe finds nothing', async () => {
    const page = await b.open(PHONE);
    await logIn(page, DEMO.caseworker);
    await followNav(page, 'Your security');
    const form = page.getByTestId('password-form');
    await form.getByLabel('New password', { exact: true }).fill('short');
    await form.getByRole('button', { name: 'Change password' }).click();
    const summary = form.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link').count()).toBe(3);
    expect(await summary.textContent()).not.toContain('Check this field');
    await expectNoAxeViolations(page, 'password change errors at 360 px');
  });

  it('adding a member: errors on the form in a dialog are axe-clean and specific', async () => {
    const page = await b.open(PHONE);
    await logIn(page, DEMO.admin);
    await followNav(page, 'Users and roles');
    await page.getByRole('button', { name: 'Add a user' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Email', { exact: true }).fill('someone@');
    await dialog.getByRole('button', { name: 'Add user' }).click();
    const summary = dialog.getByTestId('error-summary');
    await summary.waitFor();
    await expectText(summary, 'Enter an email address like name@example.org');
    expect(await summary.textContent()).not.toContain('Check this field');
    await saveScreenshot(page, 'experience-user-create-errors', { fullPage: false });
    await expectNoAxeViolations(page, 'user create errors at 360 px');
  });
});

describe('each role sees what it may use', () => {
  it('a viewer’s case page has no “not allowed” alert on any tab', async () => {
    const page = await b.open(PHONE);
    await logIn(page, DEMO.viewer);
    const id = await caseId(page, 'DEMO-0029');
    await page.goto(`/#/cases/${id}`);
    await page.getByTestId('case-number').waitFor();
    const tabs = page.getByRole('tab');
    const names = await tabs.allTextContents();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      await page.getByRole('tab', { name, exact: true }).click();
      await page.waitForLoadState('networkidle');
      const body = (await page.locator('main').textContent()) ?? '';
      expect(body, `tab ${name}`).not.toContain('Your role does not allow this');
      expect(await page.locator('main [data-tone="error"]').count(), `tab ${name}`).toBe(0);
    }
  });

  it('outreach staff get a home page that says what they can do here', async () => {
    const page = await b.open(PHONE);
    await logIn(page, DEMO.outreach);
    const home = page.getByTestId('outreach-home');
    await home.waitFor();
    await expectText(home, 'outreach');
    await expectText(home, 'no case records');
    await saveScreenshot(page, 'experience-outreach-home');
    await expectNoAxeViolations(page, 'outreach home at 360 px');
  });

  it('when the organisation turns API tokens off, the form is gone and the server refuses', async () => {
    const page = await b.open(PHONE);
    await logIn(page, KE_CASEWORKER);
    const made = await page.request.post('/api/tokens', {
      data: { name: 'before' },
      headers: { 'x-csrf-token': await csrf(page) },
    });
    expect(made.status()).toBe(201);
    const { token } = (await made.json()) as { token: string };
    await followNav(page, 'Your security');
    await page.getByRole('heading', { name: 'Create a token' }).waitFor();

    const admin = await b.context
      .browser()!
      .newContext({ viewport: PHONE, baseURL: inject('baseUrl') });
    const adminPage = await admin.newPage();
    try {
      await logIn(adminPage, KE_ADMIN);
      await followNav(adminPage, 'Organisation');
      const allow = adminPage.getByRole('switch', { name: 'Allow API tokens' });
      expect(await allow.isChecked()).toBe(true);
      await allow.click();
      await adminPage.getByRole('button', { name: 'Save changes', exact: true }).click();
      await expectText(adminPage.getByTestId('organisation-status'), 'saved');

      await page.reload();
      await page.getByRole('heading', { name: 'API tokens' }).waitFor();
      await expectText(page.getByTestId('tokens-off'), 'does not allow API tokens');
      expect(await page.getByRole('heading', { name: 'Create a token' }).count()).toBe(0);
      const refused = await page.request.post('/api/tokens', {
        data: { name: 'after' },
        headers: { 'x-csrf-token': await csrf(page) },
      });
      expect(refused.status()).toBe(403);
      expect(((await refused.json()) as { code: string }).code).toBe('api_tokens_disabled');
      const old = await page.request.get('/api/me', {
        headers: { authorization: `Bearer ${token}`, cookie: '' },
      });
      expect(old.status()).toBe(401);
    } finally {
      const back = await adminPage.request.patch('/api/organisation', {
        data: { allowApiTokens: true },
        headers: { 'x-csrf-token': await csrf(adminPage) },
      });
      expect(back.status()).toBe(200);
      await admin.close();
    }
  });
});

describe('touch, focus, keyboard', () => {
  it('checkboxes and switches are at least 44 px targets', async () => {
    const page = await b.open(PHONE);
    await logIn(page, DEMO.caseworker);
    await followNav(page, 'Your security');
    const write = page.getByRole('checkbox', { name: /^Write/ });
    await write.waitFor();
    const input = await write.boundingBox();
    expect(input?.height ?? 0).toBeGreaterThanOrEqual(24);
    // The target is the row: at least 44 px high, and a tap at its edges toggles the box.
    const row = page.locator('.mantine-Checkbox-root', { has: write });
    await row.scrollIntoViewIfNeeded();
    const box = (await row.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(await write.isChecked()).toBe(false);
    const hit = String(
      await page.evaluate(
        `(() => { const el = document.elementFromPoint(${box.x + 2}, ${box.y + 2}); return el ? el.outerHTML.slice(0, 200) : 'none'; })()`,
      ),
    );
    await page.mouse.click(box.x + 2, box.y + 2);
    expect(await write.isChecked(), hit).toBe(true);
    await page.mouse.click(box.x + box.width - 4, box.y + box.height - 2);
    expect(await write.isChecked()).toBe(false);
  });

  it('a text field shows a focus ring at least 2 px wide', async () => {
    const page = await b.open(PHONE);
    await page.goto('/');
    const email = page.getByLabel('Email', { exact: true });
    await email.focus();
    const width = await focused(page, 'parseFloat(getComputedStyle(el).outlineWidth)');
    const style = await focused(page, 'getComputedStyle(el).outlineStyle');
    expect(Number(width)).toBeGreaterThanOrEqual(2);
    expect(style).not.toBe('none');
  });

  it('the show-password button is reached with Tab', async () => {
    const page = await b.open(PHONE);
    await page.goto('/');
    await page.getByLabel('Password', { exact: true }).focus();
    await page.keyboard.press('Tab');
    expect(await focused(page, 'el.getAttribute("aria-label")')).toBe(
      'Show or hide the characters',
    );
    await page.keyboard.press('Enter');
    expect(await page.getByLabel('Password', { exact: true }).getAttribute('type')).toBe('text');
  });

  it('case tabs wrap into rows at 360 px instead of scrolling sideways', async () => {
    const page = await b.open(PHONE);
    await logIn(page, 'supervisor@demo.homeward.example');
    const id = await caseId(page, 'DEMO-0031');
    await page.goto(`/#/cases/${id}`);
    await page.getByTestId('case-number').waitFor();
    const overflow = await page.evaluate(
      '(() => { const el = document.querySelector("[role=tablist]"); return el.scrollWidth - el.clientWidth; })()',
    );
    expect(Number(overflow)).toBeLessThanOrEqual(0);
    for (const tab of await page.getByRole('tab').all()) {
      const box = await tab.boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
    }
    await saveScreenshot(page, 'experience-case-tabs', { fullPage: false });
  });
});
