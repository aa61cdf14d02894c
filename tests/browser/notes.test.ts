import type { Operation, Platform } from '@actionday/shared';
import { type Session, TestApp } from '@actionday/server/test/test-app';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientDist } from './support/build-client.js';
import { chromiumPath, launchChromium } from './support/chromium.js';
import { openOperation, signIn } from './support/pages.js';

describe.skipIf(!chromiumPath)('shared notes in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let operation: Operation;
  let coordinator: Session;
  let anna: Session;
  let bram: Session;
  let observer: Session;
  let platform: Platform;

  beforeAll(async () => {
    t = await TestApp.create({ listen: true, clientDir: clientDist });
    ({ operation, coordinator } = await t.operation({ name: 'Notes action day' }));
    anna = await t.member(operation.id, coordinator, 'investigator', 'NL', 'Anna de Vries');
    bram = await t.member(operation.id, coordinator, 'investigator', 'BE', 'Bram Peeters');
    observer = await t.member(operation.id, coordinator, 'observer', 'FR', 'Press Officer');
    platform = (
      await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, {
        name: 'Quick Jobs Board',
        url: 'https://quick-jobs.example.org',
        category: 'classified_ads',
      })
    ).json<Platform>();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedInPage(session: Session): Promise<Page> {
    const page = await signIn(browser, t.url, session);
    await openOperation(page, 'Notes action day');
    return page;
  }

  /** What is written in the note, without the other people's caret labels. */
  function written(page: Page): Promise<string> {
    return page.locator('[data-testid="note-text"]').evaluate((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      for (const caret of copy.querySelectorAll('[data-note-caret]')) caret.remove();
      return copy.textContent ?? '';
    });
  }

  /** Opens the chosen note (the editor loads only then) and answers its text, once it is in step with the server. */
  async function noteText(page: Page) {
    const open = page.locator('[data-testid="note-open"]');
    if (await open.count()) await open.click();
    await page.waitForSelector(
      '[data-testid="note-editor"][data-status="synced"] [data-testid="note-text"][contenteditable="true"]',
    );
    return page.locator('[data-testid="note-text"]');
  }

  it('two investigators type into the situation log at the same time and each sees the other’s words', async () => {
    const annaPage = await signedInPage(anna);
    const bramPage = await signedInPage(bram);
    const annaText = await noteText(annaPage);
    const bramText = await noteText(bramPage);

    await annaText.click();
    await bramText.click();
    await Promise.all([
      annaPage.keyboard.type('Anna: ad site checked, phone number logged. ', { delay: 10 }),
      bramPage.keyboard.type('Bram: Telegram group found. ', { delay: 10 }),
    ]);

    for (const page of [annaPage, bramPage]) {
      await expect
        .poll(() => written(page), { timeout: 10_000 })
        .toContain('Anna: ad site checked, phone number logged.');
      await expect.poll(() => written(page), { timeout: 10_000 }).toContain('Bram: Telegram group found.');
    }
    await expect.poll(async () => (await written(annaPage)) === (await written(bramPage))).toBe(true);

    // Each sees the other in the note, with their country.
    await expect
      .poll(() => annaPage.locator('[data-testid="note-person"]').allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringMatching(/Bram Peeters[\s\S]*Belgium/)]));
    await expect
      .poll(() => bramPage.locator('[data-testid="note-person"]').allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringMatching(/Anna de Vries[\s\S]*Netherlands/)]));
    await expect
      .poll(() => annaPage.locator('[data-testid="note-editor"]').getAttribute('data-unsaved'), { timeout: 10_000 })
      .toBe('false');

    // A platform's note is a different text.
    await bramPage.selectOption('[data-testid="note-picker"]', platform.id);
    await noteText(bramPage);
    await expect
      .poll(() => bramPage.locator('[data-testid="note-editor"]').getAttribute('data-doc'))
      .toBe(`platform:${platform.id}`);
    expect(await written(bramPage)).not.toContain('Anna:');
    await annaPage.close();
    await bramPage.close();
  });

  it('an observer does not get the notes at all', async () => {
    const page = await signedInPage(observer);
    await page.getByRole('heading', { name: 'Notes action day' }).first().waitFor();
    await expect(page.locator('[data-testid="notes-panel"]').count()).resolves.toBe(0);
    await page.close();
  });
});
