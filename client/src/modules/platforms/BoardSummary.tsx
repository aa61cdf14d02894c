import { type Platform, platformStatuses } from '@actionday/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { cx } from '../../app/ui/cx';
import styles from './BoardSummary.module.css';
import { countByStatus } from './filters';

/** The funnel at a glance: a bar and a count per status, readable from the back of the room. */
export function BoardSummary({ platforms }: { platforms: readonly Platform[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const counts = countByStatus(platforms);
  const total = platforms.length;
  return (
    <section className={styles.summary} aria-label={t('board.summary')}>
      <p className={styles.total}>{t('board.total', { count: total })}</p>
      <div className={styles.bar} aria-hidden="true">
        {platformStatuses.map((status) =>
          counts[status] > 0 ? (
            <span key={status} className={cx(styles.segment, styles[status])} style={{ flexGrow: counts[status] }} />
          ) : null,
        )}
      </div>
      <ul className={styles.counts}>
        {platformStatuses.map((status) => (
          <li key={status} className={cx(styles.count, styles[status])}>
            <span className={styles.number}>{format.number(counts[status])}</span> {t(`status.${status}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
