// Screenshots of the main screens on a seeded operation, to compare the look before and after a change:
//   pnpm --filter @actionday/client build && pnpm exec tsx tests/browser/support/screenshots.ts /tmp/shots
// Not a test: it asserts nothing, it only seeds, opens and photographs.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Operation, Platform } from '@actionday/shared';
import { type Session, TestApp } from '@actionday/server/test/test-app';
import type { Page } from 'playwright-core';
import { clientDist } from './build-client.js';
import { launchChromium } from './chromium.js';
import { openOperation, signIn } from './pages.js';

const out = process.argv[2] ?? '/tmp/actionday-shots';
mkdirSync(out, { recursive: true });

const t = await TestApp.create({ listen: true, clientDir: clientDist });
const browser = await launchChromium();
try {
  const { operation, coordinator } = await t.operation({ name: 'Screenshot action day', focusTags: ['ukraine'] });
  const anna = await t.member(operation.id, coordinator, 'investigator', 'NL', 'Anna de Vries');
  const bram = await t.member(operation.id, coordinator, 'investigator', 'BE', 'Bram Peeters');
  const observer = await t.member(operation.id, coordinator, 'observer', 'FR', 'Press Officer');
  const platforms = (
    await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, [
      {
        name: 'Lonely Hearts Club',
        url: 'https://lonely-hearts.example.org',
        category: 'dating',
        tags: ['ukraine'],
        priority: 8,
      },
      { name: 'Quick Jobs Board', url: 'https://quick-jobs.example.org', category: 'classified_ads', priority: 5 },
      { name: 'Night Chat', url: 'https://night-chat.example.org', category: 'messaging', tags: ['ukraine'] },
      { name: 'Quiet Forum', url: 'https://quiet-forum.example.org', category: 'forum' },
      { name: 'Easy Visa Help', url: 'https://easy-visa.example.org', category: 'help_platform', tags: ['ukraine'] },
      { name: 'Model Scouts', url: 'https://model-scouts.example.org', category: 'social_media' },
    ])
  ).json<Platform[]>();
  const [hearts, jobs, chat, forum] = platforms as [Platform, Platform, Platform, Platform];
  const as = (session: Session, method: 'POST' | 'PATCH', url: string, body?: object) =>
    t.request(session, method, url, body);
  await as(anna, 'POST', `/api/platforms/${hearts.id}/claim`);
  await as(anna, 'POST', `/api/platforms/${hearts.id}/verdict`, { verdict: 'suspected', followUp: true });
  await as(anna, 'POST', `/api/platforms/${jobs.id}/claim`);
  await as(bram, 'POST', `/api/platforms/${chat.id}/claim`);
  await as(bram, 'POST', `/api/platforms/${forum.id}/claim`);
  await as(bram, 'POST', `/api/platforms/${forum.id}/verdict`, { verdict: 'no_indicators', followUp: false });
  const log = (session: Session, body: object) =>
    as(session, 'POST', `/api/operations/${operation.id}/findings`, { platformId: jobs.id, ...body });
  await log(anna, { kind: 'suspect', aliases: ['Ivan K', 'Vanya'], nationality: 'UA' });
  await log(anna, { kind: 'identifier', identifierKind: 'phone', value: '+31 6 1234 5678' });
  await log(anna, { kind: 'identifier', identifierKind: 'username', value: 'Telegram @katya_sweet99' });
  await log(anna, { kind: 'victim', nationality: 'UA', exploitation: 'sexual' });
  await as(bram, 'POST', `/api/operations/${operation.id}/findings`, {
    platformId: chat.id,
    kind: 'identifier',
    identifierKind: 'phone',
    value: '0031 6 12 34 56 78',
  });
  await as(coordinator, 'POST', `/api/operations/${operation.id}/announcements`, {
    message: 'Focus on dating sites now',
  });

  const shoot = async (page: Page, name: string, fullPage = true) => {
    await page.waitForTimeout(600); // charts and fonts settle
    await page.screenshot({ path: join(out, `${name}.png`), fullPage });
  };
  const laptop = { viewport: { width: 1366, height: 768 }, locale: 'en-GB' };
  const open = async (session: Session, options = laptop): Promise<Page> => {
    const page = await signIn(browser, t.url, session, options);
    await openOperation(page, 'Screenshot action day');
    await page.waitForSelector('[data-testid="platform-row"]');
    return page;
  };

  const annaPage = await open(anna);
  await annaPage.locator('[data-testid="announcement"] button').first().click();
  await shoot(annaPage, 'board-investigator', false);
  await annaPage.locator(`[data-platform-toggle="${jobs.id}"]`).click();
  await annaPage.waitForSelector('[data-testid="findings-panel"] [data-testid="finding"]');
  await shoot(annaPage, 'board-detail');
  await annaPage.keyboard.press('Escape');
  await annaPage.locator('body').click({ position: { x: 2, y: 2 } });
  await annaPage.keyboard.press('?');
  await shoot(annaPage, 'board-keys', false);
  await annaPage.keyboard.press('Escape');
  // news for Anna while she works: a match on her phone number, as a toast that must not cover the board
  await as(bram, 'POST', `/api/operations/${operation.id}/findings`, {
    platformId: chat.id,
    kind: 'identifier',
    identifierKind: 'profile_url',
    value: 'https://t.me/katya_sweet99',
  });
  await annaPage.waitForSelector('[data-testid="match-toast"]');
  await shoot(annaPage, 'board-toast', false);
  await annaPage.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await shoot(annaPage, 'board-toast-end', false);

  const coordinatorPage = await open(coordinator);
  await shoot(coordinatorPage, 'board-coordinator');
  await coordinatorPage.goto(`${t.url}/operations/${operation.id}/dashboard`);
  await coordinatorPage.waitForSelector('[data-testid="figures"]');
  await coordinatorPage.waitForSelector('[data-testid="timeline"]');
  await shoot(coordinatorPage, 'dashboard');
  await coordinatorPage.goto(`${t.url}/operations/${operation.id}/matches`);
  await coordinatorPage.waitForSelector('[data-testid="match-card"]');
  await shoot(coordinatorPage, 'matches');
  await coordinatorPage.goto(`${t.url}/operations/${operation.id}/graph`);
  await coordinatorPage.waitForSelector('[data-testid="graph-canvas"][data-state="ready"]');
  await shoot(coordinatorPage, 'graph');
  await coordinatorPage.goto(`${t.url}/operations/${operation.id}/report`);
  await coordinatorPage.waitForSelector('[data-testid="statement"]');
  await shoot(coordinatorPage, 'report');

  const wall = await signIn(browser, t.url, coordinator, { viewport: { width: 1920, height: 1080 }, locale: 'en-GB' });
  await wall.getByRole('link', { name: 'Screenshot action day' }).waitFor();
  await wall.goto(`${t.url}/operations/${operation.id}/wall`);
  await wall.waitForSelector('[data-testid="wall"][data-liveness="live"]');
  await shoot(wall, 'wall', false);

  const observerPage = await signIn(browser, t.url, observer, laptop);
  await openOperation(observerPage, 'Screenshot action day');
  await observerPage.waitForSelector('[data-testid="observer-view"]');
  await shoot(observerPage, 'observer');
  const signInPage = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await signInPage.goto(`${t.url}/signin`);
  await signInPage.waitForSelector('input[name="email"]');
  await shoot(signInPage, 'signin', false);
  process.stdout.write(`screenshots in ${out}\n`);
  void (operation satisfies Operation);
} finally {
  await browser.close();
  await t.close();
}
