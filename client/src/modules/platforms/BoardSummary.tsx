import { type Platform, platformStatuses } from '@actionday/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { countByStatus } from './filters';

/** The funnel at a glance: a bar and a count per status, readable from the back of the room. */
export function BoardSummary({ platforms }: { platforms: readonly Platform[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const counts = countByStatus(platforms);
  const total = platforms.length;
  return (
    <section className="summary" aria-label={t('board.summary')}>
      <p className="summary__total">{t('board.total', { count: total })}</p>
      <div className="summary__bar" aria-hidden="true">
        {platformStatuses.map((status) =>
          counts[status] > 0 ? (
            <span
              key={status}
              className={`summary__segment summary__segment--${status}`}
              style={{ flexGrow: counts[status] }}
            />
          ) : null,
        )}
      </div>
      <ul className="summary__counts">
        {platformStatuses.map((status) => (
          <li key={status} className={`summary__count summary__count--${status}`}>
            <span className="summary__number">{format.number(counts[status])}</span> {t(`status.${status}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
