import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { Loading } from '../ui/Loading';
import { useOutboxEntries } from './useOutbox';
import styles from './Outbox.module.css';

// the list is opened rarely: its card (copy, discard) loads with it
const OutboxEntryCard = lazy(async () => ({ default: (await import('./OutboxEntryCard')).OutboxEntryCard }));

/**
 * "n pending" in the header while anything of this account waits on this device (and "n not saved" for
 * refusals); it opens the list of what waits, in the order it will be sent. Nothing shows when it is empty.
 */
export function OutboxIndicator() {
  const { t } = useTranslation();
  const entries = useOutboxEntries();
  const [open, setOpen] = useState(false);
  const refused = entries.filter((entry) => entry.refusal).length;
  const pending = entries.length - refused;
  if (entries.length === 0 && !open) return null;
  return (
    <>
      <Button
        variant="onDark"
        size="sm"
        className={refused > 0 ? styles.refusedButton : undefined}
        onClick={() => setOpen(true)}
        data-testid="outbox-status"
        data-pending={pending}
        data-refused={refused}
      >
        {pending > 0 && t('outbox.pending', { count: pending })}
        {pending > 0 && refused > 0 && ' · '}
        {refused > 0 && t('outbox.refused', { count: refused })}
        {entries.length === 0 && t('outbox.empty')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t('outbox.title')} data-testid="outbox-dialog">
        <p className="muted">{t('outbox.intro')}</p>
        {entries.length === 0 ? (
          <p>{t('outbox.empty')}</p>
        ) : (
          <Suspense fallback={<Loading />}>
            <ol className={styles.list}>
              {entries.map((entry) => (
                <li key={entry.seq}>
                  <OutboxEntryCard entry={entry} />
                </li>
              ))}
            </ol>
          </Suspense>
        )}
      </Dialog>
    </>
  );
}
