import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { codeMessage } from '../errors';
import { useFormat } from '../format';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { Confirm } from '../ui/Confirm';
import { TextArea } from '../ui/Field';
import { entryText } from './entry-text';
import { discardEntry } from './outbox';
import type { OutboxEntry } from './outbox.types';
import styles from './Outbox.module.css';

/**
 * One kept write: pending (sent when the connection is back) or refused (the server's reason), with what
 * the person entered to copy and a Discard that asks first. Nothing leaves the outbox without a person.
 */
export function OutboxEntryCard({ entry, compact = false }: { entry: OutboxEntry; compact?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = entryText(entry);
  const area = useRef<HTMLTextAreaElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [confirming, setConfirming] = useState(false);
  const refusal = entry.refusal;

  const copyText = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopy('copied');
    } catch {
      area.current?.select();
      setCopy('failed');
    }
  };

  return (
    <div
      className={styles.entry}
      data-testid="outbox-entry"
      data-kind={entry.kind}
      data-state={refusal ? 'refused' : 'pending'}
    >
      <p className={styles.entryHead}>
        {refusal ? (
          <Badge tone="danger" symbol="!">
            {t('outbox.state.refused')}
          </Badge>
        ) : (
          <Badge tone="warning" symbol="…">
            {t('outbox.state.pending')}
          </Badge>
        )}
        {!compact && <strong>{t(`outbox.kind.${entry.kind}`)}</strong>}
        <span className="muted">
          <time dateTime={entry.createdAt}>{format.time(entry.createdAt)}</time>
        </span>
      </p>
      {refusal ? (
        <p className={styles.reason} role="alert">
          {t('outbox.refusedBecause', { reason: codeMessage(t, refusal.code) })}
        </p>
      ) : (
        !compact && <p className="muted">{t('outbox.pendingHint')}</p>
      )}
      {(refusal || !compact) && text && (
        <>
          <TextArea
            ref={area}
            readOnly
            value={text}
            rows={Math.min(6, text.split('\n').length)}
            aria-label={t('outbox.keptText')}
            data-testid="outbox-entry-text"
            onFocus={(event) => event.target.select()}
          />
          {copy === 'failed' && <p className="muted">{t('outbox.copyFailed')}</p>}
        </>
      )}
      {(refusal || !compact) &&
        (confirming ? (
          <Confirm
            question={t('outbox.discardQuestion')}
            confirmLabel={t('outbox.discard')}
            onConfirm={() => void discardEntry(entry.seq)}
            onCancel={() => setConfirming(false)}
            confirmTestId="outbox-discard-confirm"
          >
            {refusal ? t('outbox.discardRefused') : t('outbox.discardPending')}
          </Confirm>
        ) : (
          <p className={styles.entryActions}>
            {text && (
              <Button size="xs" onClick={() => void copyText()}>
                {copy === 'copied' ? t('common.copied') : t('common.copy')}
              </Button>
            )}
            <Button size="xs" variant="dangerOutline" onClick={() => setConfirming(true)} data-testid="outbox-discard">
              {t('outbox.discard')}
            </Button>
          </p>
        ))}
    </div>
  );
}
