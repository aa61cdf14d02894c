import type { Operation, Platform } from '@actionday/shared';
import { type Session, TestApp } from '@actionday/server/test/test-app';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientDist } from './support/build-client.js';
import { chromiumPath, launchChromium } from './support/chromium.js';
import { signIn } from './support/pages.js';

describe.skipIf(!chromiumPath)('the after-action report in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let operation: Operation;
  let coordinator: Session;

  beforeAll(async () => {
    t = await TestApp.create({ listen: true, clientDir: clientDist });
    ({ operation, coordinator } = await t.operation({
      name: 'Report action day',
      focusTags: ['ukraine'],
      focusNationalities: ['UA'],
    }));
    const anna = await t.member(operation.id, coordinator, 'investigator', 'NL', 'Anna de Vries');
    const platforms = (
      await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, [
        { name: 'Lonely Hearts Club', url: 'https://lonely-hearts.example.org', category: 'dating', tags: ['ukraine'] },
        { name: 'Quick Jobs Board', url: 'https://quick-jobs.example.org', category: 'classified_ads' },
      ])
    ).json<Platform[]>();
    for (const [i, platform] of platforms.entries()) {
      await t.request(anna, 'POST', `/api/platforms/${platform.id}/claim`);
      await t.request(anna, 'POST', `/api/platforms/${platform.id}/verdict`, {
        verdict: i === 0 ? 'confirmed' : 'no_indicators',
        followUp: i === 0,
      });
    }
    await t.request(anna, 'POST', `/api/operations/${operation.id}/findings`, {
      kind: 'victim',
      platformId: platforms[0]?.id,
      nationality: 'UA',
      exploitation: 'sexual',
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedInPage(session: Session): Promise<Page> {
    const page = await signIn(browser, t.url, session, { viewport: { width: 1280, height: 900 } });
    await page.getByRole('link', { name: 'Report action day' }).click();
    return page;
  }

  it('a coordinator opens the report from the operation page, sees the statement, and downloads the PDF', async () => {
    const page = await signedInPage(coordinator);
    await page.click('[data-testid="report-link"]');
    await page.waitForURL(`**/operations/${operation.id}/report`);
    const statement = page.locator('[data-testid="statement"]');
    await statement.waitFor();
    await expect(statement.innerText()).resolves.toContain(
      '2 online platforms monitored, of which 1 related to the Ukraine focus;',
    );
    await expect(statement.innerText()).resolves.toContain(
      '1 possible victim found, of whom 1 related to the Ukraine focus; 1 nationals of Ukraine;',
    );
    await expect(page.locator('[data-testid="report"]').getAttribute('data-provisional')).resolves.toBe('true');
    await expect(page.locator('[data-testid="leads"]').innerText()).resolves.toContain('Lonely Hearts Club');
    await expect(page.locator('[data-testid="packages"] [data-testid="package-NL"]').count()).resolves.toBe(1);

    // the Dutch statement, on the same page
    await page.getByLabel('Nederlands').check();
    await expect(statement.innerText()).resolves.toContain(
      '2 online platforms gemonitord, waarvan 1 in verband met de focus op Oekraïne;',
    );

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.click('[data-testid="download-pdf"]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    await page.waitForSelector('[data-testid="download-status"]:has-text("PDF")');
    if (process.env.REPORT_SCREENSHOT) await page.screenshot({ path: process.env.REPORT_SCREENSHOT, fullPage: true });
  });
});
