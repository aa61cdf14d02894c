import type { HitView } from '@actionday/shared';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
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
        <ul className="open-hits" data-testid="open-hits">
          {open.slice(0, 12).map((hit) => (
            <li key={hit.id} className="open-hits__item" data-testid="open-hit">
              <span className="open-hits__what">
                {hit.redacted ? (
                  t('dashboard.hits.redacted')
                ) : (
                  <>
                    <span className="tag">{t(`dashboard.hits.kinds.${hit.identifierKind}`)}</span>{' '}
                    <code>{hit.normalizedValue}</code>
                    {hit.referenceList && (
                      <span className="muted">
                        {' '}
                        · {t('dashboard.hits.reference', { list: hit.referenceLabel ?? hit.referenceList })}
                      </span>
                    )}
                  </>
                )}
              </span>
              <span className="open-hits__who muted">
                {hit.contacts.map((c) => `${c.name} (${format.country(c.country)})`).join(', ')}
              </span>
              <span className="open-hits__age">
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
