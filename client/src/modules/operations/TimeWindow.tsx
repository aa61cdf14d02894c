import { useTranslation } from 'react-i18next';
import { useFormat, viewerTimeZone } from '../../app/format';
import styles from './operations.module.css';

/** The operation's time window in its own zone (named), and in the viewer's zone when different. */
export function TimeWindow({
  startsAt,
  endsAt,
  timeZone,
  compact,
}: {
  startsAt: string;
  endsAt: string;
  timeZone: string;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const ownZone = viewerTimeZone();
  return (
    <span className={styles.timeWindow}>
      <span>
        <time dateTime={startsAt}>{format.rangeIn(startsAt, endsAt, timeZone)}</time>{' '}
        <span className="muted">({timeZone})</span>
      </span>
      {!compact && ownZone !== timeZone && (
        <span className={`${styles.local} muted`}>
          {t('operation.yourTime', { zone: ownZone, range: format.rangeIn(startsAt, endsAt, ownZone) })}
        </span>
      )}
    </span>
  );
}
