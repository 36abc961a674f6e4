import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { createMember, submitLoginAs, type Member } from './support/accounts.ts';
import { DEMO, expectHtmlLang, expectText, logIn } from './support/app.ts';
import { DESKTOP, PHONE, saveScreenshot, useBrowser } from './support/browser.ts';

/**
 * Issue 9, items 3 and 12: nothing leaks from the screen (tab titles, the device's storage after
 * logout and idle logout), preferences kept on the server, six more languages, one calendar per
 * user, a readable audit log. Each test that changes preferences uses a member of its own, so no
 * demo account another file logs in with changes language or calendar.
 */
const b = useBrowser();
const GIVEN_LABEL = /^Given name/;
const baseUrl = inject('baseUrl');

/** The self-hosted font each non-Latin UI language needs (Vietnamese is in Noto Sans). */
const SCRIPT_FONT: Partial<Record<string, [string, string]>> = {
  km: ['Noto Sans Khmer', 'ខ្មែរ'],
  my: ['Noto Sans Myanmar', 'မြန်မာ'],
  bn: ['Noto Sans Bengali', 'বাংলা'],
};

const NEW_LANGUAGES = [
  ['km', 'ខ្មែរ'],
  ['my', 'မြန်မာ'],
  ['vi', 'Tiếng Việt'],
  ['id', 'Bahasa Indonesia'],
  ['bn', 'বাংলা'],
  ['sw', 'Kiswahili'],
] as const;

async function csrf(page: Page): Promise<string> {
  const me = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
  return me.csrfToken;
}

