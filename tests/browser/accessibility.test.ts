import AxeBuilder from '@axe-core/playwright';
import type { Operation, Platform } from '@actionday/shared';
import { type Session, TestApp } from '@actionday/server/test/test-app';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientDist } from './support/build-client.js';
import { chromiumPath, launchChromium } from './support/chromium.js';
import { signIn } from './support/pages.js';

/** The serious and critical WCAG 2 A/AA violations axe finds on the page, as "rule: target" lines. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
}

describe.skipIf(!chromiumPath)('the main pages have no serious or critical accessibility violations (axe-core)', () => {
  let t: TestApp;
  let browser: Browser;
  let operation: Operation;
  let coordinator: Session;
  let platform: Platform;

  beforeAll(async () => {
    t = await TestApp.create({ listen: true, clientDir: clientDist });
    ({ operation, coordinator } = await t.operation({ name: 'Accessible action day', focusTags: ['ukraine'] }));
    const created = await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, {
      name: 'Lonely Hearts Club',
      url: 'https://lonely-hearts.example.org',
      category: 'dating',
      tags: ['ukraine'],
    });
    platform = created.json<Platform>();
    await t.request(coordinator, 'POST', `/api/operations/${operation.id}/announcements`, {
      message: 'Dating sites first, please',
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the sign-in page', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${t.url}/signin`);
    await page.waitForSelector('input[name="email"]');
    await expect(violations(page)).resolves.toEqual([]);
    await context.close();
  });

  /** One coordinator's page for the file (signing in costs seconds). */
  let shared: Page | undefined;
  const pages: [string, () => string, string][] = [
    ['the list of operations', () => '/', 'a[href^="/operations/"]'],
    [
      'the board with an open platform',
      () => `/operations/${operation.id}?platform=${platform.id}`,
      '[data-testid="platform-detail"]',
    ],
    ['the dashboard', () => `/operations/${operation.id}/dashboard`, '[data-testid="figures"]'],
    ['the matches', () => `/operations/${operation.id}/matches`, 'h1'],
    ['the report', () => `/operations/${operation.id}/report`, 'h1'],
    ['the wall', () => `/operations/${operation.id}/wall`, '[data-testid="wall"][data-liveness="live"]'],
  ];
  for (const [name, path, ready] of pages) {
    it(name, async () => {
      if (!shared) {
        shared = await signIn(browser, t.url, coordinator, { viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
        await shared.getByRole('link', { name: 'Accessible action day' }).waitFor();
      }
      await shared.goto(`${t.url}${path()}`);
      await shared.waitForSelector(ready);
      await expect(violations(shared)).resolves.toEqual([]);
    });
  }
});
