import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';

const ROOT = new URL('../../..', import.meta.url).pathname;
/** Screenshots land here (gitignored), so a failing or suspicious run can be looked at. */
export const RESULTS_DIR = join(ROOT, 'test-results');

export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export const PHONE = { width: 360, height: 740 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;
export type Viewport = { width: number; height: number };

/** Debian's Chromium, headless. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** A fresh context (own cookies and storage) in English, at the given viewport. */
export async function newContext(
  browser: Browser,
  viewport: Viewport,
  baseURL: string,
  locale = 'en-GB',
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport,
    baseURL,
    locale,
    isMobile: false,
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(15_000);
  return context;
}

/** Runs axe (WCAG 2.1 A and AA) on the page and throws with a readable list on violations. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  if (results.violations.length === 0) {
    return;
  }
  const lines = results.violations.map((violation) => {
    const targets = violation.nodes
      .slice(0, 5)
      .map(
        (node) =>
          `      ${node.target.join(' ')}\n        ${(node.failureSummary ?? '').replace(/\n/g, '\n        ')}`,
      )
      .join('\n');
    const more =
      violation.nodes.length > 5 ? `\n      … and ${violation.nodes.length - 5} more` : '';
    return `  [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help}\n${targets}${more}`;
  });
  throw new Error(
    `axe found ${results.violations.length} violation(s) on ${label}:\n${lines.join('\n')}`,
  );
}

/**
 * Saves a screenshot as test-results/<name>.png and returns its path: the whole page by default,
 * only the viewport with `{ fullPage: false }` (long lists make unreadable full-page images).
 */
export async function saveScreenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = name.replace(/[^a-z0-9._-]+/gi, '-').slice(0, 100);
  const path = join(RESULTS_DIR, `${file}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? true });
  return path;
}

/** Width of the scrolling content; more than the viewport means the page scrolls sideways. */
export async function scrollWidth(page: Page): Promise<number> {
  // A string, not a function: the Node tsconfig has no DOM types.
  return Number(
    await page.evaluate('(document.scrollingElement ?? document.documentElement).scrollWidth'),
  );
}

/** What `useBrowser()` hands a test file: one browser for the file, one context per test. */
export interface BrowserFixture {
  /** The file's browser, for helpers that open contexts of their own (API logins). */
  readonly browser: Browser;
  /** The address of the server under test. */
  readonly baseUrl: string;
  /** The page of the current test (after `open`). */
  readonly page: Page;
  /** The context of the current test (after `open`). */
  readonly context: BrowserContext;
  /** Opens a fresh context (own cookies and storage) and page at the viewport. */
  open(viewport: Viewport, options?: { locale?: string }): Promise<Page>;
}

/**
 * The e2e set-up every file shares: launches Chromium before the file, gives each test a fresh
 * context through `open`, saves a screenshot of a failing test and closes the context after it.
 */
export function useBrowser(): BrowserFixture {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  const baseUrl = inject('baseUrl');
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page) {
      // With the suite names, so the same test at two sizes (describe.each) keeps both images.
      await saveScreenshot(page, `failed-${task.fullTestName ?? task.name}`).catch(() => undefined);
    }
    await context?.close();
    context = undefined;
    page = undefined;
  });
  return {
    get browser() {
      if (!browser) {
        throw new Error('useBrowser: the browser is not running');
      }
      return browser;
    },
    baseUrl,
    get page() {
      if (!page) {
        throw new Error('useBrowser: call open() first');
      }
      return page;
    },
    get context() {
      if (!context) {
        throw new Error('useBrowser: call open() first');
      }
      return context;
    },
    async open(viewport, options = {}) {
      if (!browser) {
        throw new Error('useBrowser: the browser is not running');
      }
      await context?.close();
      context = await newContext(browser, viewport, baseUrl, options.locale);
      page = await context.newPage();
      return page;
    },
  };
}
