import type { HitView } from '@actionday/shared';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { Badge, type BadgeTone } from '../../app/ui/Badge';
import { Button } from '../../app/ui/Button';
import { Field, TextInput } from '../../app/ui/Field';
import { cx } from '../../app/ui/cx';
import { ErrorNotice } from '../../app/ui/Notice';
import { ContactList } from '../findings/CrossHitNotice';
import { useResolveHit } from './hits.api';
import styles from './hits.module.css';

const symbols = { open: '!', confirmed: '✓', dismissed: '✕' } as const;
const tones: Record<HitView['status'], BadgeTone> = { open: 'attention', confirmed: 'success', dismissed: 'neutral' };

/** Open, confirmed or dismissed: a symbol, a word and a colour. */
export function HitStatusBadge({ status }: { status: HitView['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge tone={tones[status]} symbol={symbols[status]}>
      {t(`hits.status.${status}`)}
    </Badge>
  );
}

/** One hit: what matched, where it came from, whom to contact; analysts confirm or dismiss it. */
export const HitCard = memo(function HitCard({ hit, canResolve }: { hit: HitView; canResolve: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <li
      className={cx(styles.hit, hit.status !== 'open' && styles[hit.status])}
      data-testid="hit-card"
      data-hit-id={hit.id}
      data-status={hit.status}
    >
      <div className={styles.head}>
        {hit.redacted ? (
          <span className={styles.value}>{t('hits.redactedTitle')}</span>
        ) : (
          <span className={styles.value}>
            <span className={styles.kind}>{t(`findings.identifierKind.${hit.identifierKind}`)}</span>{' '}
            <span className="mono" translate="no" data-testid="hit-value">
              {hit.normalizedValue}
            </span>
          </span>
        )}
        <HitStatusBadge status={hit.status} />
      </div>
      <p className={cx(styles.source, 'muted')}>
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
        <div className={styles.contacts}>
          <p className={styles.contactsTitle}>{hit.redacted ? t('hits.contactYou') : t('hits.contacts')}</p>
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
  const resolve = useResolveHit();
  const [note, setNote] = useState('');
  const send = (status: 'confirmed' | 'dismissed') =>
    resolve.mutate({ id: hit.id, status, note: note.trim() || undefined });
  return (
    <form
      className={styles.resolve}
      aria-label={t('hits.resolveLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        send('confirmed');
      }}
    >
      <Field label={t('hits.note')} optional className={styles.note}>
        <TextInput maxLength={2000} value={note} onChange={(event) => setNote(event.target.value)} />
      </Field>
      <Button type="submit" variant="confirm" disabled={resolve.isPending} data-testid="hit-confirm">
        {t('hits.confirm')}
      </Button>
      <Button variant="ghost" disabled={resolve.isPending} onClick={() => send('dismissed')} data-testid="hit-dismiss">
        {t('hits.dismiss')}
      </Button>
      {resolve.error !== null && (
        <div className={styles.error}>
          <ErrorNotice error={resolve.error} />
        </div>
      )}
    </form>
  );
}
