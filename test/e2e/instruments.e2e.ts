import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO, expectText, followNav, logIn } from './support/app.ts';
import {
  expectNoAxeViolations,
  PHONE,
  saveScreenshot,
  scrollWidth,
  useBrowser,
} from './support/browser.ts';

const b = useBrowser();
let page: Page;

async function expectNoSideScroll(where: string): Promise<void> {
  expect(await scrollWidth(page), `horizontal scroll on ${where}`).toBeLessThanOrEqual(PHONE.width);
}

/** Fills the field whose id is the form's path id (`instr-` + the document path). */
async function fill(path: string, value: string): Promise<void> {
  await page.locator(`#instr-${path.replace(/\./g, '-')}`).fill(value);
}

describe('instruments at 360 px', () => {
  it('an organisation admin adds an own instrument through the form; it is listed and shown', async () => {
    page = await b.open(PHONE);
    await logIn(page, DEMO.admin);
    await followNav(page, 'Instruments');
    await page.getByTestId('instrument-list').waitFor();
    await expectNoAxeViolations(page, 'instrument list');
    await expectNoSideScroll('instrument list');
    await saveScreenshot(page, 'instruments-list-360');

    await page.getByRole('link', { name: 'Add your own instrument' }).click();
    const form = page.getByTestId('instrument-form');
    await form.waitFor();
    // Publishing the untouched form shows the schema's errors, with a summary.
    await form.getByRole('button', { name: 'Publish…' }).click();
    await page.getByTestId('error-summary').waitFor();
    await expectText(page.getByTestId('error-summary'), /Fill in this field/);
    await expectNoAxeViolations(page, 'instrument form with errors');
    await saveScreenshot(page, 'instruments-form-errors-360', { fullPage: false });

    const id = `shelter-${randomBytes(3).toString('hex')}`;
    await fill('id', id);
    await fill('title.en', 'Shelter intake checklist');
    await fill('description.en', 'Questions the shelter asks at intake.');
    await fill('licence', 'AGPL-3.0-or-later, written by the shelter team');
    await fill('sources.0.citation', 'Shelter intake handbook, 2025');
    await fill('dimensions.0.title.en', 'Control');
    await fill('indicators.0.id', 'SHL-01');
    await page.locator('#instr-indicators-0-strength').selectOption('strong');
    await fill('indicators.0.question.en', 'Were you ever locked in where you worked?');
    await fill('indicators.0.help.en', 'Yes when doors or gates were locked from outside.');
    await fill('rule.parts.0.title.en', 'Control indicators');
    await fill('rule.summary.en', 'Present with one strong or two medium answers.');
    await expect.poll(() => page.getByTestId('error-summary').count()).toBe(0);
    await expectNoSideScroll('instrument form');
    await form.getByRole('button', { name: 'Publish…' }).click();

    const dialog = page.getByRole('dialog');
    await expectText(dialog, /never re-scored/);
    await saveScreenshot(page, 'instruments-confirm-360', { fullPage: false });
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();

    await page.getByTestId('instrument-details').waitFor();
    await expectText(
      page.getByTestId('instrument-status'),
      /Published: Shelter intake checklist, version 1/,
    );
    await expectText(page.locator('h1'), 'Shelter intake checklist');
    await expectText(page.getByTestId('instrument-indicator'), /SHL-01.*Were you ever locked in/s);
    await expectText(page.getByTestId('instrument-caveats'), /Not fully checked/);
    await expectText(page.getByTestId('instrument-history'), /Version 1/);
    await expectNoAxeViolations(page, 'instrument view');
    await expectNoSideScroll('instrument view');
    await saveScreenshot(page, 'instruments-view-360');

    await page.getByRole('link', { name: 'All instruments' }).click();
    await expectText(page.getByTestId('instrument-list'), /Shelter intake checklist/);
    await expectText(page.getByTestId('instrument-list'), /Your organisation's own/);
  });

  it('a caseworker reads the instruments and their marks but sees no publishing action', async () => {
    page = await b.open(PHONE);
    await logIn(page, DEMO.caseworker);
    await followNav(page, 'Instruments');
    await page.getByTestId('instrument-list').waitFor();
    expect(await page.getByRole('link', { name: 'Add your own instrument' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Import JSON' }).count()).toBe(0);

    await page.getByRole('link', { name: 'ILO indicators of forced labour' }).click();
    await page.getByTestId('instrument-details').waitFor();
    await expectText(page.getByTestId('instrument-details'), /Project convention/);
    await expectText(page.getByTestId('instrument-caveats'), /Not fully checked/);
    expect(await page.getByTestId('instrument-actions').count()).toBe(0);
    // The form's address itself is refused.
    await page.goto('/#/instruments/new');
    await expectText(page.locator('h1'), 'No access to this page');
    expect(await page.getByTestId('instrument-form').count()).toBe(0);
  });
});
