import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Operation, Platform } from '@actionday/shared';
import { type Session, TestApp } from '@actionday/server/test/test-app';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientDist } from './support/build-client.js';
import { chromiumPath, launchChromium } from './support/chromium.js';
import { signIn } from './support/pages.js';

describe.skipIf(!chromiumPath)('server-side captures in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let operation: Operation;
  let platform: Platform;
  let anna: Session;
  let bram: Session;
  let site: string;
  const pages = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      '<!doctype html><title>Flat share</title><body style="margin:0;font:24px sans-serif;background:#fde68a">' +
        '<h1 style="margin:0;padding:40px">Flat share, new girls, available 24/7</h1></body>',
    );
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
    site = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
    t = await TestApp.create({
      listen: true,
      clientDir: clientDist,
      config: {
        capture: { allow: ['127.0.0.1/32'], proxy: undefined, concurrency: 2, timeoutMs: 20_000, allowedOnly: true },
      },
    });
    let coordinator: Session;
    ({ operation, coordinator } = await t.operation({ name: 'Capture action day' }));
    anna = await t.member(operation.id, coordinator, 'investigator', 'NL', 'Anna de Vries');
    bram = await t.member(operation.id, coordinator, 'investigator', 'BE', 'Bram Peeters');
    [platform] = (
      await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, [
        { name: 'Room Ads', url: 'https://room-ads.example.org', category: 'classified_ads' },
      ])
    ).json<Platform[]>() as [Platform];
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await new Promise<void>((resolve) => pages.close(() => resolve()));
  });

  async function onPlatform(session: Session): Promise<Page> {
    const page = await signIn(browser, t.url, session, { viewport: { width: 1280, height: 1000 } });
    await page.getByRole('link', { name: 'Capture action day' }).waitFor();
    await page.goto(`${t.url}/operations/${operation.id}?platform=${platform.id}`);
    await page.waitForSelector('[data-testid="connection-status"][data-state="connected"]');
    await page.waitForSelector('[data-testid="capture-panel"]');
    return page;
  }

  it('an investigator pastes a URL and keeps working; the capture appears live for a colleague, screenshot and all', async () => {
    const annaPage = await onPlatform(anna);
    const bramPage = await onPlatform(bram);
    const form = annaPage.locator('[data-testid="capture-form"]');
    await form.locator('input[name="url"]').fill(`${site}/ad/123`);
    await form.getByRole('button', { name: 'Capture on the server' }).click();
    await annaPage.getByText('Queued. Keep working').waitFor();

    const item = bramPage.locator('[data-testid="capture-item"][data-status="done"]');
    await item.waitFor({ timeout: 40_000 });
    const shot = item.locator('[data-testid="capture-screenshot"]');
    await expect.poll(() => shot.evaluate((img: HTMLImageElement) => img.naturalWidth), { timeout: 10_000 }).toBe(1280);
    await expect(item.innerText()).resolves.toContain('Archive (WACZ)');
    await bramPage
      .locator('[data-testid="capture-panel"]')
      .screenshot({ path: '/tmp/capture-panel.png' })
      .catch(() => {});
  }, 90_000);
});
