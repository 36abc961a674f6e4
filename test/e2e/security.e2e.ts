import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  apiLogin,
  createMember,
  OTHER_ORG_ADMIN,
  resetPassword,
  submitLoginAs,
  totpNow,
  type Member,
} from './support/accounts.ts';
import { DEMO, expectHtmlLang, expectText, followNav, logIn } from './support/app.ts';
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
let page: Page;

/** A fresh context and page for the test (closing the test's previous one). */
async function openPage(viewport: Viewport = PHONE): Promise<Page> {
  page = await b.open(viewport);
  return page;
}

async function logInAs(member: Member, password = member.password): Promise<void> {
  await submitLoginAs(page, member.email, password);
  await page.getByTestId('home-organisation').waitFor();
}

async function expectNoSideScroll(where: string): Promise<void> {
  const width = page.viewportSize()?.width ?? PHONE.width;
  expect(await scrollWidth(page), `horizontal scroll on ${where}`).toBeLessThanOrEqual(width);
}

async function openSecurity(): Promise<void> {
  await followNav(page, 'Your security');
  await page.getByRole('heading', { level: 1, name: 'Your security' }).waitFor();
}

/** Sets up 2FA from the security page; returns the recovery codes it showed once. */
async function enrolTotp(): Promise<string[]> {
  await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
  const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').trim();
  await page.getByLabel('Authentication code', { exact: true }).fill(await totpNow(secret));
  await page.getByRole('button', { name: 'Turn on', exact: true }).click();
  const codes = await readRecoveryCodes();
  await page.getByLabel('I have saved these recovery codes').check();
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expectText(page.getByTestId('totp-status'), 'Two-factor authentication is now on.');
  return codes;
}

async function readRecoveryCodes(): Promise<string[]> {
  const list = page.getByTestId('recovery-codes');
  await list.locator('code').first().waitFor();
  return (await list.locator('code').allTextContents()).map((code) => code.trim());
}

