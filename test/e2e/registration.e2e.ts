import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO, expectText, logIn } from './support/app.ts';
import { expectNoAxeViolations, PHONE, saveScreenshot, useBrowser } from './support/browser.ts';

const b = useBrowser();

/** A name no other test uses, so the duplicate check finds only the record made here. */
function person() {
  const tag = randomBytes(3).toString('hex');
  return { given: `Suda${tag}`, family: 'Wongsawat', nationality: 'THA', birthYear: '1996' };
}

async function openRegister(page: Page): Promise<void> {
  await page.goto('/#/cases/new');
  await page.getByRole('heading', { level: 1, name: 'Register a person' }).waitFor();
}

async function fillPerson(page: Page, p: ReturnType<typeof person>): Promise<void> {
  await page.getByLabel('Given name', { exact: true }).fill(p.given);
  await page.getByLabel('Family name', { exact: true }).fill(p.family);
  await page.getByLabel('Nationality', { exact: true }).selectOption(p.nationality);
  await page.getByLabel('Birth year', { exact: true }).fill(p.birthYear);
  await page.getByLabel("The person's answer", { exact: true }).selectOption('given');
}

/** Registers and returns the case number the confirmation names. */
async function registerAndConfirm(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Register', exact: true }).click();
  const confirmation = page.getByTestId('register-confirmation');
  await confirmation.waitFor({ timeout: 30_000 });
  const number = (await confirmation.getByTestId('new-case-number').textContent())?.trim() ?? '';
  expect(number).not.toBe('');
  return number;
}

describe('registration (360 px)', () => {
  it('confirms with the new case number, then a likely duplicate blocks registering until a choice is made', async () => {
    const page = await b.open(PHONE);
    await logIn(page, DEMO.caseworker);
    const p = person();
    await openRegister(page);
    await fillPerson(page, p);
    const first = await registerAndConfirm(page);
    await saveScreenshot(page, 'phone-register-confirmation');
    await page.getByRole('button', { name: 'Register another person', exact: true }).click();

    await fillPerson(page, p);
    const warning = page.getByTestId('duplicates');
    await expectText(warning, first);
    let posted = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/cases') {
        posted += 1;
      }
    });
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await expectText(page.getByTestId('error-summary'), 'different person');
    expect(posted).toBe(0);
    await expectNoAxeViolations(page, 'the register form with a likely duplicate');
    await saveScreenshot(page, 'phone-register-duplicate');
    const open = warning.getByRole('link', { name: /Open the existing record/ });
    expect(await open.count()).toBeGreaterThan(0);

    await warning.getByRole('button', { name: 'This is a different person', exact: true }).click();
    const second = await registerAndConfirm(page);
    expect(second).not.toBe(first);
    expect(posted).toBe(1);
  });

  it('"Clear the form" asks first', async () => {
    const page = await b.open(PHONE);
    await logIn(page, DEMO.caseworker);
    await openRegister(page);
    const given = page.getByLabel('Given name', { exact: true });
    await given.fill('Keep me');
    await page.getByRole('button', { name: 'Clear the form', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    expect(await given.inputValue()).toBe('Keep me');
    await page.getByRole('button', { name: 'Clear the form', exact: true }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: 'Clear the form', exact: true })
      .click();
    await expect.poll(() => given.inputValue()).toBe('');
  });
});
