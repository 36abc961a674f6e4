import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

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
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport,
    baseURL,
    locale: 'en-GB',
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
