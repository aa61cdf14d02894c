import type { Operation, Platform } from '@actionday/shared';
import { type Session, TestApp } from '@actionday/server/test/test-app';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientDist } from './support/build-client.js';
import { chromiumPath, launchChromium } from './support/chromium.js';
import { openOperation, signIn } from './support/pages.js';

describe.skipIf(!chromiumPath)('the platform board in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let operation: Operation;
  let coordinator: Session;
  let anna: Session;
  let bram: Session;
  let target: Platform;

  beforeAll(async () => {
    t = await TestApp.create({ listen: true, clientDir: clientDist });
    ({ operation, coordinator } = await t.operation({ name: 'Browser action day' }));
    anna = await t.member(operation.id, coordinator, 'investigator', 'NL', 'Anna de Vries');
    bram = await t.member(operation.id, coordinator, 'investigator', 'BE', 'Bram Peeters');
    const created = await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, [
      { name: 'Lonely Hearts Club', url: 'https://lonely-hearts.example.org', category: 'dating', tags: ['ukraine'] },
      { name: 'Quick Jobs Board', url: 'https://quick-jobs.example.org', category: 'classified_ads' },
    ]);
    target = created.json<Platform[]>()[0] as Platform;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedInPage(session: Session): Promise<Page> {
    const page = await signIn(browser, t.url, session);
    await openOperation(page, 'Browser action day');
    await page.waitForSelector(`[data-testid="platform-row"][data-platform-id="${target.id}"]`);
    return page;
  }

  it('an investigator signs in, opens the operation, and sees a claim made by another investigator appear without reload', async () => {
    const bramPage = await signedInPage(bram);
    const row = bramPage.locator(`[data-testid="platform-row"][data-platform-id="${target.id}"]`);
    await expect(row.getAttribute('data-status')).resolves.toBe('unchecked');
    let reloaded = false;
    bramPage.on('load', () => {
      reloaded = true;
    });

    const annaPage = await signedInPage(anna);
    await annaPage
      .locator(`[data-testid="platform-row"][data-platform-id="${target.id}"] [data-testid="claim-button"]`)
      .click();
    await annaPage.waitForSelector(
      `[data-testid="platform-row"][data-platform-id="${target.id}"][data-status="claimed"]`,
    );

    await bramPage.waitForSelector(
      `[data-testid="platform-row"][data-platform-id="${target.id}"][data-status="claimed"]`,
      { timeout: 5000 },
    );
    await expect(row.locator('[data-testid="claimant"]').innerText()).resolves.toContain('Anna de Vries');
    await expect(row.locator('[data-testid="claim-button"]').count()).resolves.toBe(0);
    expect(reloaded).toBe(false);
  });
});
