import type { Disclosure, Match } from '@actionday/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { Button } from '../../app/ui/Button';
import { ErrorNotice } from '../../app/ui/Notice';
import { useDisclose } from './matches.api';
import styles from './MatchCard.module.css';

/**
 * TLP:RED: the owner's country (or a coordinator, for any country) decides whether the other side of the match
 * learns whom to contact — never the contents — or nothing. Each decision is shown once taken; a closed one can
 * still be shared later.
 */
export function DisclosureControls({ match }: { match: Match }) {
  const { t } = useTranslation();
  if (match.disclosures.length === 0) return null;
  return (
    <section className={styles.disclosure} aria-label={t('matches.disclosure.title')} data-testid="match-disclosure">
      <p className={styles.disclosureTitle}>
        <strong>{t('matches.disclosure.title')}</strong> {t('matches.disclosure.explain')}
      </p>
      <ul className={styles.decisions}>
        {match.disclosures.map((d) => (
          <Decision key={d.country} match={match} disclosure={d} />
        ))}
      </ul>
    </section>
  );
}

function Decision({ match, disclosure }: { match: Match; disclosure: Disclosure }) {
  const { t } = useTranslation();
  const format = useFormat();
  const disclose = useDisclose();
  const decide = (share: boolean) => disclose.mutate({ match, share, country: disclosure.country });
  const when = disclosure.decidedAt ? format.time(disclosure.decidedAt) : '';
  return (
    <li
      className={styles.decision}
      data-testid="disclosure"
      data-country={disclosure.country}
      data-state={disclosure.state}
    >
      <span>
        {t(`matches.disclosure.state.${disclosure.state}`, {
          country: format.country(disclosure.country),
          time: when,
        })}
      </span>
      {match.mayDisclose && disclosure.state !== 'shared' && (
        <span className={styles.decisionActions}>
          <Button
            size="sm"
            variant="primary"
            pending={disclose.isPending}
            onClick={() => decide(true)}
            data-testid="share-contact"
          >
            {t('matches.disclosure.share')}
          </Button>
          {disclosure.state === 'pending' && (
            <Button
              size="sm"
              variant="ghost"
              disabled={disclose.isPending}
              onClick={() => decide(false)}
              data-testid="keep-closed"
            >
              {t('matches.disclosure.keepClosed')}
            </Button>
          )}
        </span>
      )}
      <ErrorNotice error={disclose.error} />
    </li>
  );
}
