import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO, expectText, logIn } from './support/app.ts';
import { PHONE, saveScreenshot, scrollWidth, useBrowser } from './support/browser.ts';

/**
 * Nothing typed is lost (issue 9, item 2): drafts kept as the person types, on the server
 * (`/api/drafts`), restored after a tab switch or a reload, kept in the page while offline and
 * saved when the connection returns; nothing of them in the browser's storage.
 */
const b = useBrowser();
const POLL = { timeout: 15_000, interval: 100 };

/** A write through the API with the page's own session (CSRF token from /api/me). */
async function apiPost<T>(page: Page, url: string, data: unknown): Promise<T> {
  const me = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
  const response = await page.request.post(url, {
    headers: { 'x-csrf-token': me.csrfToken, origin: new URL(page.url()).origin },
    data,
  });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return (await response.json()) as T;
}

/** A new person registered by the caseworker (so assigned to them): a case no other test uses. */
async function freshCase(page: Page): Promise<string> {
  const created = await apiPost<{ id: string }>(page, '/api/cases', {
    identities: [{ given: 'Draft', family: `Person${Date.now()}`, script: 'Latn' }],
  });
  return created.id;
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
}

const draftStatus = (page: Page, index = 0) =>
  page.getByTestId('draft-notice').nth(index).getAttribute('data-draft-status');

