import type { Operation, Platform } from '@actionday/shared';
import { expireIdleClaims } from '@actionday/server/modules/platforms/platforms.claims';
import { type Session, TestApp } from '@actionday/server/test/test-app';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientDist } from './support/build-client.js';
import { chromiumPath, launchChromium } from './support/chromium.js';
import { openOperation, signIn } from './support/pages.js';

describe.skipIf(!chromiumPath)('the platform board, keyboard first, in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let operation: Operation;
  let coordinator: Session;
  let anna: Session;
  let bram: Session;
  let best: Platform;
  let jobs: Platform;

  beforeAll(async () => {
    t = await TestApp.create({ listen: true, clientDir: clientDist });
    ({ operation, coordinator } = await t.operation({ name: 'Board action day', focusTags: ['ukraine'] }));
    anna = await t.member(operation.id, coordinator, 'investigator', 'NL', 'Anna de Vries');
    bram = await t.member(operation.id, coordinator, 'investigator', 'BE', 'Bram Peeters');
    const create = async (body: object) =>
      (await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, body)).json<Platform>();
    // created in this order: of the two with priority 8, "Lonely Hearts Club" is the older, so the best next one
    await create({ name: 'Quiet Forum', url: 'https://quiet-forum.example.org', category: 'forum' });
    best = await create({
      name: 'Lonely Hearts Club',
      url: 'https://lonely-hearts.example.org',
      category: 'dating',
      tags: ['ukraine'],
      priority: 8,
    });
    jobs = await create({
      name: 'Quick Jobs Board',
      url: 'https://quick-jobs.example.org',
      category: 'classified_ads',
      priority: 8,
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedInPage(session: Session): Promise<Page> {
    const page = await signIn(browser, t.url, session, { locale: 'en-GB' });
    await openOperation(page, 'Board action day');
    await page.waitForSelector(`[data-testid="platform-row"][data-platform-id="${best.id}"]`);
    return page;
  }
  const row = (page: Page, platform: Platform, state = '') =>
    `[data-testid="platform-row"][data-platform-id="${platform.id}"]${state}`;

  it('one investigator claims with N then C and gives the verdict with 2, F, Enter; the other sees each step at once; lost claims are announced', async () => {
    const [annaPage, bramPage] = await Promise.all([signedInPage(anna), signedInPage(bram)]);

    // keys typed into a field are text, not shortcuts
    await bramPage.getByRole('searchbox').fill('n');
    await expect(bramPage.locator('[data-testid="platform-row"][data-focused="true"]').count()).resolves.toBe(0);
    await bramPage.getByRole('searchbox').fill('');

    await annaPage.keyboard.press('n');
    await annaPage.waitForSelector(row(annaPage, best, '[data-focused="true"]'));
    await expect(annaPage.locator('[data-testid="suggestion"]').innerText()).resolves.toContain('Lonely Hearts Club');
    await annaPage.keyboard.press('c');
    await annaPage.waitForSelector(row(annaPage, best, '[data-status="claimed"]'));
    await annaPage.waitForSelector(`[data-testid="my-platform"][data-platform-id="${best.id}"]`);

    await bramPage.waitForSelector(row(bramPage, best, '[data-status="claimed"]'), { timeout: 5000 });
    await expect(
      bramPage.locator(row(bramPage, best)).locator('[data-testid="claimant"]').innerText(),
    ).resolves.toContain('Anna de Vries');
    await expect(bramPage.locator(row(bramPage, best)).locator('[data-testid="claim-button"]').count()).resolves.toBe(
      0,
    );
    await expect(bramPage.locator('[data-testid="who-is-where"]').innerText()).resolves.toMatch(
      /Anna de Vries[\s\S]*Lonely Hearts Club/,
    );

    // the claim opened the detail; V moves into the verdict form
    await annaPage.keyboard.press('v');
    await annaPage.waitForSelector('[data-testid="verdict-form"] input[type="radio"]:focus');
    await annaPage.keyboard.press('2');
    await annaPage.keyboard.press('f');
    await annaPage.keyboard.press('Enter');

    for (const page of [annaPage, bramPage]) {
      await page.waitForSelector(row(page, best, '[data-status="checked"]'), { timeout: 5000 });
      const checked = page.locator(row(page, best));
      await expect(checked.locator('[data-testid="verdict-badge"]').getAttribute('data-verdict')).resolves.toBe(
        'suspected',
      );
      await expect(checked.locator('[data-testid="follow-up-badge"]').count()).resolves.toBe(1);
    }

    // a coordinator gives Bram's claim to Anna: Bram is told, clearly, and Anna too
    await bramPage.locator(row(bramPage, jobs)).locator('[data-testid="claim-button"]').click();
    await bramPage.waitForSelector(row(bramPage, jobs, '[data-status="claimed"]'));
    const assigned = await t.request(coordinator, 'POST', `/api/platforms/${jobs.id}/assign`, {
      participantId: anna.memberId,
    });
    expect(assigned.statusCode).toBe(200);
    const notice = bramPage.locator('[data-testid="claim-notice"][data-kind="reassigned"]');
    await notice.waitFor({ timeout: 5000 });
    await expect(notice.innerText()).resolves.toContain('Quick Jobs Board');
    await expect(notice.innerText()).resolves.toContain('Anna de Vries');
    await annaPage.waitForSelector('[data-testid="claim-notice"][data-kind="assignedToMe"]', { timeout: 5000 });
    await notice.locator('[data-testid="claim-notice-dismiss"]').click();
    // it fades out, then is gone
    await expect.poll(() => bramPage.locator('[data-testid="claim-notice"]').count()).toBe(0);

    // Anna goes to lunch: 21 minutes later her claim is idle and returns to the pool, with a notice to her
    const expired = await expireIdleClaims({ ...t.app.deps, now: () => new Date(Date.now() + 21 * 60_000) });
    expect(expired.map((p) => p.id)).toEqual([jobs.id]);
    const lunch = annaPage.locator('[data-testid="claim-notice"][data-kind="expired"]');
    await lunch.waitFor({ timeout: 5000 });
    await expect(lunch.innerText()).resolves.toContain('Quick Jobs Board');
    await bramPage.waitForSelector(row(bramPage, jobs, '[data-status="unchecked"]'), { timeout: 5000 });
    await expect(bramPage.locator('[data-testid="claim-notice"]').count()).resolves.toBe(0);
  });

  it('a coordinator checks an import file first, sees the row problems, then imports the valid rows', async () => {
    const page = await signedInPage(coordinator);
    await page.locator('[data-testid="import-tool"] > summary').click();
    const csv = [
      'name,url,category,tags,languages,countryFocus,priority',
      'Night Chat,https://night-chat.example.org,messaging,ukraine,uk;ru,UA,3',
      'Broken,not an address,forum,,,,',
      'Again,https://lonely-hearts.example.org/,dating,,,,',
    ].join('\n');
    await page
      .locator('[data-testid="import-file"]')
      .setInputFiles({ name: 'targets.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.locator('[data-testid="import-check"]').click();

    const preview = page.locator('[data-testid="import-preview"]');
    await preview.waitFor();
    await expect(page.locator('[data-testid="import-valid"]').innerText()).resolves.toContain('1 ready');
    await expect(page.locator('[data-testid="import-invalid"]').innerText()).resolves.toContain('2 with problems');
    await expect(
      preview.locator('[data-testid="import-row"][data-line="3"] [data-code="bad_url"]').innerText(),
    ).resolves.toContain('Not an http(s) address');
    await expect(
      preview.locator('[data-testid="import-row"][data-line="4"] [data-code="duplicate_existing"]').count(),
    ).resolves.toBe(1);
    // nothing written by the check
    await expect(page.locator('[data-testid="platform-row"]').count()).resolves.toBe(3);

    await page.locator('[data-testid="import-commit"]').click();
    await expect(page.locator('[data-testid="import-done"]').innerText()).resolves.toContain('1 platform imported');
    await page.waitForSelector('[data-testid="platform-row"]:has-text("Night Chat")', { timeout: 5000 });
    await expect(page.locator('[data-testid="platform-row"]').count()).resolves.toBe(4);
  });
});
