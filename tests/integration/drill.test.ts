import { TestApp } from '@actionday/server/test/test-app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDrill } from '../drill/drill.js';
import { readDrillOptions } from '../drill/options.js';

/**
 * `pnpm drill` against a real server on a port (this run's database: embedded, or PostgreSQL with
 * TEST_DATABASE_URL): a small day at a few thousand times human speed ends with the server's figures equal to
 * what the drill did, live and once closed.
 */
describe('the drill rehearses a day', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create({ listen: true });
  });
  afterAll(async () => {
    await t.close();
  });

  it('investigators of three countries and an analyst work every platform; the figures add up, live and frozen', async () => {
    const admin = await t.user({ isAdmin: true });
    const lines: string[] = [];
    const options = readDrillOptions(
      [
        '--url',
        t.url,
        '--email',
        admin.email,
        '--password',
        admin.password,
        '--investigators',
        '6',
        '--countries',
        '3',
        '--platforms',
        '12',
        '--analysts',
        '1',
        '--speed',
        '4000',
        '--seed',
        '7',
      ],
      {},
    );
    const result = await runDrill(options, (line) => lines.push(line));
    expect(result.differences).toEqual([]);
    expect(result.frozenDifferences).toEqual([]);
    // every platform was worked, findings of every kind were logged, and shared values made matches
    expect(result.live.progress).toMatchObject({ unchecked: 0, claimed: 0 });
    expect(result.live.progress.checked).toBeGreaterThanOrEqual(12);
    expect(result.ledger.actions.get('identifier')).toBeGreaterThan(0);
    expect(result.ledger.actions.get('suspect')).toBeGreaterThan(0);
    expect(result.ledger.matches).toBeGreaterThan(0);
    expect(Object.keys(result.live.byCountry).sort()).toEqual(['BE', 'DE', 'NL']);
    expect(result.ledger.refusals.get('server.internal') ?? 0).toBe(0);
  }, 120_000);

  it('refuses a command line without a server or an account, saying what is missing', () => {
    expect(() => readDrillOptions(['--investigators', '5'], {})).toThrow(/--url/);
    expect(() => readDrillOptions(['--url', 'http://127.0.0.1:1'], {})).toThrow(/--email and --password/);
    expect(() =>
      readDrillOptions(['--url', 'http://x', '--email', 'a', '--password', 'b', '--speed', '0'], {}),
    ).toThrow(/--speed/);
  });
});
