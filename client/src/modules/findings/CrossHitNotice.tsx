import type { FindingCreated, HitView } from '@actionday/shared';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { Button } from '../../app/ui/Button';
import { useHits } from '../hits/hits.api';
import styles from './CrossHitNotice.module.css';

/** Who to contact about a hit: name, agency, country. */
export function ContactList({ contacts }: { contacts: HitView['contacts'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (contacts.length === 0) return null;
  return (
    <ul className={styles.contacts} aria-label={t('hits.contacts')}>
      {contacts.map((contact) => (
        <li key={`${contact.name}|${contact.agency}|${contact.country}`} className={styles.contact}>
          <strong>{contact.name}</strong>
          <span>
            {contact.agency} · {format.country(contact.country)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * "Cross-hit!": the identifier just logged was already known, to another
 * participant or in a reference list. The contacts appear as soon as the
 * hit itself arrives (live, or with the hits list).
 */
export function CrossHitNotice({
  operationId,
  value,
  hits,
  onDismiss,
}: {
  operationId: string;
  value: string;
  hits: FindingCreated['hits'];
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const known = useHits(operationId);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // (braces: Chromium's scrollIntoView may answer a promise, which React would take for a clean-up)
    void box.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  const ids = new Set(hits.map((h) => h.hitId));
  const views = (known.data ?? []).filter((hit) => ids.has(hit.id));
  const missing = views.length < ids.size && !known.isFetching;
  const { refetch } = known;
  // the hits are stored with the finding: if the cached list predates them, it is asked again once
  const asked = useRef(false);
  useEffect(() => {
    if (!missing || asked.current) return;
    asked.current = true;
    void refetch();
  }, [missing, refetch]);
  const contacts = views.flatMap((hit) => hit.contacts);
  const unique = contacts.filter(
    (c, i) => contacts.findIndex((o) => o.name === c.name && o.agency === c.agency && o.country === c.country) === i,
  );
  const fromList = hits.some((h) => h.source === 'reference');
  const fromPeople = hits.some((h) => h.source === 'finding');
  const labels = views.flatMap((hit) =>
    !hit.redacted && hit.referenceList
      ? [hit.referenceLabel ? `${hit.referenceList}: ${hit.referenceLabel}` : hit.referenceList]
      : [],
  );

  return (
    <div ref={box} className={styles.crossHit} role="alert" data-testid="cross-hit-notice">
      <div className={styles.head}>
        <strong className={styles.title}>{t('findings.crossHit.title')}</strong>
        <Button size="xs" variant="ghost" onClick={onDismiss}>
          {t('common.dismiss')}
        </Button>
      </div>
      <p>
        {t('findings.crossHit.body', { value })} {fromPeople && t('findings.crossHit.byOthers')}{' '}
        {fromList && t('findings.crossHit.inList')}
      </p>
      {labels.length > 0 && <p className="muted">{labels.join(' · ')}</p>}
      {unique.length > 0 ? (
        <>
          <p className={styles.intro}>{t('findings.crossHit.contact')}</p>
          <ContactList contacts={unique} />
        </>
      ) : (
        <p className="muted">{t('findings.crossHit.contactsSoon')}</p>
      )}
    </div>
  );
}
