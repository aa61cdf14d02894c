import { mkdirSync } from 'node:fs';
import type { FigureDefinition, Operation, Platform } from '@actionday/shared';
import { type Session, TestApp } from '@actionday/server/test/test-app';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientDist } from './support/build-client.js';
import { chromiumPath, launchChromium } from './support/chromium.js';
import { signIn } from './support/pages.js';

/** Screenshots of the wall land here, to look at. */
const shots = process.env.ACTIONDAY_SHOTS ?? '/tmp/actionday-shots';

/**
 * Everything on the wall that is cut or off screen, measured from the DOM once animations have finished: an
 * element whose content is larger than its box while it hides overflow (a clamped label, a number cut off), an
 * element outside the screen, a figure's text outside its figure. The chart's SVG insides are left to recharts.
 */
function clippedOnWall(): string[] {
  for (const animation of document.getAnimations()) animation.finish();
  const problems: string[] = [];
  const describe = (el: Element) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
  const wall = document.querySelector('[data-testid="wall"]');
  if (!wall) return ['no wall'];
  for (const el of wall.querySelectorAll<HTMLElement>('*')) {
    if (el.closest('svg') || el.closest('.visually-hidden') || el.closest('.recharts-wrapper')) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    const style = getComputedStyle(el);
    const hides = style.overflow !== 'visible' || style.webkitLineClamp !== 'none';
    if (hides && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1))
      problems.push(
        `cut: ${describe(el)} ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`,
      );
    if (box.left < -1 || box.top < -1 || box.right > innerWidth + 1 || box.bottom > innerHeight + 1)
      problems.push(`off screen: ${describe(el)} ${JSON.stringify(box)}`);
    const figure = el.closest('[data-testid="figure"]');
    if (figure && figure !== el) {
      const cell = figure.getBoundingClientRect();
      if (
        box.left < cell.left - 1 ||
        box.right > cell.right + 1 ||
        box.top < cell.top - 1 ||
        box.bottom > cell.bottom + 1
      )
        problems.push(`outside its figure: ${describe(el)}`);
    }
  }
  return problems;
}

