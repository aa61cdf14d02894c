import type { Tally } from '@actionday/shared';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { useConnectionState } from '../../app/socket/SocketProvider';
import { EmptyState } from '../../app/ui/EmptyState';
import { cx } from '../../app/ui/cx';
import styles from './Figures.module.css';
import { FlashNumber } from './FlashNumber';
import { breakdownLabel, figureLabel } from './labels';

/** Whether the numbers on screen are current: live, the final (frozen) ones, or possibly stale. */
export type Liveness = 'live' | 'final' | 'stale';

export function useLiveness(tally: Tally | undefined): Liveness {
  const { state } = useConnectionState();
  if (tally?.frozen) return 'final';
  return state === 'connected' ? 'live' : 'stale';
}

/** The words beside the numbers: "Live", "Final figures", or "Not live — reconnecting". */
const liveClass = { live: styles.liveLive, final: styles.liveFinal, stale: styles.liveStale };

export function LiveLabel({
  liveness,
  asOf,
  variant = 'dashboard',
}: {
  liveness: Liveness;
  asOf?: string | undefined;
  variant?: 'dashboard' | 'wall';
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <p
      className={cx(styles.live, liveClass[liveness], variant === 'wall' && styles.wallLive)}
      role="status"
      data-testid="figures-liveness"
      data-liveness={liveness}
    >
      <span className={styles.dot} aria-hidden="true" />
      {liveness === 'live' ? t('dashboard.live') : liveness === 'final' ? t('dashboard.final') : t('dashboard.notLive')}
      {liveness === 'stale' && asOf && (
        <span className={styles.asOf}> · {t('dashboard.asOf', { time: format.time(asOf) })}</span>
      )}
    </p>
  );
}

/** The key figures, large, each with its breakdowns (the wall has its own, `WallFigures`). */
export function FigureGrid({ tally, liveness }: { tally: Tally; liveness: Liveness }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div
      className={cx(styles.figures, liveness === 'stale' && styles.stale)}
      data-testid="figures"
      data-liveness={liveness}
      style={{ '--figure-count': tally.figures.length } as CSSProperties}
    >
      {tally.figures.length === 0 && <EmptyState>{t('dashboard.noFigures')}</EmptyState>}
      {tally.figures.map((figure) => (
        <article key={figure.key} className={styles.figure} data-testid="figure" data-key={figure.key}>
          <h3 className={styles.label} title={figureLabel(t, figure)}>
            {figureLabel(t, figure)}
          </h3>
          <FlashNumber
            value={figure.value}
            below={tally.suppressedBelow}
            className={styles.value}
            testId="figure-value"
          />
          {figure.breakdowns.length > 0 && (
            <ul className={styles.breakdowns}>
              {figure.breakdowns.map((breakdown) => (
                <li
                  key={breakdown.key}
                  className={styles.breakdown}
                  data-testid="figure-breakdown"
                  data-key={breakdown.key}
                >
                  <FlashNumber
                    value={breakdown.value}
                    below={tally.suppressedBelow}
                    className={styles.breakdownValue}
                    testId="figure-breakdown-value"
                  />{' '}
                  <span>{breakdownLabel(t, format.country, breakdown)}</span>
                </li>
              ))}
            </ul>
          )}
        </article>
      ))}
    </div>
  );
}

/** The board's funnel: unchecked, claimed, checked, as a bar with counts. */
export function ProgressBar({
  progress,
  liveness,
  variant = 'dashboard',
}: {
  progress: Tally['progress'];
  liveness: Liveness;
  variant?: 'dashboard' | 'wall';
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = progress.unchecked + progress.claimed + progress.checked;
  const percent = total > 0 ? Math.round((progress.checked / total) * 100) : 0;
  const parts = [
    ['checked', progress.checked],
    ['claimed', progress.claimed],
    ['unchecked', progress.unchecked],
  ] as const;
  return (
    <section
      className={cx(variant === 'wall' && styles.wallProgress, liveness === 'stale' && styles.stale)}
      aria-label={t('dashboard.progress.title')}
      data-testid="progress"
    >
      <p className={styles.headline}>
        <span className={styles.percent} data-testid="progress-percent">
          {t('dashboard.progress.percent', { percent: format.number(percent) })}
        </span>{' '}
        <span className={styles.of}>
          {t('dashboard.progress.of', {
            checked: format.number(progress.checked),
            total: format.number(total),
            count: total,
          })}
        </span>
      </p>
      <div
        className={styles.bar}
        role="meter"
        aria-label={t('dashboard.progress.title')}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={progress.checked}
        aria-valuetext={t('dashboard.progress.of', {
          checked: format.number(progress.checked),
          total: format.number(total),
          count: total,
        })}
      >
        {parts.map(([status, count]) =>
          count > 0 ? (
            <span key={status} className={cx(styles.segment, styles[status])} style={{ flexGrow: count }} />
          ) : null,
        )}
      </div>
      <ul className={styles.counts}>
        {parts.map(([status, count]) => (
          <li key={status} className={cx(styles.count, styles[status])} data-testid={`progress-${status}`}>
            <FlashNumber value={count} className={styles.number} /> {t(`status.${status}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
