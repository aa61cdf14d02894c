import type { FindingView, Platform } from '@actionday/shared';
import { type Session, TestApp } from '@actionday/server/test/test-app';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientDist } from './support/build-client.js';
import { chromiumPath, launchChromium } from './support/chromium.js';
import { openOperation, signIn } from './support/pages.js';

describe.skipIf(!chromiumPath)('identifiers read as a person would, in a real browser', () => {
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

  /** An operation of its own: a German and a Dutch investigator, a French ad site first in line, and Telegram. */
  async function world(name: string) {
    const { operation, coordinator } = await t.operation({ name });
    const greta = await t.member(operation.id, coordinator, 'investigator', 'DE', 'Greta Weber');
    const anna = await t.member(operation.id, coordinator, 'investigator', 'NL', 'Anna de Vries');
    const created = await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, [
      {
        name: 'Annonces Paris',
        url: 'https://annonces-paris.example.fr',
        category: 'classified_ads',
        countryFocus: 'FR',
        priority: 3,
      },
      { name: 'Telegram', url: 'https://t.me', category: 'messaging', priority: 1 },
    ]);
    expect(created.statusCode, created.body).toBe(201);
    const [ads, telegram] = created.json<Platform[]>();
    if (!ads || !telegram) throw new Error('platforms not created');
    return { operation, coordinator, greta, anna, ads, telegram };
  }

  async function pageOf(session: Session, operationName: string): Promise<Page> {
    const page = await signIn(browser, t.url, session, {}, (p) =>
      p.on('pageerror', (error) => pageErrors.push(`${session.email}: ${error.message}`)),
    );
    await openOperation(page, operationName);
    await page.waitForSelector('[data-testid="platform-row"]');
    return page;
  }

  /** With the keyboard only: N moves to the next platform to check, C claims it, Alt+2 opens the identifier form. */
  async function claimAndOpenIdentifierForm(page: Page): Promise<void> {
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('n');
    await page.keyboard.press('c');
    await page.waitForSelector('[data-testid="platform-detail"] [data-testid="findings-panel"]');
    await page.keyboard.press('Alt+2');
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? ''))
      .toBe('value');
  }

  const reading = (page: Page) => page.locator('[data-testid="log-identifier"] [data-testid="identifier-reading"]');

  it('a German investigator types a German mobile number on a French platform, sees it read as German and logs it', async () => {
    const w = await world('Reading phones day');
    const page = await pageOf(w.greta, 'Reading phones day');
    await claimAndOpenIdentifierForm(page);

    await page.keyboard.type('0151 23456789');
    // not a French number: read in her own country, and said so before anything is logged
    await expect.poll(() => reading(page).innerText(), { timeout: 5000 }).toContain('Germany');
    const sentence = await reading(page).innerText();
    expect(sentence).toContain('+49 1512 3456789');
    expect(sentence).toContain('your country');
    await expect(reading(page).getAttribute('data-recognised')).resolves.toBe('yes');
    await page.keyboard.press('Enter');

    const finding = page.locator('[data-testid="findings-panel"] [data-testid="finding"][data-kind="identifier"]');
    await finding.waitFor({ timeout: 5000 });
    await expect(finding.innerText()).resolves.toContain('+4915123456789');
    // the form is emptied for the next entry once the server has answered
    await expect.poll(() => page.locator('[data-testid="log-identifier"] input[name="value"]').inputValue()).toBe('');

    // a French number, read in another country because she says so: the region goes with it
    await page.keyboard.type('06 12 34 56 78');
    await expect.poll(() => reading(page).innerText(), { timeout: 5000 }).toContain('France');
    await page.locator('[data-testid="log-identifier"] select[name="region"]').focus();
    await page.keyboard.type('Netherlands');
    await expect.poll(() => reading(page).innerText()).toContain('+31 6 12345678');
    await expect(reading(page).innerText()).resolves.toContain('in the country you chose');
    await page.keyboard.press('Enter');
    await expect.poll(() => finding.count(), { timeout: 5000 }).toBe(2);
    await expect.poll(() => page.locator('[data-testid="log-identifier"] input[name="value"]').inputValue()).toBe('');

    // what the server stored is what she was shown
    const listed = await t.request(w.greta, 'GET', `/api/operations/${w.operation.id}/findings?kind=identifier`);
    const values = listed
      .json<FindingView[]>()
      .map((f) => (f.redacted ? '' : `${f.normalizedValue} ${f.readAs?.region}/${f.readAs?.basis}`));
    expect(values.sort()).toEqual(['+31612345678 NL/chosen', '+4915123456789 DE/own']);

    // a value that is no number at all is said so, with its text
    await page.locator('[data-testid="log-identifier"] input[name="value"]').focus();
    await page.keyboard.type('0800');
    await page.locator('[data-testid="log-identifier"] select[name="identifierKind"]').selectOption('phone');
    await expect.poll(() => reading(page).getAttribute('data-recognised'), { timeout: 5000 }).toBe('no');
    await expect(reading(page).innerText()).resolves.toContain('Not recognised: “0800”');
    expect(pageErrors).toEqual([]);
  });

  it('a handle typed on an ad site with Telegram chosen matches the same account seen on t.me', async () => {
    const w = await world('Reading handles day');
    // Anna saw the account on Telegram itself
    const seen = await t.request(w.anna, 'POST', `/api/operations/${w.operation.id}/findings`, {
      kind: 'identifier',
      identifierKind: 'profile_url',
      platformId: w.telegram.id,
      value: 'https://t.me/katya_sweet99',
    });
    expect(seen.statusCode, seen.body).toBe(201);

    const page = await pageOf(w.greta, 'Reading handles day');
    await claimAndOpenIdentifierForm(page);
    await page.keyboard.type('@katya_sweet99');
    // on an ad site nothing says which network: a possible match on any, until she says Telegram
    await expect.poll(() => reading(page).innerText(), { timeout: 5000 }).toContain('no known service');
    const service = page.locator('[data-testid="log-identifier"] select[name="service"]');
    await expect(service.inputValue()).resolves.toBe('');
    await page.keyboard.press('Tab'); // the kind, recognised as a username
    await page.keyboard.press('Tab'); // the service
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLSelectElement).name)).toBe('service');
    await page.keyboard.type('Telegram');
    await expect.poll(() => service.inputValue()).toBe('telegram');
    await expect.poll(() => reading(page).innerText()).toBe('Read as Telegram @katya_sweet99');
    await page.keyboard.press('Enter');

    const notice = page.locator('[data-testid="match-notice"]');
    await notice.waitFor({ timeout: 5000 });
    await expect(notice.innerText()).resolves.toContain('Match!');
    await expect.poll(() => notice.innerText(), { timeout: 5000 }).toContain('Anna de Vries');
    expect(pageErrors).toEqual([]);
  });

  it('a pasted ad lists each number with what it was read as, lets the region be changed, and keeps what it cannot read', async () => {
    const w = await world('Reading ads day');
    const page = await pageOf(w.greta, 'Reading ads day');
    await claimAndOpenIdentifierForm(page);
    await page.keyboard.press('Alt+4');
    await page.keyboard.type(
      'Neue Mädchen! Viber: 0176/11223344, Telegram @lena_fr, or call zero six one two three four five six seven',
    );
    await page.keyboard.press('Control+Enter');
    const rows = page.locator('[data-testid="extracted-identifier"]');
    await expect.poll(() => rows.count(), { timeout: 5000 }).toBe(2);
    const phone = rows.filter({ hasText: '0176/11223344' });
    await expect(phone.innerText()).resolves.toContain('Read as +49 176 11223344 (Germany), your country');
    await expect(rows.filter({ hasText: 'lena_fr' }).locator('select[name="service"]').inputValue()).resolves.toBe(
      'telegram',
    );
    // spelled-out digits are listed, never read as a number
    const unread = page.locator('[data-testid="unrecognised-identifier"]');
    await expect(unread.innerText()).resolves.toContain('zero six one two three four five six seven');
    await expect(unread.innerText()).resolves.toContain('061234567');

    // she says the number is Austrian: read again from its text, logged with that region
    await phone.locator('select[name="region"]').selectOption('AT');
    await expect.poll(() => phone.innerText()).toContain('(Austria), in the country you chose');
    await page.getByRole('button', { name: 'Log 2 selected' }).click();
    await expect.poll(() => rows.filter({ hasText: 'Logged' }).count(), { timeout: 5000 }).toBe(2);
    const listed = await t.request(w.greta, 'GET', `/api/operations/${w.operation.id}/findings?kind=identifier`);
    const values = listed.json<FindingView[]>().map((f) => (f.redacted ? '' : `${f.normalizedValue} ${f.service}`));
    expect(values.sort()).toEqual(['+4317611223344 viber', 'telegram:lena_fr telegram']);
    expect(pageErrors).toEqual([]);
  });
});
