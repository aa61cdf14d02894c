import { useTranslation } from 'react-i18next';
import { useFormat, viewerTimeZone } from '../../app/format';

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
    <span className="time-window">
      <span>
        <time dateTime={startsAt}>{format.range(startsAt, endsAt, timeZone)}</time>{' '}
        <span className="muted">({timeZone})</span>
      </span>
      {!compact && ownZone !== timeZone && (
        <span className="time-window__local muted">
          {t('operation.yourTime', { zone: ownZone, range: format.range(startsAt, endsAt, ownZone) })}
        </span>
      )}
    </span>
  );
}