describe.skipIf(!chromiumPath)('the wall fits any number of figures, in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let operation: Operation;
  let coordinator: Session;
  let anna: Session;
  let bram: Session;
  let platforms: Platform[];

  const check = async (session: Session, platform: Platform) => {
    const claim = await t.request(session, 'POST', `/api/platforms/${platform.id}/claim`);
    expect(claim.statusCode, claim.body).toBe(200);
    const verdict = await t.request(session, 'POST', `/api/platforms/${platform.id}/verdict`, {
      verdict: 'suspected',
    });
    expect(verdict.statusCode, verdict.body).toBe(200);
  };

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    t = await TestApp.create({ listen: true, clientDir: clientDist });
    const now = Date.now();
    ({ operation, coordinator } = await t.operation({
      name: 'Wall action day',
      focusTags: ['ukraine', 'moldova', 'minors'],
      startsAt: new Date(now - 2 * 3_600_000).toISOString(),
      endsAt: new Date(now + 6 * 3_600_000).toISOString(),
    }));
    const live = await t.request(coordinator, 'POST', `/api/operations/${operation.id}/status`, { status: 'live' });
    expect(live.statusCode, live.body).toBe(200);
    anna = await t.member(operation.id, coordinator, 'investigator', 'NL', 'Anna de Vries');
    bram = await t.member(operation.id, coordinator, 'investigator', 'BE', 'Bram Peeters');
    // the 2022 day: 114 platforms
    const created = await t.request(
      coordinator,
      'POST',
      `/api/operations/${operation.id}/platforms`,
      Array.from({ length: 114 }, (_, i) => ({
        name: `Platform ${i + 1}`,
        url: `https://platform-${i + 1}.example.org`,
        category: 'forum',
        tags: i % 4 === 0 ? ['ukraine'] : [],
      })),
    );
    expect(created.statusCode, created.body).toBe(201);
    platforms = created.json<Platform[]>();
    // twelve figures: the press release's, each by three focus tags, and more up to twelve
    const figures = (await t.request(coordinator, 'GET', `/api/operations/${operation.id}/figures`)).json<
      FigureDefinition[]
    >();
    const more: FigureDefinition[] = [
      {
        key: 'platforms_listed',
        label: 'online platforms on the list',
        counts: 'platforms',
        filter: {},
        breakdowns: [],
      },
      { key: 'suspects_all', label: 'suspects logged', counts: 'suspects', filter: {}, breakdowns: [] },
      {
        key: 'victims_minor',
        label: 'possible victims who are minors',
        counts: 'victims',
        filter: { minor: true },
        breakdowns: [],
      },
      { key: 'evidence_all', label: 'pieces of evidence captured', counts: 'evidence', filter: {}, breakdowns: [] },
      { key: 'matches_all', label: 'cross-hits between countries', counts: 'matches', filter: {}, breakdowns: [] },
    ];
    // the defaults grow with the product: keep twelve in all
    const twelve = [...figures, ...more].slice(0, 12);
    expect(twelve.length).toBe(12);
    const saved = await t.request(coordinator, 'PUT', `/api/operations/${operation.id}/figures`, twelve);
    expect(saved.statusCode, saved.body).toBe(200);
    for (const platform of platforms.slice(0, 3)) await check(anna, platform);
    await check(bram, platforms[3] as Platform);
    const sent = await t.request(coordinator, 'POST', `/api/operations/${operation.id}/announcements`, {
      message: 'Briefing in the main hall at 14:00 — dating sites first, then the classified ads of the Ukraine focus',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** One wall for the file (signing in costs seconds); each test sets the screen it wants. */
  let wall: Page | undefined;
  async function wallPage(width: number, height: number): Promise<Page> {
    if (!wall) {
      wall = await signIn(browser, t.url, coordinator, { viewport: { width, height }, locale: 'en-GB' });
      await wall.getByRole('link', { name: 'Wall action day' }).waitFor();
      await wall.goto(`${t.url}/operations/${operation.id}/wall`);
    }
    const page = wall;
    await page.setViewportSize({ width, height });
    await page.waitForSelector('[data-testid="wall"][data-liveness="live"]');
    await page.waitForSelector('[data-testid="wall-announcement"]');
    await page.waitForSelector('[data-testid="wall-progress-chart"] .recharts-surface');
    await page.waitForSelector('[data-testid="wall-country-chart"] .recharts-surface');
    await expect(page.locator('[data-testid="figure"]').count()).resolves.toBe(12);
    return page;
  }

  for (const [width, height] of [
    [1920, 1080],
    [1366, 768],
  ] as const) {
    it(`shows twelve figures, the charts and an announcement at ${width}×${height} with nothing cut or off screen`, async () => {
      const page = await wallPage(width, height);
      await expect(page.evaluate(clippedOnWall)).resolves.toEqual([]);
      await page.screenshot({ path: `${shots}/wall-${width}x${height}.png` });
      const value = page.locator('[data-testid="figure"][data-key="platforms_listed"] [data-testid="figure-value"]');
      await expect(value.textContent()).resolves.toBe('114');
      // the number is still large enough to read across a room: at least 4 % of the screen's height
      const box = await value.boundingBox();
      expect(box?.height ?? 0).toBeGreaterThan(height * 0.04);
      await expect(page.locator('[data-testid="wall-progress-summary"]').textContent()).resolves.toContain(
        'platforms checked 4',
      );
    });
  }

  it('shows every breakdown of a figure in turn, and the per-country bars grow as verdicts come in', async () => {
    const page = await wallPage(1366, 768);
    const figure = page.locator('[data-testid="figure"][data-key="platforms_monitored"]');
    const visible = async () =>
      figure
        .locator('[data-testid="figure-breakdown"]')
        .evaluateAll((items) => items.map((li) => li.getAttribute('data-key')));
    const seen = new Set(await visible());
    // two at a time: the first page shows two, the second the third
    expect(seen.size).toBeGreaterThan(0);
    const first = await figure.locator('[data-pages]').getAttribute('data-page');
    await page.waitForFunction(
      (before) =>
        document
          .querySelector('[data-testid="figure"][data-key="platforms_monitored"] [data-pages]')
          ?.getAttribute('data-page') !== before,
      first,
      { timeout: 7000 },
    );
    for (const key of await visible()) seen.add(key);
    expect([...seen].sort()).toEqual(['minors', 'moldova', 'ukraine']);
    await expect(page.evaluate(clippedOnWall)).resolves.toEqual([]);

    const bar = (country: string) =>
      page.locator(`[data-testid="wall-country-bar"][data-country="${country}"]`).getAttribute('data-value');
    await expect(bar('NL')).resolves.toBe('3');
    await expect(bar('BE')).resolves.toBe('1');
    await check(bram, platforms[4] as Platform);
    await expect.poll(() => bar('BE'), { timeout: 5000 }).toBe('2');
  });
});
