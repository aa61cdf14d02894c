import type { MatchStatus } from '@actionday/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { Button } from '../../app/ui/Button';
import { Field, TextInput } from '../../app/ui/Field';
import { ErrorNotice } from '../../app/ui/Notice';
import { useResolveMatches } from './matches.api';
import styles from './MatchesPage.module.css';

/** The selected matches resolved at once, with one note (the server refuses the whole batch or does it all). */
export function BulkBar({
  operationId,
  matchIds,
  onDone,
}: {
  operationId: string;
  matchIds: string[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const resolve = useResolveMatches(operationId);
  const [note, setNote] = useState('');
  const send = (status: MatchStatus) =>
    resolve.mutate(
      { matchIds, status, note: status === 'open' ? undefined : note.trim() || undefined },
      {
        onSuccess: () => {
          setNote('');
          onDone();
        },
      },
    );
  return (
    <div className={styles.bulk} role="region" aria-label={t('matches.bulk.label')} data-testid="match-bulk">
      <strong>
        {t('matches.bulk.selected', { count: matchIds.length, selected: format.number(matchIds.length) })}
      </strong>
      <Field label={t('matches.note')} optional className={styles.bulkNote}>
        <TextInput compact maxLength={2000} value={note} onChange={(event) => setNote(event.target.value)} />
      </Field>
      <Button
        size="sm"
        variant="confirm"
        pending={resolve.isPending}
        onClick={() => send('confirmed')}
        data-testid="bulk-confirm"
      >
        {t('matches.bulk.confirm')}
      </Button>
      <Button size="sm" disabled={resolve.isPending} onClick={() => send('dismissed')} data-testid="bulk-dismiss">
        {t('matches.bulk.dismiss')}
      </Button>
      <Button size="sm" disabled={resolve.isPending} onClick={() => send('open')} data-testid="bulk-reopen">
        {t('matches.bulk.reopen')}
      </Button>
      <Button size="sm" variant="ghost" onClick={onDone}>
        {t('matches.bulk.clear')}
      </Button>
      <ErrorNotice error={resolve.error} />
    </div>
  );
}
