import type { Locator, Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO, expectHtmlLang, expectText, logIn } from './support/app.ts';
import {
  DESKTOP,
  expectNoAxeViolations,
  PHONE,
  saveScreenshot,
  scrollWidth,
  useBrowser,
  type Viewport,
} from './support/browser.ts';

const SUPERVISOR = 'supervisor@demo.homeward.example';
const b = useBrowser();
let page: Page;

async function openPage(viewport: Viewport, email: string): Promise<void> {
  page = await b.open(viewport);
  await logIn(page, email);
}

async function expectNoSideScroll(where: string): Promise<void> {
  const width = page.viewportSize()?.width ?? PHONE.width;
  expect(await scrollWidth(page), `horizontal scroll on ${where}`).toBeLessThanOrEqual(width);
}

/** The id of a demo case, asked of the API with the page's own session. */
async function caseId(caseNumber: string): Promise<string> {
  const response = await page.request.get(`/api/cases?q=${encodeURIComponent(caseNumber)}`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { items: { id: string; caseNumber: string }[] };
  const found = body.items.find((item) => item.caseNumber === caseNumber);
  expect(found, `demo case ${caseNumber}`).toBeDefined();
  return found!.id;
}

/** Opens a case page by its address and waits for its heading. */
async function openCase(id: string, tab = ''): Promise<void> {
  await page.goto(`/#/cases/${id}${tab ? `/${tab}` : ''}`);
  await page.getByTestId('case-number').waitFor();
}

/** An attribute of the focused element. A string, not a function: no DOM types here. */
async function activeElement(attribute: string): Promise<string | null> {
  return (await page.evaluate(
    `document.activeElement?.getAttribute(${JSON.stringify(attribute)}) ?? null`,
  )) as string | null;
}

/** The text of the fact (`<dd>`) under the term `label` in a `<dl>`. */
async function fact(list: Locator, label: string): Promise<string> {
  const value = list
    .locator('dt', { hasText: label })
    .first()
    .locator('xpath=following-sibling::dd[1]');
  return ((await value.textContent()) ?? '').trim();
}

function currentHash(): string {
  return new URL(page.url()).hash;
}

describe('case edit form', () => {
  it('a supervisor assigns a second person and adds an alias; only those fields are sent, and both are shown after a reload', async () => {
    await openPage(PHONE, SUPERVISOR);
    const id = await caseId('DEMO-0029');
    await openCase(id);
    await page.getByRole('button', { name: 'Edit details', exact: true }).click();
    const form = page.getByTestId('case-edit-form');
    await form.waitFor();

    await form.getByRole('button', { name: /^Add another name/ }).click();
    const row = form.getByTestId('other-name-row').last();
    // The new row's first field has keyboard focus.
    const kindId = await row.getByLabel('What this name is', { exact: true }).getAttribute('id');
    await expect.poll(() => activeElement('id')).toBe(kindId);
    await row.getByLabel('What this name is', { exact: true }).selectOption('alias');
    await row.getByLabel('Given name', { exact: true }).fill('Srey Mom');
    await row.getByLabel('Family name', { exact: true }).fill('Chan-Alias');

    const assignees = form.getByTestId('edit-assignees');
    await assignees.getByRole('checkbox', { name: 'Demo admin', exact: true }).check();
    await expectNoSideScroll('the case edit form');
    await saveScreenshot(page, 'phone-case-edit-form');

    const patch = page.waitForRequest(
      (request: Request) =>
        request.method() === 'PATCH' && request.url().endsWith(`/api/cases/${id}`),
    );
    await form.getByRole('button', { name: 'Save changes', exact: true }).click();
    const sent = (await patch).postDataJSON() as Record<string, unknown>;
    expect(Object.keys(sent).sort()).toEqual(['assigneeIds', 'identities', 'version']);
    await page.getByRole('button', { name: 'Edit details', exact: true }).waitFor();

    await page.reload();
    const details = page.getByTestId('case-details');
    await expectText(details, 'Srey Mom Chan-Alias');
    await expectText(details, 'Also known as');
    await expectText(details, /Demo admin/);
    await expectText(details, /Demo caseworker/);
  });

  it('languages, recruitment and exit, and a document are saved and shown', async () => {
    await openPage(PHONE, SUPERVISOR);
    const id = await caseId('DEMO-0030');
    await openCase(id);
    await page.getByRole('button', { name: 'Edit details', exact: true }).click();
    const form = page.getByTestId('case-edit-form');

    const languages = form.getByTestId('edit-languages');
    await languages
      .getByLabel('Add a language', { exact: true })
      .selectOption({ label: 'Another language (enter its code)' });
    await languages.getByLabel('Language code', { exact: true }).fill('my-mm');
    await languages.getByRole('button', { name: 'Add language', exact: true }).click();
    await expectText(languages.getByTestId('language-list'), '(my-MM)');

    await form.getByLabel('How they were recruited', { exact: true }).selectOption('social_media');
    await form.getByLabel('Date of recruitment', { exact: true }).fill('2024-03-01');
    await form.getByLabel('Date of exit', { exact: true }).fill('2024-02-01');
    await form.getByLabel('How they got out', { exact: true }).selectOption('rescued');
    await form.getByRole('button', { name: 'Save changes', exact: true }).click();
    // Exit before recruitment is caught in the form, with the reason under the field.
    await expectText(form, 'The date of exit is before the date of recruitment.');
    await form.getByLabel('Date of exit', { exact: true }).fill('2024-09-15');

    await form.getByRole('button', { name: 'Edit sensitive details', exact: true }).click();
    await form.getByRole('button', { name: 'Add a document', exact: true }).click();
    const document = form.getByTestId('document-row').last();
    await document.getByLabel('Type of document', { exact: true }).selectOption('passport');
    await document.getByLabel('Document number', { exact: true }).fill('MA-0001234');
    await expectNoSideScroll('the edit form with sensitive fields');
    await form.getByRole('button', { name: 'Save changes', exact: true }).click();
    await page.getByRole('button', { name: 'Edit details', exact: true }).waitFor();

    await page.reload();
    const details = page.getByTestId('case-details');
    await expectText(details, 'Social media');
    await expectText(details, 'Rescued');
    await expectText(details, /Burmese|Myanmar/);
    await page.getByRole('button', { name: 'Show sensitive details', exact: true }).click();
    await expectText(page.getByTestId('sensitive-details'), 'Passport MA-0001234');
  });

  it('emptying the nationality and the date of exit clears them (null sent), also after a reload', async () => {
    await openPage(PHONE, SUPERVISOR);
    const id = await caseId('DEMO-0033');
    await openCase(id);
    const details = page.getByTestId('case-details');
    expect(await fact(details, 'Nationality')).not.toBe('—');
    expect(await fact(details, 'Date of exit')).not.toBe('—');
    await page.getByRole('button', { name: 'Edit details', exact: true }).click();
    const form = page.getByTestId('case-edit-form');
    await form.getByLabel('Nationality', { exact: true }).selectOption({ value: '' });
    await form.getByLabel('Date of exit', { exact: true }).fill('');

    const patch = page.waitForRequest(
      (request: Request) =>
        request.method() === 'PATCH' && request.url().endsWith(`/api/cases/${id}`),
    );
    await form.getByRole('button', { name: 'Save changes', exact: true }).click();
    const sent = (await patch).postDataJSON() as Record<string, unknown>;
    expect(sent).toEqual({ nationality: null, exitDate: null, version: expect.any(Number) });
    await page.getByRole('button', { name: 'Edit details', exact: true }).waitFor();

    await page.reload();
    await details.waitFor();
    expect(await fact(details, 'Nationality')).toBe('—');
    expect(await fact(details, 'Date of exit')).toBe('—');
    const stored = (await (await page.request.get(`/api/cases/${id}`)).json()) as Record<
      string,
      unknown
    >;
    expect(stored).toMatchObject({ nationality: null, exitDate: null });
    // The form opens with both empty.
    await page.getByRole('button', { name: 'Edit details', exact: true }).click();
    expect(await form.getByLabel('Nationality', { exact: true }).inputValue()).toBe('');
    expect(await form.getByLabel('Date of exit', { exact: true }).inputValue()).toBe('');
  });

  it('a viewer sees no Edit button and no sensitive fields', async () => {
    await openPage(PHONE, DEMO.viewer);
    const id = await caseId('DEMO-0029');
    await openCase(id);
    await page.getByTestId('case-details').waitFor();
    expect(await page.getByRole('button', { name: 'Edit details' }).count()).toBe(0);
    await expectText(page.locator('body'), 'Your role does not include sensitive details');
  });
});

describe('case page at phone size', () => {
  it('keeps the chosen tab in the address, across a reload and Back', async () => {
    await openPage(PHONE, SUPERVISOR);
    const id = await caseId('DEMO-0031');
    await openCase(id);
    await page.getByRole('tab', { name: 'Journey', exact: true }).click();
    await expect.poll(currentHash).toBe(`#/cases/${id}/journey`);
    await page.getByTestId('journey-timeline').waitFor();

    await page.reload();
    await page.getByTestId('journey-timeline').waitFor();
    const journey = page.getByRole('tab', { name: 'Journey', exact: true });
    expect(await journey.getAttribute('aria-selected')).toBe('true');

    await page.getByRole('tab', { name: 'Tasks', exact: true }).click();
    await expect.poll(currentHash).toBe(`#/cases/${id}/tasks`);
    await page.getByRole('link', { name: 'Back to cases', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
    await page.goBack();
    await page.getByTestId('case-number').waitFor();
    expect(
      await page.getByRole('tab', { name: 'Tasks', exact: true }).getAttribute('aria-selected'),
    ).toBe('true');
  });

  it('has no horizontal scroll on any tab, for a name in Ethiopic script', async () => {
    await openPage(PHONE, SUPERVISOR);
    const id = await caseId('DEMO-0035');
    await openCase(id);
    await expectNoSideScroll('the case overview');
    await expectNoAxeViolations(page, 'the case overview');
    await saveScreenshot(page, 'phone-case-page', { fullPage: false });
    for (const tab of ['Journey', 'Assessment and plan', 'Tasks', 'Consent', 'Notes and files']) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await page.waitForLoadState('networkidle');
      await expectNoSideScroll(`the ${tab} tab`);
    }
    await page.getByRole('tab', { name: 'Overview', exact: true }).click();
    await page.getByRole('button', { name: 'Edit details', exact: true }).click();
    await page.getByRole('button', { name: 'Edit sensitive details', exact: true }).click();
    await expectNoSideScroll('the edit form');
    await expectNoAxeViolations(page, 'the case edit form');
  });

  it('shows notes 20 at a time with Load more', async () => {
    await openPage(PHONE, SUPERVISOR);
    const id = await caseId('DEMO-0032');
    const me = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
    for (let index = 1; index <= 23; index += 1) {
      const response = await page.request.post(`/api/cases/${id}/notes`, {
        headers: { 'X-CSRF-Token': me.csrfToken },
        data: { body: `Paged note ${index}`, visibility: 'team' },
      });
      expect(response.status()).toBe(201);
    }
    await openCase(id, 'notes');
    const notes = page.getByTestId('note-item');
    await expect.poll(() => notes.count()).toBe(20);
    const more = page.getByTestId('notes-more');
    await expectText(more, 'Showing 20 of 23.');
    await more.getByRole('button', { name: 'Load more', exact: true }).click();
    await expect.poll(() => notes.count()).toBe(23);
    await expectText(more, 'Showing all 23.');
    // The button is gone; focus went to the count rather than to the page.
    await expect.poll(() => activeElement('data-testid')).toBe('load-more-count');
  });
});

describe('case list filters', () => {
  it('are folded behind a Filters button at 360 px, saying how many are on', async () => {
    await openPage(PHONE, SUPERVISOR);
    await page.goto('/#/cases');
    await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
    const toggle = page.getByTestId('filters-toggle');
    // The default "open" status is not counted as an active filter.
    await expectText(toggle, /^Filters$/);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByLabel('Stage', { exact: true }).isVisible()).toBe(false);
    await page.getByTestId('case-row').first().waitFor();
    await saveScreenshot(page, 'phone-case-list', { fullPage: false });
    // The first screen shows people, not filters.
    const firstRow = await page.getByTestId('case-row').first().boundingBox();
    expect(firstRow?.y ?? Infinity).toBeLessThan(PHONE.height);

    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.getByLabel('Stage', { exact: true }).selectOption('return');
    await expectText(toggle, 'Filters (1 on)');
    await expectNoSideScroll('the case list with filters open');
  });

  it('are open, without the button, at 1280 px', async () => {
    await openPage(DESKTOP, SUPERVISOR);
    await page.goto('/#/cases');
    await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
    await page.getByLabel('Stage', { exact: true }).waitFor();
    expect(await page.getByLabel('Stage', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByTestId('filters-toggle').count()).toBe(0);
  });

  it('the Register a person link has its label centred vertically', async () => {
    await openPage(PHONE, SUPERVISOR);
    await page.goto('/#/cases');
    const link = page.getByRole('link', { name: 'Register a person', exact: true });
    const [box, label] = await Promise.all([
      link.boundingBox(),
      link.locator('.mantine-Button-label').boundingBox(),
    ]);
    const middle = (b: { y: number; height: number } | null) => (b ? b.y + b.height / 2 : NaN);
    expect(Math.abs(middle(box) - middle(label))).toBeLessThanOrEqual(2);
  });
});

describe('phone header in Thai', () => {
  it('keeps Log out on one line and the app name whole at 360 px', async () => {
    await openPage(PHONE, SUPERVISOR);
    await page.getByTestId('language-select').selectOption('th');
    const logout = page.getByTestId('logout-button');
    await expectText(logout, 'ออกจากระบบ');
    const label = await logout.locator('.mantine-Button-label').boundingBox();
    const lineHeight = Number(
      await page.evaluate(
        `parseFloat(getComputedStyle(document.querySelector('[data-testid=logout-button] .mantine-Button-label')).lineHeight)`,
      ),
    );
    expect(label?.height ?? Infinity).toBeLessThan(lineHeight * 1.5);
    const nameFits = await page.evaluate(
      `(() => { const e = document.querySelector('[data-testid=app-name]'); return e.scrollWidth <= e.clientWidth; })()`,
    );
    expect(nameFits, 'app name not cut off').toBe(true);
    await expectNoSideScroll('the Thai header');
    // The language is kept on the server: give the supervisor English back for later files.
    await page.getByTestId('language-select').selectOption('en');
    await expectHtmlLang(page, 'en');
  });
});
