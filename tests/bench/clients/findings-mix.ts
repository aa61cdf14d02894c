import type { CreateFinding } from '@actionday/shared';
import { pick } from '../lib/random.js';

/**
 * What investigators log in a day, in proportion: suspects, identifiers
 * checked (e-mail addresses drawn from a shared pool, so countries overlap
 * and cross-hits happen), possible victims; a quarter tagged with the focus.
 */
export function findingFor(index: number, platformId: string, random: () => number): CreateFinding {
  const tags = random() < 0.25 ? ['ukraine'] : [];
  const nationality = pick(['UA', 'RO', 'NG', 'NL'] as const, random);
  switch (index % 3) {
    case 0:
      return {
        kind: 'suspect',
        platformId,
        tags,
        aliases: [`alias ${index}`],
        identified: random() < 0.5,
        nationality,
      };
    case 1:
      return {
        kind: 'identifier',
        platformId,
        tags,
        identifierKind: 'email',
        value: `user${Math.floor(random() * 20_000)}@example.org`,
      };
    default:
      return {
        kind: 'victim',
        platformId,
        tags,
        nationality,
        minor: random() < 0.2,
        exploitation: pick(['sexual', 'labour', 'criminal', 'cse', 'other'] as const, random),
      };
  }
}
