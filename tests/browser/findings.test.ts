import type { Operation, Platform } from '@actionday/shared';
import { type Session, TestApp } from '@actionday/server/test/test-app';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientDist } from './support/build-client.js';
import { chromiumPath, launchChromium } from './support/chromium.js';
import { openOperation, signIn } from './support/pages.js';

describe.skipIf(!chromiumPath)('findings and matches in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let operation: Operation;
  let coordinator: Session;
  let anna: Session;
  let bram: Session;
  let analyst: Session;
  /** Uncaught errors in any page: a crashed page must fail the test, not time it out. */
  const pageErrors: string[] = [];

  beforeAll(async () => {
    t = await TestApp.create({ listen: true, clientDir: clientDist });
    ({ operation, coordinator } = await t.operation({ name: 'Findings action day' }));
    anna = await t.member(operation.id, coordinator, 'investigator', 'NL', 'Anna de Vries');
    bram = await t.member(operation.id, coordinator, 'investigator', 'BE', 'Bram Peeters');
    analyst = await t.member(operation.id, coordinator, 'analyst', 'NL', 'Europol Analyst');
    const created = await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, [
      {
        name: 'Quick Jobs Board',
        url: 'https://quick-jobs.example.org',
        category: 'classified_ads',
        tags: ['ukraine'],
        priority: 2,
      },
      { name: 'Lonely Hearts Club', url: 'https://lonely-hearts.example.org', category: 'dating', priority: 1 },
    ]);
    expect(created.json<Platform[]>()).toHaveLength(2);
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
    await openOperation(page, 'Findings action day');
    await page.waitForSelector('[data-testid="platform-row"]');
    return page;
  }

  /** With the keyboard only: N moves to the next platform to check, C claims it and opens its detail. */
  async function claimNextByKeyboard(page: Page): Promise<void> {
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('n');
    await page.keyboard.press('c');
    await page.waitForSelector('[data-testid="platform-detail"] [data-testid="findings-panel"]');
  }

  const activeName = (page: Page) =>
    page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? '');

  it('investigators log with the keyboard, both learn of the match, and the analyst confirms it live', async () => {
    const annaPage = await signedInPage(anna);
    await claimNextByKeyboard(annaPage);
    const annaPanel = annaPage.locator('[data-testid="findings-panel"]');

    // a suspect: Alt+1, type, Enter; the cursor comes back for the next one
    await annaPage.keyboard.press('Alt+1');
    await expect.poll(() => activeName(annaPage)).toBe('aliases');
    await annaPage.keyboard.type('Ivan K, Vanya');
    await annaPage.keyboard.press('Enter');
    await annaPanel.locator('[data-testid="finding"][data-kind="suspect"]').waitFor();
    await expect(annaPanel.locator('[data-testid="finding"][data-kind="suspect"]').innerText()).resolves.toContain(
      'Ivan K, Vanya',
    );
    await expect.poll(() => activeName(annaPage)).toBe('aliases');
    await expect(annaPage.locator('input[name="aliases"]').inputValue()).resolves.toBe('');

    // a phone number: Alt+2; its kind is recognised from the value
    await annaPage.keyboard.press('Alt+2');
    await expect.poll(() => activeName(annaPage)).toBe('value');
    await annaPage.keyboard.type('+31 6 1234 5678');
    await expect(
      annaPage.locator('[data-testid="log-identifier"] select[name="identifierKind"]').inputValue(),
    ).resolves.toBe('phone');
    await annaPage.keyboard.press('Enter');
    const annaPhone = annaPanel.locator('[data-testid="finding"][data-kind="identifier"]');
    await annaPhone.waitFor();
    await expect(annaPhone.innerText()).resolves.toContain('+31612345678');
    await expect.poll(() => activeName(annaPage)).toBe('value');
    await expect(annaPanel.locator('[data-testid="match-notice"]').count()).resolves.toBe(0);

    // the analyst watches the matches page
    const analystPage = await signedInPage(analyst);
    await analystPage.getByTestId('matches-link').click();
    await analystPage.waitForSelector('h1:text("Matches")');
    await analystPage.waitForSelector('text=No matches yet.');

    // the Belgian investigator logs the same phone in another format
    const bramPage = await signedInPage(bram);
    await claimNextByKeyboard(bramPage);
    await bramPage.keyboard.press('Alt+2');
    await expect.poll(() => activeName(bramPage)).toBe('value');
    await bramPage.keyboard.type('0031 6 12 34 56 78');
    await bramPage.keyboard.press('Enter');

    const notice = bramPage.locator('[data-testid="match-notice"]');
    await notice.waitFor({ timeout: 5000 });
    await expect(notice.innerText()).resolves.toContain('Match!');
    await expect(notice.innerText()).resolves.toContain('0031 6 12 34 56 78');
    await expect.poll(() => notice.innerText(), { timeout: 5000 }).toContain('Anna de Vries');

    // Anna learns at once whom to contact, not the other record
    const toast = annaPage.locator('[data-testid="match-toast"]');
    await toast.waitFor({ timeout: 5000 });
    await expect(toast.innerText()).resolves.toContain('Match');
    await expect(toast.innerText()).resolves.toContain('Bram Peeters');
    await expect(toast.innerText()).resolves.not.toContain('0031');

    // the analyst's page shows the match without a reload, and confirms it
    const card = analystPage.locator('[data-testid="match-card"]');
    await card.waitFor({ timeout: 5000 });
    await expect(card.getAttribute('data-status')).resolves.toBe('open');
    await expect(card.locator('[data-testid="match-value"]').innerText()).resolves.toBe('+31612345678');
    await expect(card.innerText()).resolves.toContain('Anna de Vries');
    await expect(card.innerText()).resolves.toContain('Bram Peeters');
    await card.getByLabel('Note').fill('Same recruiter, NL and BE ads');
    await card.getByTestId('match-confirm').click();
    await analystPage.waitForSelector('[data-testid="match-card"][data-status="confirmed"]', { timeout: 5000 });
    await expect(analystPage.getByTestId('matches-count-confirmed').innerText()).resolves.toContain('1');
    expect(pageErrors).toEqual([]);
  });
});
