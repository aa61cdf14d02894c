import { type Match, can } from '@actionday/shared';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../app/format';
import { Toast } from '../../app/ui/Toast';
import { cx } from '../../app/ui/cx';
import type { OperationDetail } from '../operations/operations.api';
import { ContactList } from './ContactList';
import { useAcknowledgedMatches, useMatches, useMatchesLive } from './matches.api';
import { matchLink } from './links';
import styles from './OperationMatches.module.css';

/**
 * On the board: a link to the matches with the number still open, and a notice when one of my own identifiers
 * matches (an investigator learns their own value and whom to contact, never the other record). Keeps the
 * operation's match lists live for the board (the findings' marks read them).
 */
export function OperationMatches({ operation }: { operation: OperationDetail }) {
  if (!can(operation.me.role, 'finding.read')) return null;
  return <AllowedOperationMatches operation={operation} />;
}

function AllowedOperationMatches({ operation }: { operation: OperationDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const seesAll = can(operation.me.role, 'match.read_all');
  const matches = useMatches(operation.id);
  const [received, setReceived] = useState<Match[]>([]);
  const onNews = useCallback((match: Match) => {
    if (!match.redacted || match.status !== 'open') return;
    setReceived((current) => [match, ...current.filter((m) => m.id !== match.id)].slice(0, 20));
  }, []);
  useMatchesLive(operation.id, onNews);
  const isAcknowledged = useAcknowledgedMatches();
  // the toast shows the match as it is now (a contact shared later appears in it)
  const latest = new Map((matches.data ?? []).map((m) => [m.id, m]));
  const toasts = received
    .filter((m) => !isAcknowledged(m.id))
    .map((m) => latest.get(m.id) ?? m)
    .slice(0, 3);
  const open = (matches.data ?? []).filter((m) => m.status === 'open').length;

  return (
    <>
      <nav className={styles.link} aria-label={t('matches.title')}>
        <Link to={`/operations/${operation.id}/matches`} className={styles.linkButton} data-testid="matches-link">
          <span>{seesAll ? t('matches.title') : t('matches.titleMine')}</span>
          <span className={cx(styles.count, open > 0 && styles.countOpen)} data-testid="matches-open-count">
            {t('matches.openCount', { count: open, open: format.number(open) })}
          </span>
          <span aria-hidden="true">→</span>
        </Link>
        <Link to={`/operations/${operation.id}/graph`} className={styles.linkButton} data-testid="graph-link">
          {t('graph.title')} <span aria-hidden="true">→</span>
        </Link>
        <Link to={`/operations/${operation.id}/requests`} className={styles.linkButton} data-testid="requests-link">
          {t('liaison.page.title')} <span aria-hidden="true">→</span>
        </Link>
      </nav>
      {toasts.map((match) => (
        <Toast
          key={match.id}
          tone="attention"
          title={<strong className={styles.toastTitle}>{t('matches.toast.title')}</strong>}
          onDismiss={() => setReceived((current) => current.filter((m) => m.id !== match.id))}
          data-testid="match-toast"
        >
          <p>
            {t('matches.toast.body', { value: match.value ?? t('matches.aValue') })}{' '}
            {match.countries.length > 0 &&
              t('matches.toast.countries', { countries: match.countries.map((c) => format.country(c)).join(', ') })}
          </p>
          {match.contacts.length > 0 && (
            <>
              <p className={styles.toastIntro}>{t('matches.toast.contact')}</p>
              <ContactList contacts={match.contacts} />
            </>
          )}
          {match.mayDisclose && <p className={styles.toastIntro}>{t('matches.toast.decide')}</p>}
          <Link to={matchLink(operation.id, match.id)}>{t('matches.toast.link')}</Link>
        </Toast>
      ))}
    </>
  );
}
