import type { Platform } from '@actionday/shared';
import { TestApp } from '@actionday/server/test/test-app';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientDist } from './support/build-client.js';
import { chromiumPath, launchChromium } from './support/chromium.js';
import { openOperation, signIn } from './support/pages.js';

describe.skipIf(!chromiumPath)('the link chart in a real browser', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await TestApp.create({ listen: true, clientDir: clientDist });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('draws the findings and their match on a canvas, grows live, and a click on a node opens its record', async () => {
    const { operation, coordinator } = await t.operation({ name: 'Chart day' });
    const anna = await t.member(operation.id, coordinator, 'investigator', 'NL', 'Anna de Vries');
    const bram = await t.member(operation.id, coordinator, 'investigator', 'BE', 'Bram Peeters');
    const analyst = await t.member(operation.id, coordinator, 'analyst', 'NL', 'Europol Analyst');
    const [jobs, chat] = (
      await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, [
        { name: 'Quick Jobs Board', url: 'https://quick-jobs.example.org', category: 'classified_ads' },
        { name: 'Night Chat', url: 'https://night-chat.example.org', category: 'messaging' },
      ])
    ).json<Platform[]>();
    const log = async (session: typeof anna, platform: Platform | undefined, body: object) => {
      const response = await t.request(session, 'POST', `/api/operations/${operation.id}/findings`, {
        platformId: platform?.id,
        ...body,
      });
      expect(response.statusCode, response.body).toBe(201);
    };
    await log(anna, jobs, { kind: 'suspect', aliases: ['Ivan K'] });
    await log(anna, jobs, { kind: 'identifier', identifierKind: 'phone', value: '+31 6 1234 5678' });
    await log(bram, chat, { kind: 'identifier', identifierKind: 'phone', value: '0031 6 12 34 56 78' });

    const errors: string[] = [];
    const page = await signIn(browser, t.url, analyst, { viewport: { width: 1280, height: 1400 } }, (p) =>
      p.on('pageerror', (error) => errors.push(error.message)),
    );
    await openOperation(page, 'Chart day');
    await page.getByTestId('graph-link').click();
    const canvas = page.locator('[data-testid="graph-canvas"][data-state="ready"]');
    await canvas.waitFor({ timeout: 10_000 });
    // 3 findings, 2 platforms, 2 countries, 1 match; sigma draws on its canvases
    await expect(canvas.getAttribute('data-nodes')).resolves.toBe('8');
    expect(await canvas.locator('canvas').count()).toBeGreaterThan(0);
    await expect(page.getByTestId('graph-legend').innerText()).resolves.toContain('Match');

    // a new finding appears without a reload
    await log(bram, chat, { kind: 'victim', exploitation: 'sexual' });
    await expect.poll(() => canvas.getAttribute('data-nodes'), { timeout: 10_000 }).toBe('9');

    // a click on the match node opens its card (once the picture has settled: every node drawn, nothing moving)
    const readPoints = async () =>
      JSON.parse((await canvas.getAttribute('data-points')) ?? '{}') as Record<string, [number, number]>;
    /** Waits until every node is drawn and nothing moves (two reads of their places agree). */
    const settle = async (nodes: number) => {
      let last = '';
      await expect
        .poll(
          async () => {
            const now = JSON.stringify(await readPoints());
            const settled = now === last && Object.keys(JSON.parse(now)).length === nodes;
            last = now;
            return settled;
          },
          { timeout: 10_000, interval: 400 },
        )
        .toBe(true);
    };
    await settle(9);
    const pointOf = async (id: string) => {
      const [x, y] = (await readPoints())[id] ?? [0, 0];
      const box = await canvas.boundingBox();
      return { x: (box?.x ?? 0) + x, y: (box?.y ?? 0) + y };
    };
    const matchNode = Object.keys(await readPoints()).find((id) => id.startsWith('match:'));
    expect(matchNode).toBeDefined();
    const at = await pointOf(matchNode ?? '');
    await page.mouse.click(at.x, at.y);
    await page.waitForURL(/\/matches\?match=/, { timeout: 5000 });
    await page.locator('[data-testid="match-card"]').waitFor();

    // a click on a platform node opens the platform on the board
    await page.goBack();
    await canvas.waitFor({ timeout: 10_000 });
    await settle(9);
    const platform = await pointOf(`platform:${jobs?.id}`);
    await page.mouse.click(platform.x, platform.y);
    await page.waitForSelector(`[data-testid="platform-detail"]`, { timeout: 5000 });
    await expect(page.locator('[data-testid="platform-detail"]').innerText()).resolves.toContain('Quick Jobs Board');
    expect(errors).toEqual([]);
  });
});
