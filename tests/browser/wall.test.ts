import type { Operation, Platform } from '@actionday/shared';
import { type Session, TestApp } from '@actionday/server/test/test-app';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientDist } from './support/build-client.js';
import { chromiumPath, launchChromium } from './support/chromium.js';
import { signIn } from './support/pages.js';

describe.skipIf(!chromiumPath)('the wall view in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let operation: Operation;
  let coordinator: Session;
  let anna: Session;
  let platform: Platform;

  beforeAll(async () => {
    t = await TestApp.create({ listen: true, clientDir: clientDist });
    ({ operation, coordinator } = await t.operation({ name: 'Wall action day', focusTags: ['ukraine'] }));
    anna = await t.member(operation.id, coordinator, 'investigator', 'NL', 'Anna de Vries');
    const created = await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, {
      name: 'Lonely Hearts Club',
      url: 'https://lonely-hearts.example.org',
      category: 'dating',
      tags: ['ukraine'],
    });
    platform = created.json<Platform>();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function wallPage(session: Session): Promise<Page> {
    const page = await signIn(browser, t.url, session, { viewport: { width: 1920, height: 1080 }, locale: 'en-GB' });
    await page.getByRole('link', { name: 'Wall action day' }).waitFor();
    await page.goto(`${t.url}/operations/${operation.id}/wall`);
    await page.waitForSelector('[data-testid="wall"][data-liveness="live"]');
    return page;
  }

  const figureValue = (page: Page, key: string) =>
    page.locator(`[data-testid="figure"][data-key="${key}"] [data-testid="figure-value"]`);
  const waitForValue = (page: Page, key: string, value: string) =>
    page.waitForFunction(
      ([selector, expected]) => document.querySelector(selector as string)?.textContent === expected,
      [`[data-testid="figure"][data-key="${key}"] [data-testid="figure-value"]`, value] as const,
      { timeout: 5000 },
    );
  const logIdentifier = async (value: string) => {
    const response = await t.request(anna, 'POST', `/api/operations/${operation.id}/findings`, {
      kind: 'identifier',
      platformId: platform.id,
      identifierKind: 'username',
      value,
    });
    expect(response.statusCode, response.body).toBe(201);
  };

  it('shows the key figures change as another session logs findings, and a new announcement, without reload', async () => {
    const page = await wallPage(coordinator);
    let reloaded = false;
    page.on('load', () => {
      reloaded = true;
    });
    await expect(figureValue(page, 'identifiers_checked').textContent()).resolves.toBe('0');
    // the 2022 set and the platforms discovered during the day
    await expect(page.locator('[data-testid="figure"]').count()).resolves.toBe(8);

    await logIdentifier('lena_models_24');
    await waitForValue(page, 'identifiers_checked', '1');
    await logIdentifier('olena.work.abroad');
    await waitForValue(page, 'identifiers_checked', '2');
    // the breakdown by focus tag follows (the finding takes its platform's tags)
    await expect(
      page
        .locator(
          '[data-testid="figure"][data-key="identifiers_checked"] [data-testid="figure-breakdown"][data-key="ukraine"] [data-testid="figure-breakdown-value"]',
        )
        .textContent(),
    ).resolves.toBe('2');

    const sent = await t.request(coordinator, 'POST', `/api/operations/${operation.id}/announcements`, {
      message: 'Focus on dating sites now',
    });
    expect(sent.statusCode).toBe(201);
    await page.waitForSelector('[data-testid="wall-announcement"]:has-text("Focus on dating sites now")', {
      timeout: 5000,
    });
    expect(reloaded).toBe(false);
  });

  it('marks the numbers as not live while offline, catches up on return, and labels the frozen figures final', async () => {
    const page = await wallPage(coordinator);
    await waitForValue(page, 'identifiers_checked', '2');
    await page.context().setOffline(true);
    await page.waitForSelector('[data-testid="wall"][data-liveness="stale"]', { timeout: 5000 });
    await expect(page.locator('[data-testid="figures-liveness"]').textContent()).resolves.toContain('Not live');
    await logIdentifier('hostess_jobs_eu');
    // nothing arrives while offline: the old number stays, marked as not live
    await page.waitForTimeout(500);
    await expect(figureValue(page, 'identifiers_checked').textContent()).resolves.toBe('2');
    await page.context().setOffline(false);
    await page.waitForSelector('[data-testid="wall"][data-liveness="live"]', { timeout: 15_000 });
    await waitForValue(page, 'identifiers_checked', '3');

    // closing freezes the figures: the wall says so, and shows the phase
    const closed = await t.request(coordinator, 'POST', `/api/operations/${operation.id}/status`, { status: 'closed' });
    expect(closed.statusCode).toBe(200);
    await page.waitForSelector('[data-testid="wall"][data-liveness="final"]', { timeout: 5000 });
    await page.waitForSelector('[data-testid="wall-clock"][data-phase="closed"]', { timeout: 5000 });
    await expect(page.locator('[data-testid="figures-liveness"]').textContent()).resolves.toContain('Final figures');
    await expect(figureValue(page, 'identifiers_checked').textContent()).resolves.toBe('3');
  });
});
