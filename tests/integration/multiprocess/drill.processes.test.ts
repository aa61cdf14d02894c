import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDrill } from '../../drill/drill.js';
import { readDrillOptions } from '../../drill/options.js';
import { ADMIN, Cluster, type Member } from './cluster.js';
import { servicesReady } from './services.js';

const ready = await servicesReady('Drill across processes');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Three server processes on one PostgreSQL database and Redis run a drilled day while two of them are killed
 * (SIGKILL, no goodbye) and started again in turn: the participants' requests move to a process that answers,
 * retried with their Idempotency-Keys, and the figures at the end equal what the drill did — nothing lost,
 * nothing twice.
 */
describe.skipIf(!ready)('a drilled day on three processes', () => {
  const cluster = new Cluster();
  let members: Member[] = [];
  beforeAll(async () => {
    await cluster.create();
    members = await cluster.startMany(3);
  }, 120_000);
  afterAll(async () => {
    await cluster.stop();
  }, 60_000);

  it('two processes killed and restarted in turn during the day lose nothing and double nothing', async () => {
    const [a, b, c] = members as [Member, Member, Member];
    const kills: string[] = [];
    let live: () => void = () => {};
    const dayIsLive = new Promise<void>((resolve) => (live = resolve));
    const options = readDrillOptions(
      [
        '--url',
        [a.url, b.url, c.url].join(','),
        '--email',
        ADMIN.email,
        '--password',
        ADMIN.password,
        '--investigators',
        '9',
        '--countries',
        '3',
        '--platforms',
        '27',
        '--analysts',
        '1',
        '--speed',
        '60',
        '--seed',
        '11',
      ],
      {},
    );
    let over = false;
    const drill = runDrill(options, (line) => {
      if (line === 'the day is live') live();
    }).finally(() => (over = true));
    const turns = (async () => {
      await dayIsLive;
      for (const member of [b, c]) {
        await sleep(1500);
        // a kill counts only while people are still at work
        if (!over) kills.push(member.url);
        member.child.kill('SIGKILL');
        await sleep(2000);
        await cluster.start(Number(new URL(member.url).port));
      }
    })();
    const [result] = await Promise.all([drill, turns]);
    expect(kills, `the day took ${result.seconds} s`).toHaveLength(2);
    expect(result.differences).toEqual([]);
    expect(result.frozenDifferences).toEqual([]);
    expect(result.live.progress).toMatchObject({ unchecked: 0, claimed: 0 });
    expect(result.ledger.refusals.get('server.internal') ?? 0).toBe(0);
    // requests did meet a killed process, and went on through another
    expect(result.ledger.actions.get('moved to another process')).toBeGreaterThan(0);
  }, 180_000);
});
