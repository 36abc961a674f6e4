import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO, expectText, logIn } from './support/app.ts';
import { DESKTOP, PHONE, saveScreenshot, scrollWidth, useBrowser } from './support/browser.ts';

const b = useBrowser();

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

async function myUserId(page: Page): Promise<string> {
  const me = (await (await page.request.get('/api/me')).json()) as { user: { id: string } };
  return me.user.id;
}

/** The id of a demo case the caller can see, by its number. */
async function caseId(page: Page, caseNumber: string): Promise<string> {
  const response = await page.request.get(`/api/cases?q=${encodeURIComponent(caseNumber)}`);
  const body = (await response.json()) as { items: { id: string; caseNumber: string }[] };
  const found = body.items.find((item) => item.caseNumber === caseNumber);
  expect(found, `demo case ${caseNumber}`).toBeDefined();
  return found!.id;
}

async function expectNoSideScroll(page: Page, where: string): Promise<void> {
  const width = page.viewportSize()?.width ?? PHONE.width;
  expect(await scrollWidth(page), `horizontal scroll on ${where}`).toBeLessThanOrEqual(width);
}

describe('home: the day starts with what is due', () => {
  it('lists an overdue task of the caseworker on the home page', async () => {
    const page = await b.open(PHONE);
    await logIn(page, DEMO.caseworker);
    const id = await caseId(page, 'DEMO-0002');
    const title = `Call back about the shelter place ${Date.now()}`;
    await apiPost(page, `/api/cases/${id}/tasks`, {
      title,
      dueOn: '2024-01-05',
      assigneeId: await myUserId(page),
    });
    await page.goto('/');
    const overdue = page.getByTestId('home-overdue');
    await expectText(overdue, title);
    await expectText(overdue, 'DEMO-0002');
    await page.getByTestId('home-caseload').waitFor();
    await page.getByTestId('home-recent').waitFor();
    await expectNoSideScroll(page, 'home');
    await saveScreenshot(page, 'home-lists-phone-home');
    const desktop = await b.open(DESKTOP);
    await logIn(desktop, DEMO.caseworker);
    await expectText(desktop.getByTestId('home-overdue'), title);
    await saveScreenshot(desktop, 'home-lists-desktop-home');
  });
});

describe('risk is not falsely reassuring', () => {
  it('a person registered a moment ago shows re-trafficking risk "not assessed", once', async () => {
    const page = await b.open(PHONE);
    await logIn(page, DEMO.caseworker);
    const created = await apiPost<{ id: string }>(page, '/api/cases', {
      identities: [{ given: 'Fresh', family: 'Registration', script: 'Latn' }],
    });
    await page.goto(`/#/cases/${created.id}`);
    const badge = page.getByTestId('retrafficking-badge').first();
    await expectText(badge, 'Re-trafficking risk: not assessed');
    expect(await badge.getAttribute('data-level')).toBe('not_assessed');
    // One risk indicator: no second "Risk: not assessed" beside it.
    expect(await page.getByTestId('risk-badge').count()).toBe(0);
    await expectText(page.getByTestId('risk-explanation'), /not been assessed/);
  });
});

