import type { Match } from '@actionday/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../app/format';
import { Tag } from '../../app/ui/Badge';
import { matchLink } from '../matches/links';
import styles from './lists.module.css';
import { durationText } from './OperationClock';

/**
 * The matches still open among those the viewer sees that an analyst may see too, the longest waiting first:
 * what the analysts owe (a match no analyst may see waits for nobody).
 */
export function openMatches(matches: readonly Match[]): Match[] {
  return matches
    .filter((m) => m.status === 'open' && m.analystMaySee !== false)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Open matches for coordinators and analysts on the dashboard, each linking to its card. */
export function OpenMatches({
  operationId,
  matches,
  now,
}: {
  operationId: string;
  matches: readonly Match[];
  now: number;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const open = openMatches(matches);
  return (
    <>
      {open.length === 0 ? (
        <p className="muted">{t('dashboard.matches.none')}</p>
      ) : (
        <ul className={styles.list} data-testid="open-matches">
          {open.slice(0, 12).map((match) => (
            <li key={match.id} className={`${styles.item} ${styles.matchItem}`} data-testid="open-match">
              <span>
                <Tag>{t(`findings.identifierKind.${match.identifierKind}`)}</Tag>{' '}
                <Link to={matchLink(operationId, match.id)}>
                  <code>{match.value ?? t('matches.aValue')}</code>
                </Link>
                <span className="muted">
                  {' '}
                  · {t('dashboard.matches.sightings', { count: match.sightings.length })}
                  {match.strength === 'possible' && <> · {t('matches.strength.possible')}</>}
                </span>
              </span>
              <span className="muted">{match.countries.map((c) => format.country(c)).join(', ')}</span>
              <span className={styles.age}>
                {t('dashboard.matches.waiting', { duration: durationText(t, now - Date.parse(match.createdAt)) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={`/operations/${operationId}/matches`}>{t('dashboard.matches.all', { open: open.length })}</Link>
      </p>
    </>
  );
}
