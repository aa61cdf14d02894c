import type { Operation, Platform } from '@actionday/shared';
import { type Session, TestApp } from '@actionday/server/test/test-app';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientDist } from './support/build-client.js';
import { chromiumPath, launchChromium } from './support/chromium.js';
import { openOperation, signIn } from './support/pages.js';

describe.skipIf(!chromiumPath)('a smuggling day in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let operation: Operation;
  let coordinator: Session;
  let marta: Session;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    t = await TestApp.create({ listen: true, clientDir: clientDist });
    ({ operation, coordinator } = await t.operation({ name: 'Smuggling action day', themes: ['smuggling'] }));
    marta = await t.member(operation.id, coordinator, 'investigator', 'ES', 'Marta Ruiz');
    const created = await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, [
      { name: 'TikTok', url: 'https://www.tiktok.com', category: 'social_media' },
    ]);
    expect(created.json<Platform[]>()).toHaveLength(1);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedInPage(session: Session): Promise<Page> {
    const page = await signIn(browser, t.url, session, {}, (p) =>
      p.on('pageerror', (error) => pageErrors.push(`${session.email}: ${error.message}`)),
    );
    await openOperation(page, 'Smuggling action day');
    await page.waitForSelector('[data-testid="platform-row"]');
    return page;
  }

  it('an investigator logs an offer with its route and price, asks the platform to take it down, and the coordinator sees it removed live', async () => {
    const page = await signedInPage(marta);
    await page.locator('[data-testid="claim-button"]').first().click();
    await page.waitForSelector('[data-testid="platform-detail"] [data-testid="findings-panel"]');

    // the offer tab is there because the day covers smuggling (Alt+4; paste an ad is Alt+5)
    await page.keyboard.press('Alt+4');
    const form = page.locator('[data-testid="log-offer"]');
    await form.locator('select[name="origin"]').selectOption('MA');
    await form.locator('select[name="destination"]').selectOption('ES');
    // the ad pasted: its price, currency and first stage are read into the fields
    await form
      .locator('textarea[name="adText"]')
      .fill('Cruce seguro a España, precio 1.500 euros, 500 por adelantado y el resto al llegar');
    await form.getByRole('button', { name: 'Read prices and stages' }).click();
    await expect(form.locator('input[name="price"]').inputValue()).resolves.toBe('1500');
    await expect(form.locator('select[name="currency"]').inputValue()).resolves.toBe('EUR');
    await expect(form.locator('input[name="stage0.amount"]').inputValue()).resolves.toBe('500');
    await expect(form.locator('select[name="stage0.at"]').inputValue()).resolves.toBe('upfront');
    await expect(form.locator('select[name="stage1.at"]').inputValue()).resolves.toBe('arrival');
    await form.locator('input[name="contacts"]').fill('+212 612 345 678');
    await form.locator('button[type="submit"]').click();
    const offer = page.locator('[data-testid="finding"][data-kind="offer"]');
    await offer.waitFor();
    const text = await offer.innerText();
    expect(text).toContain('Morocco → Spain');
    expect(text).toContain('€1,500.00');
    expect(text).toContain('+212 6 12 34 56 78');

    // a takedown request, sent, then removed; the coordinator's page follows live
    const coordinatorPage = await signIn(browser, t.url, coordinator, {}, (p) =>
      p.on('pageerror', (error) => pageErrors.push(`coordinator: ${error.message}`)),
    );
    await openOperation(coordinatorPage, 'Smuggling action day');
    await coordinatorPage.goto(`${t.url}/operations/${operation.id}/requests`);
    await coordinatorPage.getByRole('heading', { name: 'Requests to platforms' }).waitFor();
    const requests = page.locator('[data-testid="request-form"]');
    await requests.locator('input[name="contentUrl"]').fill('https://www.tiktok.com/@viajes/video/1');
    await requests.locator('button[type="submit"]').click();
    const item = page.locator('[data-testid="liaison-panel"] [data-testid="request"]');
    await expect.poll(() => item.getAttribute('data-state')).toBe('draft');
    await item.getByRole('button', { name: 'Mark sent' }).click();
    await expect.poll(() => item.getAttribute('data-state')).toBe('sent');
    await item.getByRole('button', { name: 'Content removed' }).click();
    await expect.poll(() => item.getAttribute('data-state')).toBe('removed');
    await expect
      .poll(() => coordinatorPage.locator('[data-testid="request"]').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('removed');
    expect(pageErrors).toEqual([]);
  });
});
