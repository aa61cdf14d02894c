import type { FindingMatch } from '@actionday/shared';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../app/format';
import { Button } from '../../app/ui/Button';
import { ContactList, uniqueContacts } from './ContactList';
import { useMatches } from './matches.api';
import styles from './MatchNotice.module.css';
import { matchLink } from './links';

/**
 * Right after logging, below the form (never over it): the value the investigator typed is known elsewhere,
 * in which countries, and whom to contact — read from the match as they may see it, which arrives live or
 * with the list (asked again once if the cached list predates it).
 */
export function MatchNotice({
  operationId,
  value,
  matches,
  onDismiss,
}: {
  operationId: string;
  value: string;
  matches: readonly FindingMatch[];
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const known = useMatches(operationId);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // (braces: Chromium's scrollIntoView may answer a promise, which React would take for a clean-up)
    void box.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  const ids = new Set(matches.map((m) => m.matchId));
  const views = (known.data ?? []).filter((m) => ids.has(m.id));
  const missing = views.length < ids.size && !known.isFetching;
  const { refetch } = known;
  const asked = useRef(false);
  useEffect(() => {
    if (!missing || asked.current) return;
    asked.current = true;
    void refetch();
  }, [missing, refetch]);
  const contacts = uniqueContacts(views.flatMap((m) => m.contacts));
  const countries = [...new Set(views.flatMap((m) => m.countries))];
  const possible = matches.every((m) => m.strength === 'possible');
  const decide = views.some((m) => m.mayDisclose);
  const first = matches[0];

  return (
    <div ref={box} className={styles.notice} role="alert" data-testid="match-notice">
      <div className={styles.head}>
        <strong className={styles.title}>
          {possible ? t('matches.notice.possibleTitle') : t('matches.notice.title')}
        </strong>
        <Button size="xs" variant="ghost" onClick={onDismiss}>
          {t('common.dismiss')}
        </Button>
      </div>
      <p>
        {t('matches.notice.body', { value })}{' '}
        {countries.length > 0 &&
          t('matches.notice.countries', { countries: countries.map((c) => format.country(c)).join(', ') })}
      </p>
      {contacts.length > 0 ? (
        <>
          <p className={styles.intro}>{t('matches.notice.contact')}</p>
          <ContactList contacts={contacts} />
        </>
      ) : (
        <p className="muted">
          {views.length < ids.size ? t('matches.notice.contactsSoon') : t('matches.notice.noContact')}
        </p>
      )}
      {decide && <p className={styles.intro}>{t('matches.toast.decide')}</p>}
      {first && (
        <p>
          <Link to={matchLink(operationId, first.matchId)}>{t('matches.toast.link')}</Link>
        </p>
      )}
    </div>
  );
}
