import type { FindingView, Operation, Platform } from '@actionday/shared';
import { type Session, TestApp } from '@actionday/server/test/test-app';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientDist } from './support/build-client.js';
import { chromiumPath, launchChromium } from './support/chromium.js';
import { openOperation, signIn } from './support/pages.js';

describe.skipIf(!chromiumPath)('the outbox: nothing typed offline is lost, nothing is saved twice', () => {
  let t: TestApp;
  let browser: Browser;
  let operation: Operation;
  let coordinator: Session;
  let anna: Session;
  let jobs: Platform;
  let hearts: Platform;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    t = await TestApp.create({ listen: true, clientDir: clientDist });
    ({ operation, coordinator } = await t.operation({ name: 'Outbox action day' }));
    anna = await t.member(operation.id, coordinator, 'investigator', 'NL', 'Anna de Vries');
    const created = await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, [
      { name: 'Quick Jobs Board', url: 'https://quick-jobs.example.org', category: 'classified_ads' },
      { name: 'Lonely Hearts Club', url: 'https://lonely-hearts.example.org', category: 'dating' },
    ]);
    [jobs, hearts] = created.json<Platform[]>() as [Platform, Platform];
    for (const platform of [jobs, hearts])
      expect((await t.request(anna, 'POST', `/api/platforms/${platform.id}/claim`)).statusCode).toBe(200);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const outbox = (page: Page) => page.locator('[data-testid="outbox-status"]');
  const counts = async (page: Page) => {
    if ((await outbox(page).count()) === 0) return 'empty';
    const status = outbox(page);
    return `${await status.getAttribute('data-pending')} pending, ${await status.getAttribute('data-refused')} refused`;
  };
  const detail = (page: Page, platform: Platform) =>
    page.locator(`[data-testid="platform-detail"][data-platform-id="${platform.id}"]`);
  const openDetail = async (page: Page, platform: Platform) => {
    await page.click(`[data-platform-toggle="${platform.id}"]`);
    await detail(page, platform).waitFor();
  };
  const logSuspect = async (page: Page, alias: string) => {
    const form = detail(page, jobs).locator('[data-testid="log-suspect"]');
    await form.locator('input[name="aliases"]').fill(alias);
    await form.locator('input[name="aliases"]').press('Enter');
  };

  it('two findings logged offline survive a reload, are saved once on reconnect, and a refused verdict keeps its text', async () => {
    const page = await signIn(browser, t.url, anna, {}, (p) =>
      p.on('pageerror', (error) => pageErrors.push(error.message)),
    );
    await openOperation(page, 'Outbox action day');
    await page.waitForSelector('[data-testid="platform-row"]');
    const context = page.context();

    // Anna opens the platform she works on (the page has what it needs), then the Wi-Fi drops: two suspects and a
    // verdict are logged anyway
    await openDetail(page, jobs);
    await detail(page, jobs).locator('[data-testid="finding-counts"]').waitFor();
    await context.setOffline(true);
    await page.waitForSelector('[data-testid="connection-status"][data-state="offline"]');
    await detail(page, jobs).locator('[data-tab="suspect"]').click();
    await logSuspect(page, 'Ivan Offline');

    await expect.poll(() => detail(page, jobs).locator('[data-pending="pending"]').count()).toBe(1);
    await logSuspect(page, 'Vanya Offline');
    const pending = detail(page, jobs).locator('[data-testid="finding"][data-pending="pending"]');
    await expect.poll(() => pending.count()).toBe(2);
    // in place, newest first, and said so in words; the form is empty for the next one
    await expect(pending.first().innerText()).resolves.toContain('Vanya Offline');
    await expect(pending.first().innerText()).resolves.toContain('Pending');
    await expect(detail(page, jobs).locator('[data-testid="log-status"]').innerText()).resolves.toContain(
      'kept on this device',
    );
    await expect(detail(page, jobs).locator('input[name="aliases"]').inputValue()).resolves.toBe('');

    await openDetail(page, hearts);
    const verdict = detail(page, hearts).locator('[data-testid="verdict-form"]');
    await verdict.locator('input[value="suspected"]').check();
    await verdict.locator('textarea[name="summary"]').fill('Ads with prices and routes to Italy');
    await verdict.locator('[data-testid="verdict-submit"]').click();
    await expect.poll(() => counts(page)).toBe('3 pending, 0 refused');
    await expect(outbox(page).innerText()).resolves.toContain('3 pending');

    // meanwhile the coordinator gives the platform back to the pool
    expect((await t.request(coordinator, 'POST', `/api/platforms/${hearts.id}/release`)).statusCode).toBe(200);

    // the network is back but the server does not answer writes; the page is reloaded: nothing is lost
    await context.route('**/api/**', (route) =>
      route.request().method() === 'GET' ? route.continue() : route.abort('internetdisconnected'),
    );
    await context.setOffline(false);
    await page.reload();
    await page.waitForSelector('[data-testid="platform-row"]');
    await expect.poll(() => counts(page)).toBe('3 pending, 0 refused');
    await openDetail(page, jobs);
    await expect.poll(() => detail(page, jobs).locator('[data-pending="pending"]').count()).toBe(2);

    // the server answers again and the laptop says it is back online: sent in order, each once; the verdict is
    // refused and kept
    await context.unroute('**/api/**');
    await context.setOffline(true);
    await context.setOffline(false);
    await expect.poll(() => counts(page), { timeout: 30_000 }).toBe('0 pending, 1 refused');
    const findings = (
      await t.request(anna, 'GET', `/api/operations/${operation.id}/findings?platformId=${jobs.id}`)
    ).json<FindingView[]>();
    const aliases = findings.flatMap((finding) => (finding.redacted ? [] : (finding.aliases ?? [])));
    expect(aliases.sort()).toEqual(['Ivan Offline', 'Vanya Offline']);
    await expect.poll(() => detail(page, jobs).locator('[data-testid="finding"]:not([data-pending])').count()).toBe(2);
    await expect(detail(page, jobs).locator('[data-pending]').count()).resolves.toBe(0);

    // the refusal says why, keeps what was typed for copying, and goes only when discarded by hand
    await outbox(page).click();
    const dialog = page.locator('[data-testid="outbox-dialog"]');
    const refused = dialog.locator('[data-testid="outbox-entry"][data-state="refused"]');
    await expect(refused.getAttribute('data-kind')).resolves.toBe('verdict');
    await expect(refused.locator('[data-testid="outbox-entry-text"]').inputValue()).resolves.toContain(
      'Ads with prices and routes to Italy',
    );
    await expect(refused.innerText()).resolves.toContain('The server did not accept it');
    await refused.locator('[data-testid="outbox-discard"]').click();
    await refused.locator('[data-testid="outbox-discard-confirm"]').click();
    await expect.poll(() => dialog.locator('[data-testid="outbox-entry"]').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => counts(page)).toBe('empty');
    expect(pageErrors).toEqual([]);
  });
});
