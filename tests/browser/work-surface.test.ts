import { mkdirSync } from 'node:fs';
import type { Operation, Platform } from '@actionday/shared';
import { type Session, TestApp } from '@actionday/server/test/test-app';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientDist } from './support/build-client.js';
import { chromiumPath, launchChromium } from './support/chromium.js';
import { openOperation, signIn } from './support/pages.js';

const shots = process.env.ACTIONDAY_SHOTS ?? '/tmp/actionday-shots';
const PLATFORMS = 10_000;

describe.skipIf(!chromiumPath)('the board as a work surface on a 1366×768 laptop, in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let operation: Operation;
  let coordinator: Session;
  let anna: Session;
  let best: Platform;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    t = await TestApp.create({ listen: true, clientDir: clientDist });
    const now = Date.now();
    ({ operation, coordinator } = await t.operation({
      name: 'Surface action day',
      focusTags: ['ukraine'],
      startsAt: new Date(now - 3_600_000).toISOString(),
      endsAt: new Date(now + 8 * 3_600_000).toISOString(),
    }));
    const live = await t.request(coordinator, 'POST', `/api/operations/${operation.id}/status`, { status: 'live' });
    expect(live.statusCode, live.body).toBe(200);
    anna = await t.member(operation.id, coordinator, 'investigator', 'NL', 'Anna de Vries');
    const created = await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, [
      { name: 'Lonely Hearts Club', url: 'https://lonely-hearts.example.org', category: 'dating', priority: 9 },
      { name: 'Quick Jobs Board', url: 'https://quick-jobs.example.org', category: 'classified_ads', priority: 8 },
    ]);
    expect(created.statusCode, created.body).toBe(201);
    [best] = created.json<Platform[]>() as [Platform];
    // ten thousand more, written in one statement (the API's import has tests of its own; 10,000 requests' worth
    // of audit entries would take minutes here)
    await t.app.deps.db.execute(sql`
      insert into platforms (operation_id, name, url, normalized_url, category)
      select ${operation.id}::uuid, 'Forum ' || lpad(n::text, 5, '0'), 'https://forum-' || n || '.example.org',
             'forum-' || n || '.example.org', 'forum'
      from generate_series(1, ${PLATFORMS - 2}) as n`);
    const sent = await t.request(coordinator, 'POST', `/api/operations/${operation.id}/announcements`, {
      message: 'Dating sites first, please',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const focusedToggle = (page: Page) =>
    page.evaluate(() => document.activeElement?.getAttribute('data-platform-toggle') ?? null);

  it('claims, logs, gives the verdict and moves on without the mouse, the platform beside the list, nothing over it', async () => {
    const page = await signIn(browser, t.url, anna, { viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
    await openOperation(page, 'Surface action day');
    await page.waitForSelector('[data-testid="platform-row"]');
    // ten thousand platforms, a few dozen rows in the page
    await expect(page.getByText(`Showing 10,000 of 10,000`).count()).resolves.toBe(1);
    const rendered = Number(await page.locator('[data-testid="platform-table"]').getAttribute('data-rendered'));
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(60);
    await expect(page.locator('[data-testid="platform-row"]').count()).resolves.toBeLessThan(60);

    // the announcement is a strip in the flow, above the board: it covers nothing
    const strip = await page.locator('[data-testid="announcement-banner"]').boundingBox();
    const boardBox = await page.locator('[data-testid="platform-board"]').boundingBox();
    expect(strip && boardBox && strip.y + strip.height <= boardBox.y).toBe(true);

    // N suggests the best platform, C claims it: it opens beside the list, in view
    await page.keyboard.press('n');
    await expect.poll(() => focusedToggle(page)).toBe(best.id);
    await page.keyboard.press('c');
    const detail = page.locator(`[data-testid="platform-detail"][data-platform-id="${best.id}"]`);
    await detail.waitFor();
    await page.waitForSelector('[data-testid="toolbar-my-claims"][data-count="1"]');
    await page.screenshot({ path: `${shots}/board-claimed-1366x768.png` });
    const detailBox = await detail.boundingBox();
    const tableBox = await page.locator('[data-testid="platform-table"]').boundingBox();
    expect(detailBox && tableBox && detailBox.x >= tableBox.x + tableBox.width - 1).toBe(true);
    expect(detailBox && detailBox.y < 768).toBe(true);

    // Alt+2 logs an identifier from the keyboard
    await page.keyboard.press('Alt+2');
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? ''))
      .toBe('value');
    await page.keyboard.type('lena_models_24');
    await page.keyboard.press('Enter');
    await detail.locator('[data-testid="finding"][data-kind="identifier"]').waitFor();

    // Esc leaves the field for the list (the panel stays), V goes to the verdict, 2 and Enter record it
    await page.keyboard.press('Escape');
    await expect.poll(() => focusedToggle(page)).toBe(best.id);
    await expect(detail.count()).resolves.toBe(1);
    await page.keyboard.press('v');
    await page.waitForSelector('[data-testid="verdict-form"] input[type="radio"]:focus');
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`[data-testid="platform-row"][data-platform-id="${best.id}"][data-status="checked"]`);
    // the focus is back on the list, where the next action is
    await expect.poll(() => focusedToggle(page)).toBe(best.id);
    await page.waitForSelector('[data-testid="toolbar-my-claims"][data-count="0"]');

    // N: the next one
    await page.keyboard.press('n');
    await expect.poll(() => focusedToggle(page)).not.toBe(best.id);
    await expect(page.locator('[data-testid="suggestion"]').innerText()).resolves.toContain('Quick Jobs Board');

    // the toolbar stays in view, with the connection state, while the list scrolls far down
    await page.keyboard.press('End');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    const toolbar = await page.locator('[data-testid="board-toolbar"]').boundingBox();
    expect(toolbar && toolbar.y >= 0 && toolbar.y < 5).toBe(true);
    await expect(
      page.locator('[data-testid="board-toolbar"] [data-testid="connection-status"]').isVisible(),
    ).resolves.toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${shots}/board-1366x768.png` });

    // ? shows the map of keys, Esc closes it
    await page.keyboard.press('?');
    await page.waitForSelector('[data-testid="keyboard-help"][open]');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-testid="keyboard-help"][open]').count()).toBe(0);

    // the search filters the ten thousand at once; Esc returns to the list
    await page.keyboard.press('/');
    await page.keyboard.type('Forum 0999');
    // nine match; the platforms being worked on stay pinned in view
    const showing = () => page.locator('[data-testid="platform-table"] [data-testid="platform-row"]').count();
    await expect.poll(showing, { timeout: 5000 }).toBeLessThanOrEqual(11);
    await expect(page.locator('[data-platform-toggle]', { hasText: 'Forum 09995' }).count()).resolves.toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => focusedToggle(page)).not.toBe(null);
  });
});
