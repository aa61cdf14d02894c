import type { HitView } from '@actionday/shared';
import { memo, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { ErrorNotice } from '../../app/ui/Notice';
import { ContactList } from '../findings/CrossHitNotice';
import { useResolveHit } from './hits.api';

const symbols = { open: '!', confirmed: '✓', dismissed: '✕' } as const;

export function HitStatusBadge({ status }: { status: HitView['status'] }) {
  const { t } = useTranslation();
  return (
    <span className={`badge hit-status hit-status--${status}`}>
      <span aria-hidden="true" className="badge__symbol">
        {symbols[status]}
      </span>
      {t(`hits.status.${status}`)}
    </span>
  );
}

/** One hit: what matched, where it came from, whom to contact; analysts confirm or dismiss it. */
export const HitCard = memo(function HitCard({ hit, canResolve }: { hit: HitView; canResolve: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <li className={`hit hit--${hit.status}`} data-testid="hit-card" data-hit-id={hit.id} data-status={hit.status}>
      <div className="hit__head">
        {hit.redacted ? (
          <span className="hit__value">{t('hits.redactedTitle')}</span>
        ) : (
          <span className="hit__value">
            <span className="hit__kind">{t(`findings.identifierKind.${hit.identifierKind}`)}</span>{' '}
            <span className="mono" translate="no" data-testid="hit-value">
              {hit.normalizedValue}
            </span>
          </span>
        )}
        <HitStatusBadge status={hit.status} />
      </div>
      <p className="hit__source muted">
        {hit.redacted
          ? t('hits.redactedBody')
          : hit.referenceList
            ? t('hits.fromList', { list: hit.referenceList, label: hit.referenceLabel ?? t('hits.noLabel') })
            : t('hits.fromFindings')}
        {' · '}
        <time dateTime={hit.createdAt} title={format.dateTime(hit.createdAt)}>
          {format.time(hit.createdAt)}
        </time>
        {!hit.redacted && hit.resolvedAt && <> · {t('hits.resolvedAt', { time: format.time(hit.resolvedAt) })}</>}
      </p>
      {hit.contacts.length > 0 && (
        <div className="hit__contacts">
          <p className="hit__contacts-title">{hit.redacted ? t('hits.contactYou') : t('hits.contacts')}</p>
          <ContactList contacts={hit.contacts} />
        </div>
      )}
      {canResolve && hit.status === 'open' && <ResolveForm hit={hit} />}
    </li>
  );
});

/** Confirm or dismiss, with an optional note; Enter in the note confirms. */
function ResolveForm({ hit }: { hit: HitView }) {
  const { t } = useTranslation();
  const id = useId();
  const resolve = useResolveHit();
  const [note, setNote] = useState('');
  const send = (status: 'confirmed' | 'dismissed') =>
    resolve.mutate({ id: hit.id, status, note: note.trim() || undefined });
  return (
    <form
      className="hit__resolve"
      aria-label={t('hits.resolveLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        send('confirmed');
      }}
    >
      <div className="field hit__note">
        <label htmlFor={`${id}-note`} className="field__label">
          {t('hits.note')} <span className="muted">({t('common.optional')})</span>
        </label>
        <input
          id={`${id}-note`}
          className="input input--compact"
          maxLength={2000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
      <button type="submit" className="button button--confirm" disabled={resolve.isPending} data-testid="hit-confirm">
        {t('hits.confirm')}
      </button>
      <button
        type="button"
        className="button button--ghost"
        disabled={resolve.isPending}
        onClick={() => send('dismissed')}
        data-testid="hit-dismiss"
      >
        {t('hits.dismiss')}
      </button>
      {resolve.error !== null && (
        <div className="hit__error">
          <ErrorNotice error={resolve.error} />
        </div>
      )}
    </form>
  );
}
