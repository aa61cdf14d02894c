import type { Tally } from '@actionday/shared';
import { type CSSProperties, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { EmptyState } from '../../app/ui/EmptyState';
import { cx } from '../../app/ui/cx';
import { useNow } from './clock';
import type { Liveness } from './Figures';
import { useFitGrid } from './fit';
import { FlashNumber } from './FlashNumber';
import { breakdownLabel, figureLabel } from './labels';
import { breakdownPage } from './wall.logic';
import styles from './WallFigures.module.css';

/** How long a page of breakdowns stays before the next one takes its place. */
export const BREAKDOWN_TURN_MS = 5000;

/**
 * The key figures on the wall: as many as the operation defines, in the grid
 * that gives them the largest cells, the text scaled down until nothing is cut
 * (`useFitGrid`); a figure with more breakdowns than fit shows them two at a
 * time in turn, with a dot for each page.
 */
export function WallFigures({ tally, liveness }: { tally: Tally; liveness: Liveness }) {
  const { t } = useTranslation();
  const format = useFormat();
  const ref = useRef<HTMLDivElement>(null);
  const now = useNow(BREAKDOWN_TURN_MS);
  const tick = Math.floor(now / BREAKDOWN_TURN_MS);
  const shape = useFitGrid(ref, tally.figures.length, `${tally.seq}:${tick}:${format.language}`);

  return (
    <div
      ref={ref}
      className={cx(styles.figures, liveness === 'stale' && styles.stale)}
      data-testid="figures"
      data-liveness={liveness}
      data-columns={shape.columns}
      style={
        {
          gridTemplateColumns: `repeat(${shape.columns}, minmax(0, 1fr))`,
          gridTemplateRows: `repeat(${shape.rows}, minmax(0, 1fr))`,
        } as CSSProperties
      }
    >
      {tally.figures.length === 0 && <EmptyState>{t('dashboard.noFigures')}</EmptyState>}
      {tally.figures.map((figure) => {
        const turn = breakdownPage(figure.breakdowns, tick);
        return (
          <article key={figure.key} className={styles.figure} data-testid="figure" data-key={figure.key}>
            {/* sized from the figure (a size container), which its own padding could not be */}
            <div className={styles.inner} data-fit-cell>
              <h3 className={styles.label}>{figureLabel(t, figure)}</h3>
              <div className={styles.valueLine} data-fit-line>
                <FlashNumber value={figure.value} className={styles.value} testId="figure-value" />
              </div>
              {figure.breakdowns.length > 0 && (
                <div className={styles.turns} data-page={turn.page} data-pages={turn.pages}>
                  <ul className={styles.breakdowns} aria-live="off">
                    {turn.items.map((breakdown) => (
                      <li
                        key={breakdown.key}
                        className={styles.breakdown}
                        data-testid="figure-breakdown"
                        data-key={breakdown.key}
                      >
                        <FlashNumber
                          value={breakdown.value}
                          className={styles.breakdownValue}
                          testId="figure-breakdown-value"
                        />{' '}
                        {breakdownLabel(t, format.country, breakdown)}
                      </li>
                    ))}
                  </ul>
                  {turn.pages > 1 && (
                    <span className={styles.dots} aria-hidden="true">
                      {Array.from({ length: turn.pages }, (_, page) => (
                        <span key={page} className={cx(styles.dotMark, page === turn.page && styles.current)} />
                      ))}
                    </span>
                  )}
                </div>
              )}
            </div>
          </article>
        );
      })}
    </div>
  );
}
