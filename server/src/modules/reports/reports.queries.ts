import type { Db } from '../../db/database.js';
import { findingCountsByTag, loggedPerBucket } from '../findings/index.js';
import { participatingCountries } from '../operations/index.js';
import { checkedPerBucket, platformCountsByTag } from '../platforms/index.js';

export { countByExploitation, countByRoute, type ExploitationCounts } from '../findings/index.js';
export { countLiaison } from '../liaison/index.js';
export { countByCategory, type CategoryCounts } from '../platforms/index.js';
export { participatingCountries };

/**
 * The report's aggregates, counted by SQL in the modules that own the records. `frozen` leaves out
 * findings logged late, after closing, so that every table agrees with the frozen figures.
 */
export interface TagCounts {
  tag: string;
  platforms: number;
  checked: number;
  suspected: number;
  confirmed: number;
  followUp: number;
  suspects: number;
  identifiers: number;
  victims: number;
}

/** Per focus tag (and any other tag in use): platforms by outcome and findings by kind. */
export async function countByTag(
  db: Db,
  operationId: string,
  focusTags: string[],
  frozen: boolean,
): Promise<TagCounts[]> {
  const [p, f] = await Promise.all([platformCountsByTag(db, operationId), findingCountsByTag(db, operationId, frozen)]);
  const tags = [...new Set([...focusTags, ...p.keys(), ...f.keys()])];
  return tags.map((tag) => ({
    tag,
    ...(p.get(tag) ?? { platforms: 0, checked: 0, suspected: 0, confirmed: 0, followUp: 0 }),
    ...(f.get(tag) ?? { suspects: 0, identifiers: 0, victims: 0 }),
  }));
}

/** At most this many buckets are filled in (about three weeks of 15 minutes). */
const MAX_FILLED = 2000;

export interface TimelineCounts {
  bucketMinutes: number;
  buckets: { start: string; checked: number; findings: number }[];
}

/**
 * Platforms checked and findings logged per bucket (as the dashboard's
 * timeline), with the empty buckets of the day filled in so a chart has a
 * continuous axis from the start of the operation to its end.
 */
export async function countTimeline(
  db: Db,
  operation: { id: string; startsAt: Date; endsAt: Date },
  bucketMinutes: number,
  frozen: boolean,
): Promise<TimelineCounts> {
  const [checked, logged] = await Promise.all([
    checkedPerBucket(db, operation.id, operation.startsAt, bucketMinutes),
    loggedPerBucket(db, operation.id, operation.startsAt, bucketMinutes, frozen),
  ]);
  const counted = new Map<number, { checked: number; findings: number }>();
  for (const [start, count] of checked) counted.set(new Date(start).getTime(), { checked: count, findings: 0 });
  for (const [start, count] of logged) {
    const at = new Date(start).getTime();
    counted.set(at, { checked: counted.get(at)?.checked ?? 0, findings: count });
  }
  const step = bucketMinutes * 60_000;
  const windowStart = operation.startsAt.getTime();
  const windowEnd = operation.endsAt.getTime() - 1;
  // the day's empty buckets are filled in; so is the stretch to records just outside the window,
  // unless that would take more than MAX_FILLED buckets (records days away stay, unfilled)
  const first = Math.min(windowStart, ...counted.keys());
  const last = Math.max(windowEnd, ...counted.keys());
  const wide = (last - first) / step > MAX_FILLED;
  const from = wide ? windowStart : first;
  const to = wide ? windowEnd : last;
  const starts = new Set(counted.keys());
  for (let at = from; at <= to; at += step) starts.add(at);
  const buckets = [...starts]
    .sort((a, b) => a - b)
    .map((at) => ({ start: new Date(at).toISOString(), ...(counted.get(at) ?? { checked: 0, findings: 0 }) }));
  return { bucketMinutes, buckets };
}
