import { type Session, TestApp } from '@actionday/server/test/test-app';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientDist } from './support/build-client.js';
import { chromiumPath, launchChromium } from './support/chromium.js';

describe.skipIf(!chromiumPath)("the coordinators' participant screen in a real browser", () => {
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

  /** A page of the operation for a seeded person (their session cookie, no sign-in form). */
  async function open(session: Session, path: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1400, height: 1000 } });
    const [name, value] = session.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: t.url }]);
    const page = await context.newPage();
    await page.goto(`${t.url}${path}`);
    return page;
  }

  async function participantsPanel(page: Page) {
    await page.locator('summary', { hasText: /^Participants$/ }).click();
    const panel = page.getByTestId('participants-panel');
    await panel.waitFor();
    return panel;
  }

  it('a coordinator asks to revoke a coordinator, a second one confirms, and the administrator undoes it', async () => {
    const w = await t.seed({
      members: {
        anna: ['coordinator', 'NL', 'Anna'],
        bert: ['coordinator', 'DE', 'Bert'],
        carl: ['coordinator', 'FR', 'Carl'],
      },
    });
    const dashboard = `/operations/${w.operation.id}/dashboard`;

    const anna = await participantsPanel(await open(w.members.anna, dashboard));
    const carlRow = anna.getByTestId('participant-item').filter({ hasText: 'Carl' });
    await carlRow.getByRole('button', { name: 'Revoke' }).click();
    await expect(carlRow.textContent()).resolves.toContain('second coordinator confirms');
    await carlRow.getByTestId('revoke-confirm').click();
    await anna.getByText('another coordinator (or an administrator) must confirm').waitFor();
    await anna.getByTestId('revocation-pending').filter({ hasText: 'Carl' }).waitFor();
    // the one who asked cannot confirm their own request
    await expect(anna.getByTestId('confirm-revocation').count()).resolves.toBe(0);

    const bert = await participantsPanel(await open(w.members.bert, dashboard));
    const pending = bert.getByTestId('revocation-pending').filter({ hasText: 'Carl' });
    await expect(pending.textContent()).resolves.toContain('Asked by Anna');
    await pending.getByTestId('confirm-revocation').click();
    await bert.getByTestId('revocation-revoked').filter({ hasText: 'Revoked by Bert' }).waitFor();
    // coordinators may not undo it
    await expect(bert.getByTestId('reinstate').count()).resolves.toBe(0);

    const admin = await participantsPanel(await open(w.coordinator, dashboard));
    await admin.getByTestId('revocation-revoked').filter({ hasText: 'Carl' }).getByTestId('reinstate').click();
    await admin.getByTestId('participant-item').filter({ hasText: 'Carl' }).waitFor();
    expect((await t.request(w.members.carl, 'GET', `/api/operations/${w.operation.id}/platforms`)).statusCode).toBe(
      200,
    );
  });

  it('an analyst without a second factor, where the operation requires one, is shown the way to set it up', async () => {
    const w = await t.seed({ members: { analyst: ['analyst', 'FR', 'Ana'] } });
    // the coordinator needs TOTP to require it: set directly, this test is about what the analyst sees
    const { operations } = await import('@actionday/server/modules/operations/operations.table');
    const { eq } = await import('drizzle-orm');
    await t.app.deps.db.update(operations).set({ requireTotp: true }).where(eq(operations.id, w.operation.id));
    const page = await open(w.members.analyst, `/operations/${w.operation.id}/dashboard`);
    await page.getByText('This operation requires a second factor for your role').waitFor();
    await page.getByRole('link', { name: 'Set up a second factor' }).click();
    await page.waitForURL(`${t.url}/account`);
  });
});