describe('lists fit a phone', () => {
  it('the case list shows its first person above the fold at 360 px, with a total', async () => {
    const page = await b.open(PHONE);
    await logIn(page, DEMO.caseworker);
    await page.goto('/#/cases');
    const first = page.getByTestId('case-row').first();
    await first.waitFor();
    const box = await first.boundingBox();
    expect(box, 'first row').not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height);
    // Compact: a row is two lines, not a card of seven.
    expect(box!.height).toBeLessThan(130);
    await expectText(page.getByTestId('cases-total'), /^25 of \d+/);
    // The default "open" status is not an active filter.
    await expectText(page.getByTestId('filters-toggle'), /^Filters$/);
    await expectNoSideScroll(page, 'the case list');
    await saveScreenshot(page, 'home-lists-phone-cases', { fullPage: false });
    // Sort is with the filters, folded on a phone.
    await page.getByTestId('filters-toggle').click();
    await page.getByLabel('Sort by', { exact: true }).selectOption('name');
    await expect
      .poll(async () => (await page.getByTestId('case-row').first().textContent()) ?? '')
      .not.toBe((await first.textContent()) ?? '');

    const desktop = await b.open(DESKTOP);
    await logIn(desktop, DEMO.caseworker);
    await desktop.goto('/#/cases');
    await desktop.getByTestId('case-row').first().waitFor();
    await expectText(desktop.getByTestId('cases-total'), /^25 of \d+/);
    await saveScreenshot(desktop, 'home-lists-desktop-cases', { fullPage: false });
  });

  it('finds a person by part of the case number', async () => {
    const page = await b.open(PHONE);
    await logIn(page, DEMO.caseworker);
    await page.goto('/#/cases');
    await page.getByRole('searchbox', { name: 'Search' }).fill('0001');
    // DEMO-0001, and any number registered here that holds 0001 (2026-00001), nothing else.
    await expect
      .poll(async () => page.getByTestId('case-row').allTextContents())
      .toContainEqual(expect.stringContaining('DEMO-0001'));
    const rows = await page.getByTestId('case-row').allTextContents();
    expect(rows.every((row) => row.includes('0001'))).toBe(true);
  });
});

describe('no stale screens', () => {
  it('adding a journey event shows the new stage in the header and overview without a reload', async () => {
    const page = await b.open(PHONE);
    await logIn(page, DEMO.caseworker);
    const created = await apiPost<{ id: string }>(page, '/api/cases', {
      identities: [{ given: 'Stage', family: 'Refresh', script: 'Latn' }],
    });
    await page.goto(`/#/cases/${created.id}/journey`);
    const stage = page.getByTestId('case-stage');
    await stage.waitFor();
    expect(await stage.textContent()).not.toContain('Protection');
    const form = page.getByTestId('add-event-form');
    await form.getByLabel('Stage', { exact: true }).selectOption('protection');
    await form.getByRole('button', { name: 'Add event', exact: true }).click();
    await expectText(stage, 'Protection');
    await page.getByRole('tab', { name: 'Overview' }).click();
    await expectText(page.getByTestId('case-details'), 'Protection');
  });
});

describe('my tasks', () => {
  it('groups tasks by due date with the person, edits a task and asks before a past due date', async () => {
    const page = await b.open(PHONE);
    await logIn(page, DEMO.caseworker);
    const id = await caseId(page, 'DEMO-0004');
    const title = `Book the interpreter ${Date.now()}`;
    await apiPost(page, `/api/cases/${id}/tasks`, {
      title,
      dueOn: '2999-01-01',
      assigneeId: await myUserId(page),
    });
    await page.goto('/#/tasks');
    const item = page.getByTestId('task-item').filter({ hasText: title });
    await item.waitFor();
    // Grouped by due date, then by person: the person (and case number) heads their tasks.
    const group = page.getByTestId('task-group').filter({ hasText: title });
    await expectText(group, 'Due later');
    await expectText(group, 'DEMO-0004');
    await saveScreenshot(page, 'home-lists-phone-tasks');

    await item.getByRole('button', { name: `Edit: ${title}` }).click();
    const edit = page.getByTestId('task-edit-form');
    await edit.getByLabel('Due date', { exact: true }).fill('2020-02-02');
    await edit.getByRole('button', { name: 'Save task', exact: true }).click();
    // A date in the past is asked about first.
    const confirm = page.getByRole('dialog');
    await expectText(confirm, /in the past/);
    await confirm.getByRole('button', { name: 'Keep this date', exact: true }).click();
    await expectText(page.getByTestId('tasks-status'), /Saved/);
    await expectText(page.getByTestId('task-item').filter({ hasText: title }), 'Overdue');

    const desktop = await b.open(DESKTOP);
    await logIn(desktop, DEMO.caseworker);
    await desktop.goto('/#/tasks');
    await desktop.getByTestId('task-item').first().waitFor();
    await saveScreenshot(desktop, 'home-lists-desktop-tasks');
  });
});
