import { type HitView, can } from '@actionday/shared';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../app/format';
import { Toast } from '../../app/ui/Toast';
import { cx } from '../../app/ui/cx';
import { ContactList } from '../findings/CrossHitNotice';
import type { OperationDetail } from '../operations/operations.api';
import { useAcknowledgedHits, useHits, useHitsLive } from './hits.api';
import styles from './hits.module.css';

/**
 * On the operation page: a link to the hits with the number still open,
 * and a notice whenever a hit concerning one of my findings comes in
 * (investigators learn who to contact, not the other record).
 */
export function OperationHits({ operation }: { operation: OperationDetail }) {
  if (!can(operation.me.role, 'finding.read')) return null;
  return <AllowedOperationHits operation={operation} />;
}

function AllowedOperationHits({ operation }: { operation: OperationDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const seesAll = can(operation.me.role, 'hit.read_all');
  const hits = useHits(operation.id);
  const [received, setReceived] = useState<HitView[]>([]);
  const onFound = useCallback((hit: HitView) => {
    if (!hit.redacted || hit.status !== 'open') return;
    setReceived((current) => [hit, ...current.filter((h) => h.id !== hit.id)].slice(0, 20));
  }, []);
  useHitsLive(operation.id, onFound);
  const isAcknowledged = useAcknowledgedHits();
  const toasts = noticesFor(received.filter((hit) => !isAcknowledged(hit.id)));
  const dismiss = (hit: HitView) => {
    const key = contactsKey(hit);
    setReceived((current) => current.filter((h) => contactsKey(h) !== key));
  };
  const open = (hits.data ?? []).filter((hit) => hit.status === 'open').length;

  return (
    <>
      <nav className={styles.link} aria-label={t('hits.title')}>
        <Link to={`/operations/${operation.id}/hits`} className={styles.linkButton} data-testid="hits-link">
          <span>{seesAll ? t('hits.title') : t('hits.titleMine')}</span>
          <span className={cx(styles.count, open > 0 && styles.countOpen)} data-testid="hits-open-count">
            {t('hits.openCount', { count: open, open: format.number(open) })}
          </span>
          <span aria-hidden="true">→</span>
        </Link>
      </nav>
      {toasts.map((hit) => (
        <Toast
          key={hit.id}
          tone="attention"
          title={<strong className={styles.toastTitle}>{t('findings.crossHit.title')}</strong>}
          onDismiss={() => dismiss(hit)}
          data-testid="hit-toast"
        >
          <p>{t('hits.toastBody')}</p>
          {hit.contacts.length > 0 && (
            <>
              <p className={styles.toastIntro}>{t('findings.crossHit.contact')}</p>
              <ContactList contacts={hit.contacts} />
            </>
          )}
          <Link to={`/operations/${operation.id}/hits`}>{t('hits.toastLink')}</Link>
        </Toast>
      ))}
    </>
  );
}

const contactsKey = (hit: HitView) =>
  hit.contacts
    .map((c) => `${c.name}|${c.agency}|${c.country}`)
    .sort()
    .join(';');

/** One notice per set of people to contact (several hits with the same people say the same thing), at most three. */
function noticesFor(hits: readonly HitView[]): HitView[] {
  const seen = new Set<string>();
  return hits
    .filter((hit) => {
      const key = contactsKey(hit);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, 3);
}
