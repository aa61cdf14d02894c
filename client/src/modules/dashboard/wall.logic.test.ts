import { describe, expect, it } from 'vitest';
import { breakdownPage, checkedByCountry, cumulative, fitGrid } from './wall.logic';

describe('the wall', () => {
  it('lays out 12 figures in 4 × 3 on a wide screen and 3 × 4 on a tall one, one figure alone', () => {
    expect(fitGrid(12, 1100, 600)).toEqual({ columns: 4, rows: 3 });
    expect(fitGrid(12, 600, 900)).toEqual({ columns: 2, rows: 6 });
    expect(fitGrid(1, 1100, 600)).toEqual({ columns: 1, rows: 1 });
    expect(fitGrid(7, 1800, 700)).toEqual({ columns: 4, rows: 2 });
  });

  it('shows every breakdown in turn, two at a time', () => {
    const all = ['a', 'b', 'c', 'd', 'e'];
    expect(breakdownPage(all, 0)).toEqual({ page: 0, pages: 3, items: ['a', 'b'] });
    expect(breakdownPage(all, 2).items).toEqual(['e']);
    expect(breakdownPage(all, 3).items).toEqual(['a', 'b']);
    expect(breakdownPage([], 7)).toEqual({ page: 0, pages: 1, items: [] });
  });

  it('adds the day up bucket by bucket, and ranks countries by platforms checked', () => {
    expect(
      cumulative([
        { start: 'a', checked: 2, findings: 5 },
        { start: 'b', checked: 0, findings: 1 },
        { start: 'c', checked: 3, findings: 0 },
      ]),
    ).toEqual([
      { start: 'a', checked: 2, findings: 5 },
      { start: 'b', checked: 2, findings: 6 },
      { start: 'c', checked: 5, findings: 6 },
    ]);
    const tally = (platformsChecked: number) => ({
      participants: 1,
      platformsChecked,
      suspects: 0,
      identifiers: 0,
      victims: 0,
      evidence: 0,
      matches: 0,
    });
    expect(checkedByCountry({ NL: tally(3), DE: tally(5), BE: tally(3), FR: tally(0) })).toEqual([
      { country: 'DE', checked: 5 },
      { country: 'BE', checked: 3 },
      { country: 'NL', checked: 3 },
    ]);
  });
});
