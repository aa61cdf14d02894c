import type { Operation, Platform } from '@actionday/shared';
import { type Session, TestApp } from '@actionday/server/test/test-app';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientDist } from './support/build-client.js';
import { chromiumPath, launchChromium } from './support/chromium.js';
import { openOperation, signIn } from './support/pages.js';

/** The client's own JavaScript files a page fetched, by chunk name (`editor`, `OperationPage`, …). */
function scripts(page: Page): string[] {
  const fetched: string[] = [];
  page.on('request', (request) => {
    const match = /\/assets\/([\w.-]+?)-[\w-]{8}\.js$/.exec(new URL(request.url()).pathname);
    if (match?.[1]) fetched.push(match[1]);
  });
  return fetched;
}

describe.skipIf(!chromiumPath)('the first load of the board, on a crowded Wi-Fi', () => {
  let t: TestApp;
  let browser: Browser;
  let operation: Operation;
  let anna: Session;
  let platform: Platform;

  beforeAll(async () => {
    t = await TestApp.create({ listen: true, clientDir: clientDist });
    let coordinator: Session;
    ({ operation, coordinator } = await t.operation({ name: 'First load action day' }));
    anna = await t.member(operation.id, coordinator, 'investigator', 'NL', 'Anna de Vries');
    platform = (
      await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, {
        name: 'Lonely Hearts Club',
        url: 'https://lonely-hearts.example.org',
        category: 'dating',
      })
    ).json<Platform>();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('an investigator opens the board without the notes editor or the charts; the editor comes when a note is opened', async () => {
    let fetched: string[] = [];
    const page = await signIn(browser, t.url, anna, {}, (p) => {
      fetched = scripts(p);
    });
    await openOperation(page, 'First load action day');
    await page.waitForSelector(`[data-testid="platform-row"][data-platform-id="${platform.id}"]`);
    // work on the board: open a platform, see its findings, let idle prefetching happen
    await page.locator(`[data-platform-toggle="${platform.id}"]`).click();
    await page.waitForSelector('[data-testid="platform-detail"] [data-testid="findings-panel"]');
    await page.waitForLoadState('networkidle');

    expect(fetched).toContain('OperationPage');
    expect(fetched.filter((name) => /^(editor|charts|NoteEditor|TimelineChart|ReportPage)$/.test(name))).toEqual([]);

    await page.locator('[data-testid="note-open"]').click();
    await page.waitForSelector('[data-testid="note-editor"][data-status="synced"]');
    expect(fetched).toEqual(expect.arrayContaining(['NoteEditor', 'editor']));
    expect(fetched).not.toContain('charts');
    await page.close();
  });
});