describe('security at phone size', () => {
  it('asks for the password again when the server wants it, shows a wrong one, then retries', async () => {
    const member = await createMember(b.browser, b.baseUrl, 'reauth');
    await openPage();
    await logInAs(member);
    await openSecurity();
    await expectNoSideScroll('the security page');
    await expectNoAxeViolations(page, 'the security page (phone)');
    await saveScreenshot(page, 'security-phone');

    // Logging in counts as a fresh re-authentication, so set-up asks for nothing more.
    const firstCodes = await enrolTotp();
    await expectNoAxeViolations(page, 'the security page with 2FA on (phone)');
    await saveScreenshot(page, 'security-totp-on-phone');

    // The re-authentication window lasts five minutes and the e2e server has no clock to move,
    // so the first answer is the server's stale-window refusal; the dialog, the password check
    // and the retried request all go to the real server.
    let calls = 0;
    await page.route('**/api/auth/recovery-codes', async (route) => {
      calls += 1;
      if (calls === 1) {
        await route.fulfill({
          status: 403,
          contentType: 'application/problem+json',
          body: JSON.stringify({
            type: 'about:blank',
            title: 'Forbidden',
            status: 403,
            code: 'reauthentication_required',
            detail: 'Confirm your password again.',
          }),
        });
      } else {
        await route.continue();
      }
    });

    await page.getByRole('button', { name: 'Make new recovery codes' }).click();
    const confirm = page.getByRole('dialog', { name: 'Make new recovery codes' });
    await confirm.getByRole('button', { name: 'Make new recovery codes' }).click();

    const dialog = page.getByRole('dialog', { name: 'Confirm it is you' });
    await dialog.waitFor();
    // The password field takes the focus, so typing goes straight into it.
    await expect
      .poll(() => page.evaluate('document.activeElement?.getAttribute("autocomplete")'))
      .toBe('current-password');
    await page.keyboard.type('not my password at all');
    await dialog.getByLabel('Authentication code or recovery code').fill(firstCodes[0]!);
    await dialog.getByRole('button', { name: 'Confirm', exact: true }).click();
    await expectText(dialog, 'That password is not right.');
    await expectNoAxeViolations(page, 'the re-authentication dialog with an error (phone)');
    await saveScreenshot(page, 'reauth-dialog-error-phone', { fullPage: false });

    await dialog.getByLabel('Password', { exact: true }).fill(member.password);
    await dialog.getByRole('button', { name: 'Confirm', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    const newCodes = await readRecoveryCodes();
    expect(calls).toBe(2);
    expect(newCodes).toHaveLength(firstCodes.length);
    expect(newCodes.some((code) => firstCodes.includes(code))).toBe(false);
    await page.getByLabel('I have saved these recovery codes').check();
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await expectText(page.getByTestId('totp-status'), 'Your new recovery codes are ready.');

    // The retried request really replaced the codes: an old one no longer logs in, a new one does.
    const old = await apiLogin(b.browser, b.baseUrl, { ...member, recoveryCode: firstCodes[1]! });
    expect(old.status).toBe(401);
    const fresh = await apiLogin(b.browser, b.baseUrl, { ...member, recoveryCode: newCodes[0]! });
    expect(fresh.status).toBe(200);
    await fresh.session?.close();
  });

  it('changes the password: other sessions and tokens end, only the new password logs in', async () => {
    const member = await createMember(b.browser, b.baseUrl, 'passwd');
    const other = await apiLogin(b.browser, b.baseUrl, member);
    expect(other.status).toBe(200);
    await openPage();
    await logInAs(member);
    await openSecurity();

    // A token with the sensitive scope, to see it revoked by the change.
    await page.getByLabel('Token name').fill('Partner sync');
    await page.getByRole('checkbox', { name: 'Sensitive details' }).check();
    await page.getByRole('button', { name: 'Create token', exact: true }).click();
    await page.getByTestId('new-token').waitFor();
    await page.getByRole('button', { name: 'I have copied the token' }).click();
    await expectText(page.getByTestId('tokens-table'), 'Read, Sensitive details');

    const form = page.getByTestId('password-form');
    const newPassword = `${member.password} again`;
    await form.getByLabel('Current password').fill('this is not it at all');
    await form.getByLabel('New password', { exact: true }).fill(newPassword);
    await form.getByLabel('New password again').fill(`${newPassword}!`);
    await form.getByRole('button', { name: 'Change password' }).click();
    await expectText(form, 'The two new passwords are not the same.');

    await form.getByLabel('New password again').fill(newPassword);
    await form.getByRole('button', { name: 'Change password' }).click();
    await expectText(form, 'This is not your current password.');

    await form.getByLabel('Current password').fill(member.password);
    await form.getByRole('button', { name: 'Change password' }).click();
    await expectText(
      page.getByTestId('password-status'),
      'You have been logged out on your other devices, and your API tokens have been revoked.',
    );
    await expectText(page.getByTestId('tokens-table'), 'Revoked');
    expect((await other.session!.request.get('/api/me')).status()).toBe(401);
    await other.session!.close();

    await page.getByRole('button', { name: 'Log out', exact: true }).click();
    // Logging out reloads the page: wait for the login page before opening it again.
    await page.locator('input[type="email"]').waitFor();
    await submitLoginAs(page, member.email, member.password);
    await expectText(page.getByTestId('login-status'), 'The email or password is not right');
    await logInAs(member, newPassword);
  });

  it('lets an admin reset a password; the member must choose a new one, then reaches the app', async () => {
    const member = await createMember(b.browser, b.baseUrl, 'reset');
    await openPage();
    await logIn(page, DEMO.admin);
    await followNav(page, 'Users and roles');
    await page.getByRole('button', { name: `Edit ${member.displayName}` }).click();
    await page.getByRole('button', { name: 'Reset password' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset password' });
    await expectText(dialog, 'Homeward will make a temporary password');
    await dialog.getByRole('button', { name: 'Reset password' }).click();
    const temporary = ((await dialog.getByTestId('temporary-password').textContent()) ?? '').trim();
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    await expectNoSideScroll('the temporary password dialog');
    await saveScreenshot(page, 'reset-password-phone', { fullPage: false });
    await dialog.getByRole('button', { name: 'I have noted the password' }).click();
    await expectText(
      page.getByTestId('users-status'),
      `A temporary password has been made for ${member.displayName}.`,
    );

    await openPage();
    await submitLoginAs(page, member.email, temporary);
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    // Nothing else is open until then: the navigation is empty and other pages are not shown.
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    expect(await nav.getByRole('link').count()).toBe(0);
    await page.goto('/#/cases');
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    await expectNoSideScroll('the new-password screen');
    await expectNoAxeViolations(page, 'the new-password screen (phone)');
    await saveScreenshot(page, 'forced-password-phone');

    const newPassword = `${member.password} mine`;
    await page.getByLabel('Temporary password').fill(temporary);
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('New password again').fill(newPassword);
    await page.getByRole('button', { name: 'Save new password and continue' }).click();
    await page.getByTestId('home-organisation').waitFor();
    await followNav(page, 'Cases');
    await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();

    const again = await apiLogin(b.browser, b.baseUrl, {
      email: member.email,
      password: temporary,
    });
    expect(again.status).toBe(401);
  });

  it('adds an account from another organisation without a password, and leaves its reset to a platform admin', async () => {
    const member = await createMember(b.browser, b.baseUrl, 'shared', OTHER_ORG_ADMIN);
    await openPage();
    await logIn(page, DEMO.admin);
    await followNav(page, 'Users and roles');
    await page.getByRole('button', { name: 'Add a user' }).click();
    const create = page.getByRole('dialog', { name: 'Add a user' });
    await create.getByLabel('Name', { exact: true }).fill(member.displayName);
    await create.getByLabel('Email', { exact: true }).fill(member.email);
    expect(await create.getByLabel('Role').locator('option').allTextContents()).toContain('Admin');
    await create.getByRole('button', { name: 'Add user' }).click();
    await create.waitFor({ state: 'hidden' });
    const status = page.getByTestId('users-status');
    await expectText(status, `${member.displayName} already had a Homeward account`);
    await expectText(status, 'no temporary password was made');
    expect(await page.getByTestId('temporary-password').count()).toBe(0);

    await page.getByRole('button', { name: `Edit ${member.displayName}` }).click();
    await page.getByRole('button', { name: 'Reset password' }).click();
    const reset = page.getByRole('dialog', { name: 'Reset password' });
    await reset.getByRole('button', { name: 'Reset password' }).click();
    await expectText(page.getByTestId('reset-status'), 'only a platform admin can reset');
    expect(await page.getByTestId('temporary-password').count()).toBe(0);
    // Their own password still works.
    const own = await apiLogin(b.browser, b.baseUrl, member);
    expect(own.status).toBe(200);
    await own.session?.close();
  });
});

describe('security screens at desktop size', () => {
  it('shows the security page and the re-authentication dialog; cancelling changes nothing', async () => {
    const member = await createMember(b.browser, b.baseUrl, 'desk');
    await openPage(DESKTOP);
    await logInAs(member);
    await openSecurity();
    await expectNoAxeViolations(page, 'the security page (desktop)');
    await saveScreenshot(page, 'security-desktop');

    await page.route('**/api/auth/totp/setup', async (route) => {
      await route.fulfill({
        status: 403,
        contentType: 'application/problem+json',
        body: JSON.stringify({ status: 403, code: 'reauthentication_required', title: 'x' }),
      });
    });
    await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
    const dialog = page.getByRole('dialog', { name: 'Confirm it is you' });
    await dialog.waitFor();
    await saveScreenshot(page, 'reauth-dialog-desktop', { fullPage: false });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // Cancelling leaves the page as it was, with no error.
    await page.getByRole('button', { name: 'Set up two-factor authentication' }).waitFor();
    expect(await page.getByTestId('totp-status').textContent()).toBe('');
  });

  it('shows the new-password screen after an admin reset', async () => {
    const member = await createMember(b.browser, b.baseUrl, 'deskreset');
    const temporary = await resetPassword(b.browser, b.baseUrl, member);
    await openPage(DESKTOP);
    await submitLoginAs(page, member.email, temporary);
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    await expectNoAxeViolations(page, 'the new-password screen (desktop)');
    await saveScreenshot(page, 'forced-password-desktop');

    await page.getByTestId('language-select').selectOption('th');
    await expectHtmlLang(page, 'th');
    await page.getByRole('heading', { level: 1, name: 'ตั้งรหัสผ่านใหม่' }).waitFor();
    await saveScreenshot(page, 'forced-password-desktop-th');
  });
});