describe('drafts: nothing typed is lost', () => {
  it('a note typed survives a tab switch and a reload', async () => {
    const page = await b.open(PHONE);
    await logIn(page, DEMO.caseworker);
    const id = await freshCase(page);
    await page.goto(`/#/cases/${id}/notes`);
    const text = `Afraid of the recruiter, wants a call on Tuesdays ${Date.now()}`;
    const note = page.getByLabel('Note', { exact: true });
    await note.fill(text);
    await openTab(page, 'Tasks');
    await openTab(page, 'Notes and files');
    expect(await note.inputValue()).toBe(text);
    await expect.poll(() => draftStatus(page), POLL).toBe('saved');
    await expectText(page.getByTestId('draft-notice'), 'Draft saved');
    await page.reload();
    await expect.poll(() => note.inputValue(), POLL).toBe(text);
    await page.getByTestId('draft-notice').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'drafts-note-restored-phone', { fullPage: false });
    // Adding the note deletes the draft: the form is empty after another reload.
    await page.getByRole('button', { name: 'Add note' }).click();
    await expectText(page.getByTestId('note-item'), text);
    expect(await note.inputValue()).toBe('');
    await page.reload();
    await expectText(page.getByTestId('note-item'), text);
    expect(await note.inputValue()).toBe('');
  });

  it('needs changes survive a tab switch, and the badge shows the saved level until saved', async () => {
    const page = await b.open(PHONE);
    await logIn(page, DEMO.caseworker);
    const id = await freshCase(page);
    await page.goto(`/#/cases/${id}/assessment`);
    const safety = page.locator('[data-domain="safety"]');
    await safety.getByLabel('Level of need').selectOption('high');
    await safety.getByLabel('Goals').fill('A safe place to sleep tonight');
    // Not saved yet: the badge keeps the saved level and the change is marked.
    await expectText(safety.getByTestId('need-saved-level'), 'Not known');
    await expectText(safety, 'Changed, not saved yet');
    await openTab(page, 'Journey');
    await openTab(page, 'Assessment and plan');
    expect(await safety.getByLabel('Level of need').inputValue()).toBe('high');
    expect(await safety.getByLabel('Goals').inputValue()).toBe('A safe place to sleep tonight');
    expect(await page.getByRole('button', { name: /^Save/ }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Save Safety' }).count()).toBe(0);
    await safety.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'drafts-needs-unsaved-phone', { fullPage: false });
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await page.getByRole('button', { name: 'Save the needs assessment' }).click();
    await expectText(safety.getByTestId('need-saved-level'), 'High');
    await page.reload();
    await expectText(
      page.locator('[data-domain="safety"]').getByTestId('need-saved-level'),
      'High',
    );
  });

  it('the edit form asks before closing with changes', async () => {
    const page = await b.open(PHONE);
    await logIn(page, DEMO.caseworker);
    const id = await freshCase(page);
    await page.goto(`/#/cases/${id}`);
    await page.getByTestId('edit-details').click();
    const form = page.getByTestId('case-edit-form');
    await form.getByLabel('Estimated age').fill('24');
    await form.getByRole('button', { name: 'Cancel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Discard your changes?' });
    await dialog.waitFor();
    await saveScreenshot(page, 'drafts-edit-discard-phone', { fullPage: false });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await form.getByLabel('Estimated age').inputValue()).toBe('24');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await page
      .getByRole('dialog', { name: 'Discard your changes?' })
      .getByRole('button', { name: 'Discard' })
      .click();
    await page.getByTestId('edit-details').waitFor();
    expect(await page.getByTestId('case-edit-form').count()).toBe(0);
  });

  it('an edit draft restored over a record changed since keeps the other change', async () => {
    const page = await b.open(PHONE);
    await logIn(page, DEMO.caseworker);
    const id = await freshCase(page);
    await page.goto(`/#/cases/${id}`);
    await page.getByTestId('edit-details').click();
    const form = page.getByTestId('case-edit-form');
    await form.getByLabel('Estimated age').fill('24');
    await expect.poll(() => draftStatus(page), POLL).toBe('saved');

    // Meanwhile the record changes elsewhere (a colleague, another tab): a birth year is added.
    const me = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
    const current = (await (await page.request.get(`/api/cases/${id}`)).json()) as {
      version: number;
    };
    const edited = await page.request.patch(`/api/cases/${id}`, {
      headers: { 'x-csrf-token': me.csrfToken, origin: new URL(page.url()).origin },
      data: { birthYear: 1999, version: current.version },
    });
    expect(edited.status(), await edited.text()).toBe(200);

    await page.reload();
    await page.getByTestId('edit-details').click();
    await expect.poll(() => form.getByLabel('Estimated age').inputValue(), POLL).toBe('24');
    expect(await form.getByLabel('Birth year').inputValue()).toBe('1999');
  });

  it('after logout nothing containing a typed name remains in localStorage or sessionStorage', async () => {
    const page = await b.open(PHONE);
    await logIn(page, DEMO.caseworker);
    await page.goto('/#/cases/new');
    const name = `Thiri${Date.now()}`;
    await page.getByLabel('Given name', { exact: true }).fill(name);
    const stored = () =>
      page.evaluate(
        `JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])`,
      ) as Promise<string>;
    // Wait until the draft is kept somewhere: on the server ("saved"), or (before drafts went
    // to the server) in the browser's storage, which the next line refuses.
    const saved = async () =>
      (await page.getByTestId('draft-notice').count()) > 0 && (await draftStatus(page)) === 'saved';
    await expect
      .poll(async () => (await stored()).includes(name) || (await saved()), POLL)
      .toBe(true);
    expect(await stored()).not.toContain(name);
    await page.getByTestId('logout-button').click();
    await page.getByLabel('Email', { exact: true }).waitFor();
    // Logging out reloads the page: read the storage once the new page answers.
    let after: string | null = null;
    await expect.poll(async () => (after = await stored().catch(() => null)), POLL).not.toBeNull();
    expect(after).not.toContain(name);
    // The draft is on the server, for this user only: it comes back after logging in again.
    await logIn(page, DEMO.caseworker);
    await page.goto('/#/cases/new');
    await expect
      .poll(() => page.getByLabel('Given name', { exact: true }).inputValue(), POLL)
      .toBe(name);
  });

  it('offline: the banner keeps the text, and it is saved when the connection returns', async () => {
    const page = await b.open(PHONE);
    await logIn(page, DEMO.caseworker);
    const id = await freshCase(page);
    await page.goto(`/#/cases/${id}/notes`);
    const note = page.getByLabel('Note', { exact: true });
    await note.waitFor();
    await b.context.setOffline(true);
    const text = `Typed at the border post without signal ${Date.now()}`;
    await note.fill(text);
    const banner = page.getByTestId('offline-banner');
    await expectText(
      banner,
      'You are offline — what you typed is kept on this page and saved when the connection returns.',
    );
    await openTab(page, 'Tasks');
    await openTab(page, 'Notes and files');
    expect(await note.inputValue()).toBe(text);
    await banner.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'drafts-offline-phone', { fullPage: false });

    // Logging out would wipe the page's memory: it asks first, and staying keeps the text.
    await page.getByTestId('logout-button').click();
    const dialog = page.getByRole('dialog', { name: 'Not everything you typed is saved' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await note.inputValue()).toBe(text);

    await b.context.setOffline(false);
    await expect.poll(() => draftStatus(page), POLL).toBe('saved');
    expect(await banner.count()).toBe(0);
    const draft = await page.request.get(`/api/drafts/${encodeURIComponent(`case:${id}:note`)}`);
    expect(draft.status()).toBe(200);
    expect(((await draft.json()) as { data: { body: string } }).data.body).toBe(text);
  });
});
