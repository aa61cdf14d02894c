import { readFileSync } from 'node:fs';
import { type Operation, type Platform, errorStatus, interfaceLanguages } from '@actionday/shared';
import { type Session, TestApp } from '@actionday/server/test/test-app';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientDist } from './support/build-client.js';
import { chromiumPath, launchChromium } from './support/chromium.js';
import { signIn } from './support/pages.js';

type Catalogue = { [key: string]: string | Catalogue };
const catalogue = (lang: string): Catalogue =>
  JSON.parse(readFileSync(new URL(`../../client/src/app/i18n/${lang}.json`, import.meta.url), 'utf8'));
const flatten = (node: Catalogue, prefix = ''): string[] =>
  Object.entries(node).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : flatten(v, `${prefix}${k}.`)));

/** Everything that would be a code shown instead of a sentence: catalogue keys, error codes, audit actions. */
const codes = new Set([
  ...flatten(catalogue('en')).flatMap((k) => [k, k.replace(/_(one|other)$/, '')]),
  ...Object.keys(errorStatus),
  'platform.claimed',
  'platform.created',
  'finding.logged',
  'finding.list_read',
  'evidence.list_read',
  'auth.refused',
  'hit.dismissed',
]);
const rawCodes = (text: string) =>
  [...text.matchAll(/[a-z][\w]*(?:\.[a-zA-Z_]+)+/g)].map((m) => m[0]).filter((w) => codes.has(w));

