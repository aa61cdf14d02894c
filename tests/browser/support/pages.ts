import type { Session } from '@actionday/server/test/test-app';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

/**
 * A fresh browser context signed in through the real sign-in page, as a
 * person would. `prepare` runs on the page before anything loads (listeners).
 */
export async function signIn(
  browser: Browser,
  baseUrl: string,
  session: Session,
  options: BrowserContextOptions = {},
  prepare?: (page: Page) => void,
): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  prepare?.(page);
  await page.goto(`${baseUrl}/signin`);
  await page.fill('input[name="email"]', session.email);
  await page.fill('input[name="password"]', session.password);
  await page.click('button[type="submit"]');
  return page;
}

/** Opens an operation from the list and waits until its live connection is up. */
export async function openOperation(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name }).click();
  await page.waitForSelector('[data-testid="connection-status"][data-state="connected"]');
}
