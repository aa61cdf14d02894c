import type { FindingCreated, Operation, Platform } from '@actionday/shared';
import { type Session, TestApp } from '@actionday/server/test/test-app';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientDist } from './support/build-client.js';
import { chromiumPath, launchChromium } from './support/chromium.js';
import { openOperation, signIn } from './support/pages.js';

describe.skipIf(!chromiumPath)('matches in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    t = await TestApp.create({ listen: true, clientDir: clientDist });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** An operation of its own for each test, with investigators of three countries and an analyst. */
  async function world(name: string) {
    const { operation, coordinator } = await t.operation({ name });
    const anna = await t.member(operation.id, coordinator, 'investigator', 'NL', 'Anna de Vries');
    const bram = await t.member(operation.id, coordinator, 'investigator', 'BE', 'Bram Peeters');
    const greta = await t.member(operation.id, coordinator, 'investigator', 'DE', 'Greta Weber');
    const analyst = await t.member(operation.id, coordinator, 'analyst', 'NL', 'Europol Analyst');
    const created = await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, [
      { name: 'Quick Jobs Board', url: 'https://quick-jobs.example.org', category: 'classified_ads', priority: 3 },
      { name: 'Lonely Hearts Club', url: 'https://lonely-hearts.example.org', category: 'dating', priority: 2 },
      { name: 'Night Chat', url: 'https://night-chat.example.org', category: 'messaging', priority: 1 },
    ]);
    const platforms = created.json<Platform[]>();
    return { operation, coordinator, anna, bram, greta, analyst, platforms };
  }

  async function logPhone(
    operation: Operation,
    session: Session,
    platform: Platform | undefined,
    value: string,
    handling?: string,
  ): Promise<FindingCreated> {
    const response = await t.request(session, 'POST', `/api/operations/${operation.id}/findings`, {
      kind: 'identifier',
      identifierKind: 'phone',
      platformId: platform?.id,
      value,
      ...(handling ? { handling } : {}),
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<FindingCreated>();
  }

  async function pageOf(session: Session, operationName: string): Promise<Page> {
    const page = await signIn(browser, t.url, session, {}, (p) =>
      p.on('pageerror', (error) => pageErrors.push(`${session.email}: ${error.message}`)),
    );
    await openOperation(page, operationName);
    await page.waitForSelector('[data-testid="platform-row"]');
    return page;
  }

  it('an analyst sees one card for a number logged by three countries, and confirms it with a note shown afterwards', async () => {
    const w = await world('Three countries day');
    const analystPage = await pageOf(w.analyst, 'Three countries day');
    await analystPage.getByTestId('matches-link').click();
    await analystPage.waitForSelector('h1:text("Matches")');
    await analystPage.waitForSelector('text=No matches yet.');

    // the same phone in three national formats, by three countries, while the analyst watches
    await logPhone(w.operation, w.anna, w.platforms[0], '+31 6 1234 5678');
    await logPhone(w.operation, w.bram, w.platforms[1], '0031 6 12 34 56 78');
    await logPhone(w.operation, w.greta, w.platforms[2], '+31 (0)6 1234 5678');

    const cards = analystPage.locator('[data-testid="match-card"]');
    await expect.poll(() => analystPage.locator('[data-testid="match-sighting"]').count(), { timeout: 5000 }).toBe(3);
    expect(await cards.count()).toBe(1);
    const card = cards.first();
    await expect(card.locator('[data-testid="match-value"]').innerText()).resolves.toBe('+31612345678');
    const text = await card.innerText();
    for (const words of ['Anna de Vries', 'Bram Peeters', 'Greta Weber', 'Quick Jobs Board', 'Night Chat', 'Exact'])
      expect(text).toContain(words);

    // type the note, then with the keyboard: the card has the focus, c confirms
    await card.getByLabel('Note').fill('Same recruiter in NL, BE and DE ads');
    await card.focus();
    await analystPage.keyboard.press('c');
    await analystPage.waitForSelector('[data-testid="match-card"][data-status="confirmed"]', { timeout: 5000 });
    const resolution = card.getByTestId('match-resolution');
    await expect(resolution.innerText()).resolves.toContain('Confirmed by Europol Analyst');
    await expect(card.getByTestId('match-note').innerText()).resolves.toBe('Same recruiter in NL, BE and DE ads');
    await expect(analystPage.getByTestId('matches-count-confirmed').innerText()).resolves.toContain('1');
    await expect(analystPage.getByTestId('matches-count-open').innerText()).resolves.toContain('0');

    // undo: reopen with the key o on the focused card
    await card.focus();
    await analystPage.keyboard.press('o');
    await analystPage.waitForSelector('[data-testid="match-card"][data-status="open"]', { timeout: 5000 });
    expect(pageErrors).toEqual([]);
  });

  it('an investigator sees their identifier marked as matched once another country logs it', async () => {
    const w = await world('Marked finding day');
    await logPhone(w.operation, w.anna, w.platforms[0], '+31 6 5555 1234');
    const annaPage = await pageOf(w.anna, 'Marked finding day');
    await annaPage.locator(`[data-platform-toggle="${w.platforms[0]?.id}"]`).click();
    const finding = annaPage.locator('[data-testid="findings-panel"] [data-testid="finding"][data-kind="identifier"]');
    await finding.waitFor();
    await expect(finding.locator('[data-testid="finding-match"]').count()).resolves.toBe(0);

    await logPhone(w.operation, w.bram, w.platforms[1], '0031 6 5555 1234');

    const mark = finding.locator('[data-testid="finding-match"]');
    await mark.waitFor({ timeout: 5000 });
    await expect(mark.getAttribute('data-status')).resolves.toBe('open');
    await expect(mark.innerText()).resolves.toContain('Matched');
    // the notice names her own value and whom to contact, never the other record
    const toast = annaPage.getByTestId('match-toast');
    await toast.waitFor({ timeout: 5000 });
    await expect(toast.innerText()).resolves.toContain('+31655551234');
    await expect(toast.innerText()).resolves.toContain('Bram Peeters');
    await expect(toast.innerText()).resolves.not.toContain('0031');

    // the mark leads to the match, in her redacted view
    await mark.click();
    const card = annaPage.locator('[data-testid="match-card"]');
    await card.waitFor();
    await expect(card.innerText()).resolves.toContain('Bram Peeters');
    await expect(card.innerText()).resolves.not.toContain('Lonely Hearts Club');
    expect(pageErrors).toEqual([]);
  });

  it('a TLP:RED owner shares the contact, and only then does the other side’s list show it', async () => {
    const w = await world('Red day');
    await logPhone(w.operation, w.anna, w.platforms[0], '+31 6 7777 1234', 'TLP:RED');
    await logPhone(w.operation, w.bram, w.platforms[1], '+31 6 7777 1234');

    const bramPage = await pageOf(w.bram, 'Red day');
    await bramPage.goto(`${t.url}/operations/${w.operation.id}/matches`);
    await bramPage.waitForSelector('text=No matches yet.');

    const annaPage = await pageOf(w.anna, 'Red day');
    await annaPage.goto(`${t.url}/operations/${w.operation.id}/matches`);
    const decision = annaPage.locator('[data-testid="disclosure"][data-country="NL"]');
    await decision.waitFor();
    await expect(decision.getAttribute('data-state')).resolves.toBe('pending');
    await expect(annaPage.getByTestId('match-disclosure').innerText()).resolves.toContain('never the contents');
    await decision.getByTestId('share-contact').click();
    await annaPage.waitForSelector('[data-testid="disclosure"][data-country="NL"][data-state="shared"]', {
      timeout: 5000,
    });

    // Bram's open list learns whom to contact, live, and nothing of Anna's record
    const card = bramPage.locator('[data-testid="match-card"]');
    await card.waitFor({ timeout: 5000 });
    await expect(card.getByTestId('match-contacts').innerText()).resolves.toContain('Anna de Vries');
    await expect(card.innerText()).resolves.not.toContain('Quick Jobs Board');
    expect(pageErrors).toEqual([]);
  });
});