describe.skipIf(!chromiumPath)('every shipped language in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let operation: Operation;
  let coordinator: Session;
  let anna: Session;
  let platform: Platform;

  beforeAll(async () => {
    t = await TestApp.create({ listen: true, clientDir: clientDist });
    ({ operation, coordinator } = await t.operation({
      name: 'Multilingual day',
      focusTags: ['ukraine'],
      focusNationalities: ['UA'],
      timeZone: 'Europe/Amsterdam',
    }));
    anna = await t.member(operation.id, coordinator, 'investigator', 'PL', 'Anna Nowak');
    const created = await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, [
      { name: 'Lonely Hearts Club', url: 'https://lonely-hearts.example.org', category: 'dating', tags: ['ukraine'] },
      { name: 'Quiet Forum', url: 'https://quiet-forum.example.org', category: 'forum' },
    ]);
    [platform] = created.json<Platform[]>() as [Platform];
    expect((await t.request(anna, 'POST', `/api/platforms/${platform.id}/claim`)).statusCode).toBe(200);
    const logged = await t.request(anna, 'POST', `/api/operations/${operation.id}/findings`, {
      kind: 'victim',
      platformId: platform.id,
      nationality: 'UA',
      exploitation: 'labour',
    });
    expect(logged.statusCode, logged.body).toBe(201);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** The page's visible text once `selector` is there. */
  async function visibleText(page: Page, path: string, selector: string): Promise<string> {
    await page.goto(`${t.url}${path}`);
    await page.waitForSelector(selector);
    return page.evaluate(() => document.body.innerText);
  }

  it.each(interfaceLanguages)(
    'renders the board, dashboard, wall and report in %s, with no code where a sentence belongs',
    async (lang) => {
      const page = await signIn(browser, t.url, coordinator, {
        locale: lang,
        viewport: { width: 1920, height: 1080 },
      });
      await page.getByRole('link', { name: 'Multilingual day' }).waitFor();
      // the language follows the browser, with its direction
      await expect(page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).resolves.toEqual(
        [lang, 'ltr'],
      );
      const words = catalogue(lang) as { nav: { signOut: string }; board: { title: string } };
      const pages: [string, string][] = [
        [`/operations/${operation.id}`, '[data-testid="platform-row"]'],
        [`/operations/${operation.id}/dashboard`, '[data-testid="activity-item"]'],
        [`/operations/${operation.id}/wall`, '[data-testid="wall"]'],
        [`/operations/${operation.id}/report`, '[data-testid="statement"]'],
      ];
      for (const [path, selector] of pages) {
        const text = await visibleText(page, path, selector);
        expect(rawCodes(text), `${lang} ${path}`).toEqual([]);
        expect(text, `${lang} ${path}`).not.toMatch(/\{\{|\}\}/);
        if (!path.endsWith('/wall')) expect(text, `${lang} ${path}`).toContain(words.nav.signOut);
        // no text runs out of its box: figures' labels and breakdowns, in every language
        await expect(
          page.evaluate(() =>
            [...document.querySelectorAll('[data-testid="figure"] *')]
              .filter((el) => el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
              .map((el) => el.textContent),
          ),
          `${lang} ${path}`,
        ).resolves.toEqual([]);
        // nothing wider than the window
        await expect(
          page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
          `${lang} ${path}`,
        ).resolves.toBe(true);
      }
      await page.context().close();
    },
  );

  it('remembers the language chosen in the header for the account, on the next device too', async () => {
    const page = await signIn(browser, t.url, coordinator, { locale: 'en-GB' });
    await page.getByRole('link', { name: 'Multilingual day' }).waitFor();
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/me/language') && r.ok()),
      page.selectOption('[data-testid="language-switcher"]', 'uk'),
    ]);
    await page.waitForFunction(() => document.documentElement.lang === 'uk');
    await expect(t.request(coordinator, 'GET', '/api/me').then((r) => r.json().user.language)).resolves.toBe('uk');

    const other = await signIn(browser, t.url, coordinator, { locale: 'de-DE' });
    await other.waitForFunction(() => document.documentElement.lang === 'uk');
    await other.context().close();
    // back to English for the other tests
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/me/language') && r.ok()),
      page.selectOption('[data-testid="language-switcher"]', 'en'),
    ]);
    await page.context().close();
  });

  it('shows a claim time identically, with its zone, for a viewer in New York and an operation in Amsterdam', async () => {
    const claimedAt = (
      await t.request(coordinator, 'GET', `/api/operations/${operation.id}/platforms`).then((r) => r.json<Platform[]>())
    ).find((p) => p.id === platform.id)?.claimedAt as string;
    await t.request(coordinator, 'PUT', '/api/me/language', { language: 'en' });
    const inZone = (timeZone: string) =>
      new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(claimedAt));

    const page = await signIn(browser, t.url, coordinator, { locale: 'en-US', timezoneId: 'America/New_York' });
    await page.getByRole('link', { name: 'Multilingual day' }).waitFor();
    await page.goto(`${t.url}/operations/${operation.id}`);
    const claim = page.locator(`[data-testid="platform-row"] time[datetime="${claimedAt}"]`).first();
    await claim.waitFor();
    const shown = await claim.innerText();
    // the operation's zone by default, named beside the time
    expect(shown).toContain(inZone('Europe/Amsterdam'));
    expect(shown).toMatch(/GMT\+[12]|CES?T/);

    // the dashboard's feed says the same time, in the same words
    await page.goto(`${t.url}/operations/${operation.id}/dashboard`);
    const item = page.locator('[data-testid="activity-item"][data-action="platform.claimed"] time');
    await item.waitFor();
    const fromFeed = (await item.innerText()).split(' · ')[0] ?? '';
    expect(shown).toContain(fromFeed);

    // the viewer's own zone, everywhere at once, also named
    await page.selectOption('[data-testid="zone-switcher"]', 'own');
    await page.waitForFunction(
      (expected) =>
        document
          .querySelector('[data-testid="activity-item"][data-action="platform.claimed"] time')
          ?.textContent?.includes(expected),
      inZone('America/New_York'),
    );
    const own = await item.innerText();
    expect(own).toMatch(/EST|EDT|GMT-[45]/);
    await page.goto(`${t.url}/operations/${operation.id}`);
    await claim.waitFor();
    await expect(claim.innerText()).resolves.toContain(inZone('America/New_York'));
    // the wall keeps the operation's time whatever the viewer chose
    await page.goto(`${t.url}/operations/${operation.id}/wall`);
    await expect(page.locator('[data-testid="wall-clock"]').innerText()).resolves.toContain('Europe/Amsterdam');
    await page.context().close();
  });
});
