import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { logIn } from './support/app.ts';
import { PHONE, saveScreenshot, useBrowser } from './support/browser.ts';

const SUPERVISOR = 'supervisor@demo.homeward.example';
/** Demo cases (src/cli/demo-people.ts): a Vietnamese name in Latin script, Chinese, Khmer. */
const LATIN_CASE = 'DEMO-0013';
const CHINESE_CASE = 'DEMO-0011';
const KHMER_CASE = 'DEMO-0003';
/** The families lib/script-fonts.ts loads on demand (Thai only with a Thai name or the Thai UI). */
const SCRIPT_FAMILIES = [
  'Noto Sans Thai',
  'Noto Sans Lao',
  'Noto Sans Khmer',
  'Noto Sans Myanmar',
  'Noto Sans Bengali',
  'Noto Sans Sinhala',
  'Noto Sans Ethiopic',
  'Noto Sans SC',
];
const SCRIPT_FONT_FILE =
  /\/assets\/noto-sans-(thai|lao|khmer|myanmar|bengali|sinhala|ethiopic|sc)-/;

const b = useBrowser();
let page: Page;
/** Every font file the page asked for, in order. */
let fontRequests: string[] = [];

async function openPage(): Promise<void> {
  page = await b.open(PHONE);
  fontRequests = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'font') {
      fontRequests.push(new URL(request.url()).pathname);
    }
  });
  await logIn(page, SUPERVISOR);
}

async function openCase(caseNumber: string): Promise<void> {
  const response = await page.request.get(`/api/cases?q=${encodeURIComponent(caseNumber)}`);
  const body = (await response.json()) as { items: { id: string; caseNumber: string }[] };
  const found = body.items.find((item) => item.caseNumber === caseNumber);
  expect(found, `demo case ${caseNumber}`).toBeDefined();
  await page.goto(`/#/cases/${found!.id}`);
  await page.getByTestId('case-details').waitFor();
  await page.waitForLoadState('networkidle');
}

/** The script families the page has `@font-face` rules for (from the lazily loaded CSS). */
async function declaredFamilies(): Promise<string[]> {
  const families = (await page.evaluate(
    `[...new Set([...document.fonts].map((face) => face.family.replace(/["']/g, '')))]`,
  )) as string[];
  return families.filter((family) => SCRIPT_FAMILIES.includes(family)).sort();
}

/** Whether a face of `family` has finished loading (its file was fetched and decoded). */
async function loaded(family: string): Promise<boolean> {
  return (await page.evaluate(
    `[...document.fonts].some((face) => face.family.replace(/["']/g, '') === ${JSON.stringify(family)} && face.status === 'loaded')`,
  )) as boolean;
}

const scriptFontFiles = () => fontRequests.filter((path) => SCRIPT_FONT_FILE.test(path));
/** Chinese slices: by far the heaviest family, fetched only for a Chinese name on the page. */
const chineseFontFiles = () => scriptFontFiles().filter((path) => path.includes('noto-sans-sc'));

describe('script fonts', () => {
  it('fetch Noto Sans SC only on the page of a Chinese name, and only a few of its slices', async () => {
    await openPage();
    await openCase(LATIN_CASE);
    expect(chineseFontFiles()).toEqual([]);

    await openCase(CHINESE_CASE);
    await expect.poll(() => loaded('Noto Sans SC')).toBe(true);
    expect(await declaredFamilies()).toContain('Noto Sans SC');
    const files = chineseFontFiles();
    expect(files.length).toBeGreaterThan(0);
    // Chinese characters only: the name's slices (numbered), in both weights, as woff2; never the
    // family's Latin slices (Noto Sans is first for those) nor the woff fallbacks.
    for (const path of files) {
      expect(path).toMatch(/\/noto-sans-sc-\d+-(400|700)-normal-[\w-]+\.woff2$/);
    }
    expect(files.length).toBeLessThanOrEqual(8);
    await saveScreenshot(page, 'phone-case-chinese-name', { fullPage: false });
  });

  it('fetch Noto Sans Khmer for a Khmer name, and not the Chinese family', async () => {
    await openPage();
    await openCase(KHMER_CASE);
    await expect.poll(() => loaded('Noto Sans Khmer')).toBe(true);
    const files = scriptFontFiles().filter((path) => path.includes('noto-sans-khmer'));
    expect(files.length).toBeGreaterThan(0);
    for (const path of files) {
      expect(path).toMatch(/\/noto-sans-khmer-khmer-(400|700)-normal-[\w-]+\.woff2$/);
    }
    expect(chineseFontFiles()).toEqual([]);
  });
});
