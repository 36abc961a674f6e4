import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { logIn } from './support/app.ts';
import { PHONE, useBrowser } from './support/browser.ts';

/** File uploads on the case page's Notes and files tab. */
const SUPERVISOR = 'supervisor@demo.homeward.example';
const b = useBrowser();

async function caseId(page: Page, caseNumber: string): Promise<string> {
  const response = await page.request.get(`/api/cases?q=${encodeURIComponent(caseNumber)}`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { items: { id: string; caseNumber: string }[] };
  const found = body.items.find((item) => item.caseNumber === caseNumber);
  expect(found, `demo case ${caseNumber}`).toBeDefined();
  return found!.id;
}

describe('file upload at 360 px', () => {
  it('names the upload progress bar after the file being uploaded', async () => {
    const page = await b.open(PHONE);
    await logIn(page, SUPERVISOR);
    const id = await caseId(page, 'DEMO-0034');
    // Hold the upload until the bar has been read, as on a slow link.
    let release: () => void = () => undefined;
    const held = new Promise<void>((done) => (release = done));
    await page.route(`**/api/cases/${id}/attachments**`, async (route) => {
      if (route.request().method() !== 'POST') {
        return route.continue();
      }
      await held;
      return route.continue();
    });
    await page.goto(`/#/cases/${id}/notes`);
    await page.getByTestId('case-number').waitFor();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Upload a file', exact: true }).click();
    await (
      await chooser
    ).setFiles({
      name: 'statement.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
    const bar = page.getByRole('progressbar', { name: /statement\.pdf/ });
    // Attached, not visible: at 0 % the bar has no width yet.
    await bar.waitFor({ state: 'attached' });
    release();
  });
});
