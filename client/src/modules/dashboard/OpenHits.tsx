import type { HitView } from '@actionday/shared';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { Tag } from '../../app/ui/Badge';
import styles from './lists.module.css';
import { durationText } from './OperationClock';

/** Hits still open, the longest waiting first, for coordinators and analysts. */
export function OpenHits({ operationId, hits, now }: { operationId: string; hits: readonly HitView[]; now: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const open = hits.filter((hit) => hit.status === 'open').sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return (
    <>
      {open.length === 0 ? (
        <p className="muted">{t('dashboard.hits.none')}</p>
      ) : (
        <ul className={styles.list} data-testid="open-hits">
          {open.slice(0, 12).map((hit) => (
            <li key={hit.id} className={`${styles.item} ${styles.hitItem}`} data-testid="open-hit">
              <span>
                {hit.redacted ? (
                  t('dashboard.hits.redacted')
                ) : (
                  <>
                    <Tag>{t(`dashboard.hits.kinds.${hit.identifierKind}`)}</Tag> <code>{hit.normalizedValue}</code>
                    {hit.referenceList && (
                      <span className="muted">
                        {' '}
                        · {t('dashboard.hits.reference', { list: hit.referenceLabel ?? hit.referenceList })}
                      </span>
                    )}
                  </>
                )}
              </span>
              <span className="muted">
                {hit.contacts.map((c) => `${c.name} (${format.country(c.country)})`).join(', ')}
              </span>
              <span className={styles.age}>
                {t('dashboard.hits.waiting', { duration: durationText(t, now - Date.parse(hit.createdAt)) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={`/operations/${operationId}/hits`}>{t('dashboard.hits.all', { open: open.length })}</Link>
      </p>
    </>
  );
}
