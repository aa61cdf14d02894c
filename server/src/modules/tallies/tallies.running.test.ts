import type { Finding, Platform, Tally } from '@actionday/shared';
import { describe, expect, it } from 'vitest';
import { type Session, TestApp } from '../../test/test-app.js';
import { getOperation } from '../operations/index.js';
import { foldChanges, pendingChanges, recountTally, runningTally } from './tallies.running.js';

const comparable = (tally: Tally) => ({ figures: tally.figures, byCountry: tally.byCountry, progress: tally.progress });

describe('running figures', () => {
  it('equal a recount at every step of a random day, also across folds, new definitions and matches kept closed', async () => {
    const t = await TestApp.create();
    try {
      const { operation, coordinator } = await t.operation({
        focusTags: ['ukraine'],
        focusNationalities: ['UA'],
        claimLimit: 5,
      });
      const people = [
        coordinator,
        ...(await t.members(operation.id, 4, 'investigator', 'NL')),
        ...(await t.members(operation.id, 4, 'investigator', 'UA')),
      ];
      const platforms = (
        await t.request(
          coordinator,
          'POST',
          `/api/operations/${operation.id}/platforms`,
          Array.from({ length: 20 }, (_, i) => ({
            name: `R${i}`,
            url: `https://r${i}.example.org`,
            category: i % 2 ? 'forum' : 'dating',
            tags: i % 3 === 0 ? ['ukraine'] : [],
          })),
        )
      ).json<Platform[]>();
      let seed = 7;
      const random = (n: number) => {
        seed = (seed + 0x6d2b79f5) | 0;
        let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
        return Math.floor((((x ^ (x >>> 14)) >>> 0) / 4294967296) * n);
      };
      const pick = <T>(list: T[]) => list[random(list.length)] as T;
      const logged: { id: string; author: Session }[] = [];
      const held = new Map<string, Session>();
      const agree = async (step: string) => {
        const row = await getOperation(t.app.deps.db, operation.id);
        if (!row) throw new Error('operation vanished');
        const now = new Date();
        expect(comparable(await runningTally(t.app.deps.db, row, now)), step).toEqual(
          comparable(await recountTally(t.app.deps.db, row, now)),
        );
      };
      for (let i = 0; i < 400; i++) {
        const who = pick(people);
        const platform = pick(platforms);
        const roll = random(12);
        if (roll < 2) {
          if ((await t.request(who, 'POST', `/api/platforms/${platform.id}/claim`)).statusCode === 200)
            held.set(platform.id, who);
        } else if (roll < 3 && held.size > 0) {
          const [platformId, holder] = pick([...held.entries()]);
          await t.request(holder, 'POST', `/api/platforms/${platformId}/verdict`, {
            verdict: pick(['no_indicators', 'suspected', 'confirmed']),
            followUp: random(2) === 0,
          });
          held.delete(platformId);
        } else if (roll < 4 && random(3) === 0)
          await t.request(coordinator, 'POST', `/api/platforms/${platform.id}/reopen`);
        else if (roll < 9) {
          const kind = pick(['suspect', 'identifier', 'identifier', 'victim']);
          const body =
            kind === 'suspect'
              ? { kind, platformId: platform.id, aliases: [`s${i}`], identified: random(2) === 0 }
              : kind === 'identifier'
                ? {
                    kind,
                    platformId: platform.id,
                    identifierKind: 'email',
                    value: `u${random(40)}@example.org`,
                    handling: random(5) === 0 ? 'TLP:RED' : 'TLP:AMBER',
                  }
                : {
                    kind,
                    platformId: platform.id,
                    nationality: pick(['UA', 'RO']),
                    exploitation: 'sexual',
                  };
          const response = await t.request(who, 'POST', `/api/operations/${operation.id}/findings`, body);
          if (response.statusCode === 201)
            logged.push({ id: response.json<{ finding: Finding }>().finding.id, author: who });
        } else if (roll < 10 && logged.length > 0) {
          const { id } = pick(logged);
          await t.request(coordinator, 'PATCH', `/api/findings/${id}`, { handling: pick(['TLP:RED', 'TLP:GREEN']) });
        } else if (logged.length > 0) {
          await t.request(coordinator, 'DELETE', `/api/findings/${pick(logged).id}`);
        }
        if (i % 150 === 149) {
          await agree(`after ${i + 1} writes`);
          const row = await getOperation(t.app.deps.db, operation.id);
          if (row && (await pendingChanges(t.app.deps.db, operation.id)) > 0)
            expect(await foldChanges(t.app.deps.db, row, new Date())).toBe(true);
          await agree(`after folding at ${i + 1}`);
        }
        if (i === 200) {
          // a coordinator adds a figure mid-day: the running figures are recounted for it
          const figures = (await t.request(coordinator, 'GET', `/api/operations/${operation.id}/figures`)).json<
            unknown[]
          >();
          const put = await t.request(coordinator, 'PUT', `/api/operations/${operation.id}/figures`, [
            ...figures,
            {
              key: 'red_identifiers',
              label: 'identifiers',
              counts: 'identifiers',
              filter: {},
              breakdowns: [{ key: 'nl', label: 'NL', filter: { country: 'NL' } }],
            },
          ]);
          expect(put.statusCode, put.body).toBe(200);
          await agree('after new figure definitions');
        }
      }
      await agree('at the end');
    } finally {
      await t.close();
    }
  }, 300_000);

  it('many people opening the dashboard at once, before the figures were ever counted, all see them', async () => {
    const t = await TestApp.create();
    try {
      const { operation, coordinator } = await t.operation();
      const people = [coordinator, ...(await t.members(operation.id, 7, 'observer', 'NL'))];
      // every one of these finds no snapshot and counts one; on PostgreSQL they meet each other's recount
      const answers = await Promise.all(
        people.map((who) => t.request(who, 'GET', `/api/operations/${operation.id}/tallies`)),
      );
      expect(answers.map((a) => a.statusCode)).toEqual(people.map(() => 200));
      expect(new Set(answers.map((a) => JSON.stringify(a.json<Tally>().figures))).size).toBe(1);
    } finally {
      await t.close();
    }
  });
});
