import type { CountryTally } from '@actionday/shared';
import type { TimelinePoint } from './dashboard.logic';

/** Columns and rows of the wall's figure grid. */
export interface GridShape {
  columns: number;
  rows: number;
}

/**
 * The grid that gives `count` figures the largest cells of about `aspect`
 * (width : height) in a `width` × `height` area: a cell is only as big as its
 * smaller side allows, so 12 figures on a wide screen take 4 × 3, on a narrow
 * one 3 × 4, and one figure takes the whole area.
 */
export function fitGrid(count: number, width: number, height: number, aspect = 1.6): GridShape {
  if (count <= 0 || width <= 0 || height <= 0) return { columns: 1, rows: 1 };
  let best: GridShape = { columns: 1, rows: count };
  let bestSize = -1;
  for (let columns = 1; columns <= count; columns += 1) {
    const rows = Math.ceil(count / columns);
    const size = Math.min(width / columns / aspect, height / rows);
    // a tie goes to fewer empty cells
    if (size > bestSize + 0.5) {
      best = { columns, rows };
      bestSize = size;
    }
  }
  return best;
}

/** How many breakdowns a figure shows at once on the wall; more take turns. */
export const BREAKDOWNS_PER_PAGE = 2;

/** The page of breakdowns shown at `tick` (the pages follow each other, then start again). */
export function breakdownPage<T>(breakdowns: readonly T[], tick: number, size = BREAKDOWNS_PER_PAGE) {
  const pages = Math.max(1, Math.ceil(breakdowns.length / size));
  const page = ((tick % pages) + pages) % pages;
  return { page, pages, items: breakdowns.slice(page * size, page * size + size) };
}

/** A point of the progress-over-time chart: totals so far at the end of a bucket. */
export interface ProgressPoint {
  start: string;
  checked: number;
  findings: number;
}

/** Running totals of the timeline's buckets: how the day grew. */
export function cumulative(points: readonly TimelinePoint[]): ProgressPoint[] {
  let checked = 0;
  let findings = 0;
  return points.map((point) => {
    checked += point.checked;
    findings += point.findings;
    return { start: point.start, checked, findings };
  });
}

/** Platforms checked per country, the most first (ties by code), countries with nothing left out. */
export function checkedByCountry(byCountry: Record<string, CountryTally>): { country: string; checked: number }[] {
  return Object.entries(byCountry)
    .map(([country, tally]) => ({ country, checked: tally.platformsChecked }))
    .filter((row) => row.checked > 0)
    .sort((a, b) => b.checked - a.checked || a.country.localeCompare(b.country));
}