/** Registers a person through the API with the page's session; resolves with id and number. */
async function registerPerson(
  page: Page,
  fields: { given: string; family: string; birthYear?: number; exitDate?: string },
): Promise<{ id: string; caseNumber: string }> {
  const response = await page.request.post('/api/cases', {
    headers: { 'x-csrf-token': await csrf(page), origin: new URL(page.url()).origin },
    data: {
      identities: [{ given: fields.given, family: fields.family }],
      birthYear: fields.birthYear,
      exitDate: fields.exitDate,
      nationality: 'MMR',
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; caseNumber: string };
}

async function newMember(label: string): Promise<Member> {
  return createMember(b.context.browser()!, baseUrl, label);
}

async function logInAs(page: Page, member: Member): Promise<void> {
  await submitLoginAs(page, member.email, member.password);
  await page.getByTestId('home-organisation').waitFor();
}

/** Everything the app left in the browser's storage for this origin. */
async function storedItems(page: Page): Promise<{ local: string[]; session: string[] }> {
  return (await page.evaluate(
    '({ local: Object.keys(localStorage), session: Object.keys(sessionStorage) })',
  )) as { local: string[]; session: string[] };
}

/** Text nodes that are an i18next key (`cases.fields.name`): a missing translation shown raw. */
async function rawKeys(page: Page): Promise<string[]> {
  return (await page.evaluate(`(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const found = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      if (/^[a-z][a-zA-Z0-9]*(\\.[a-zA-Z0-9_]+)+$/.test(text)) found.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label],[placeholder],[title]')) {
      for (const name of ['aria-label', 'placeholder', 'title']) {
        const value = (el.getAttribute(name) || '').trim();
        if (/^[a-z][a-zA-Z0-9]*(\\.[a-zA-Z0-9_]+)+$/.test(value)) found.push(value);
      }
    }
    return found;
  })()`)) as string[];
}

async function hideNamesSwitch(page: Page) {
  await page.goto('/#/cases');
  const toggle = page.getByTestId('hide-names');
  await toggle.waitFor();
  return toggle;
}

describe('nothing leaks from the screen', () => {
  it('titles a case page with its number only, with and without Hide names', async () => {
    const page = await b.open(PHONE);
    const member = await newMember('title');
    await logInAs(page, member);
    const family = `Titlecheck${randomBytes(3).toString('hex')}`;
    const person = await registerPerson(page, { given: 'Aung', family });
    for (const hide of [false, true]) {
      const toggle = await hideNamesSwitch(page);
      if ((await toggle.isChecked()) !== hide) {
        await toggle.click({ force: true });
      }
      await page.goto(`/#/cases/${person.id}`);
      await page.getByTestId('case-number').waitFor();
      await expect.poll(() => page.title()).toContain(person.caseNumber);
      const title = await page.title();
      expect(title, `hide names ${String(hide)}`).not.toContain(family);
      expect(title).not.toContain('Aung');
      await page.goto(`/#/cases/${person.id}/notes`);
      await expect.poll(() => page.title()).toContain(person.caseNumber);
      expect(await page.title()).not.toContain(family);
    }
  });

  it('leaves nothing in localStorage or sessionStorage after logout', async () => {
    const page = await b.open(PHONE);
    const member = await newMember('logout');
    await logInAs(page, member);
    await (await hideNamesSwitch(page)).click({ force: true });
    await page.goto('/#/cases/new');
    await page.getByLabel(GIVEN_LABEL).first().fill('Mya Mya Storage');
    await page.getByTestId('language-select').selectOption('th');
    await expectHtmlLang(page, 'th');
    await page.getByTestId('logout-button').click();
    await page.locator('input[type="email"]').waitFor();
    expect(await storedItems(page)).toEqual({ local: [], session: [] });
    // The login page is in the language that was chosen, taken from the server, not the device.
    await expectHtmlLang(page, 'th');
  });

  it('leaves nothing in the browser after the idle logout', async () => {
    const page = await b.open(PHONE);
    await page.clock.install();
    const member = await newMember('idle');
    await logInAs(page, member);
    await (await hideNamesSwitch(page)).click({ force: true });
    await page.goto('/#/cases/new');
    await page.getByLabel(GIVEN_LABEL).first().fill('Idle Storage Name');
    await page.clock.fastForward('16:00');
    await expectText(page.getByTestId('login-status'), /15 minutes/);
    expect(await storedItems(page)).toEqual({ local: [], session: [] });
  });

  it('keeps Hide names across logout and on another device (it is on the server)', async () => {
    const page = await b.open(PHONE);
    const member = await newMember('hide');
    await logInAs(page, member);
    const toggle = await hideNamesSwitch(page);
    expect(await toggle.isChecked()).toBe(false);
    await toggle.click({ force: true });
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await page.getByTestId('logout-button').click();
    await page.locator('input[type="email"]').waitFor();
    const other = await b.open(DESKTOP);
    await logInAs(other, member);
    expect(await (await hideNamesSwitch(other)).isChecked()).toBe(true);
  });
});

describe('languages and formats', () => {
  it('names each language in itself and marks the drafted ones', async () => {
    const page = await b.open(PHONE);
    await page.goto('/');
    const select = page.getByTestId('language-select');
    await select.waitFor();
    const labels = await select.locator('option').allTextContents();
    expect(labels[0]).toBe('English');
    expect(labels[1]).toBe('ไทย');
    for (const [code, name] of NEW_LANGUAGES) {
      const option = select.locator(`option[value="${code}"]`);
      expect(await option.getAttribute('lang')).toBe(code);
      expect(await option.textContent()).toContain(name);
      expect(await option.textContent()).toMatch(/draft translation/);
    }
  });

  it.each(NEW_LANGUAGES)('renders home and a case page in %s without raw keys', async (code) => {
    const page = await b.open(PHONE);
    const member = await newMember(`lang-${code}`);
    await logInAs(page, member);
    const person = await registerPerson(page, {
      given: 'Lin',
      family: `Lang${code}`,
      birthYear: 1994,
      exitDate: '2025-02-14',
    });
    await page.getByTestId('language-select').selectOption(code);
    await expectHtmlLang(page, code);
    await page.goto('/');
    await page.getByTestId('home-organisation').waitFor();
    await expectHtmlLang(page, code);
    expect(await rawKeys(page), `home in ${code}`).toEqual([]);
    await page.goto(`/#/cases/${person.id}`);
    await page.getByTestId('case-details').waitFor();
    expect(await rawKeys(page), `case page in ${code}`).toEqual([]);
    // Countries by name, never by ISO code.
    await expect
      .poll(async () => page.getByTestId('case-details').innerText())
      .not.toMatch(/\bMMR\b/);
    const font = SCRIPT_FONT[code];
    if (font) {
      // The UI text is drawn in the language's own font, not as empty boxes.
      const [family, sample] = font;
      const loaded = `document.fonts.ready.then(() => [...document.fonts].some((f) =>
        f.family.replace(/"/g, '') === '${family}' && f.status === 'loaded')
        && document.fonts.check('16px "${family}"', '${sample}'))`;
      await expect.poll(() => page.evaluate(loaded)).toBe(true);
      const stack = await page.evaluate('getComputedStyle(document.body).fontFamily');
      expect(String(stack)).toContain(family);
    }
    await saveScreenshot(page, `languages-${code}-case`, { fullPage: false });
    // The choice is on the server: a fresh device opens in it after login.
    const other = await b.open(DESKTOP);
    await logInAs(other, member);
    await expectHtmlLang(other, code);
  });

  it('shows a Thai user one calendar everywhere, and Gregorian when chosen', async () => {
    const page = await b.open(PHONE);
    const member = await newMember('calendar');
    await logInAs(page, member);
    const person = await registerPerson(page, {
      given: 'Somchai',
      family: 'Calendar',
      birthYear: 1990,
      exitDate: '2025-03-10',
    });
    await page.getByTestId('language-select').selectOption('th');
    await expectHtmlLang(page, 'th');
    await page.goto(`/#/cases/${person.id}`);
    const details = page.getByTestId('case-details');
    await details.waitFor();
    // Buddhist era: 1990 is 2533, 2025 is 2568; no Gregorian year beside them.
    await expectText(details, /2533/);
    await expectText(details, /2568/);
    const text = await details.innerText();
    expect(text).not.toMatch(/1990|2025/);
    await saveScreenshot(page, 'languages-thai-calendar', { fullPage: false });
    // The birth year is typed in the same calendar: the edit form shows 2533, labelled B.E.
    await page.getByTestId('edit-details').click();
    const edit = page.getByTestId('case-edit-form');
    expect(await edit.getByLabel('ปีเกิด (พ.ศ.)').inputValue()).toBe('2533');
    await page.goto(`/#/cases/${person.id}`);

    await page.goto('/#/security');
    await page.getByTestId('calendar-select').selectOption('gregory');
    await page.goto(`/#/cases/${person.id}`);
    await details.waitFor();
    await expectText(details, /1990/);
    await expectText(details, /2025/);
    expect(await details.innerText()).not.toMatch(/2533|2568/);

    // Back to "the language's usual calendar": the choice is forgotten, Thai is Buddhist again.
    await page.goto('/#/security');
    await page.getByTestId('calendar-select').selectOption('');
    await expect
      .poll(
        async () =>
          ((await (await page.request.get('/api/me')).json()) as { preferences: object })
            .preferences,
      )
      .not.toHaveProperty('calendar');
    await page.goto(`/#/cases/${person.id}`);
    await details.waitFor();
    await expectText(details, /2533/);
    expect(await details.innerText()).not.toMatch(/1990/);
  });

  it('shows the audit log with readable actions and case numbers, no ids or codes', async () => {
    const page = await b.open(DESKTOP);
    await logIn(page, DEMO.admin);
    await page.goto('/#/audit');
    const table = page.getByTestId('audit-table');
    await table.locator('[data-testid="audit-row"]').first().waitFor();
    const events = (await (await page.request.get('/api/audit?limit=50')).json()) as {
      items: { action: string; entityType: string | null; entityLabel: string | null }[];
    };
    const text = await table.innerText();
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    for (const event of events.items) {
      expect(text, event.action).not.toContain(event.action);
    }
    // Cases by number (and members, tokens by name) where the server could name them.
    const labelled = events.items.filter((event) => event.entityLabel !== null);
    expect(labelled.some((event) => event.entityType === 'case')).toBe(true);
    for (const event of labelled) {
      expect(text).toContain(event.entityLabel);
    }
    await saveScreenshot(page, 'languages-audit-desktop', { fullPage: false });
  });
});
