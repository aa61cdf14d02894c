import type { Match, MatchStatus } from '@actionday/shared';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { Button } from '../../app/ui/Button';
import { Field, TextInput } from '../../app/ui/Field';
import { ErrorNotice, Notice } from '../../app/ui/Notice';
import styles from './MatchCard.module.css';

export interface ResolveFormProps {
  match: Match;
  note: string;
  onNote: (note: string) => void;
  onResolve: (status: MatchStatus) => void;
  pending: boolean;
  error: unknown;
}

/**
 * Confirm or dismiss an open match, or reopen (undo) a resolved one, with an optional note shown afterwards.
 * The keys c, d and o do the same on a focused card. A refusal because the match changed meanwhile is said
 * in words; the card has been read again by then.
 */
export function ResolveForm({ match, note, onNote, onResolve, pending, error }: ResolveFormProps) {
  const { t } = useTranslation();
  const open = match.status === 'open';
  return (
    <form
      className={styles.resolve}
      aria-label={t('matches.resolveLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        onResolve(open ? 'confirmed' : 'open');
      }}
    >
      {open && (
        <Field label={t('matches.note')} optional className={styles.note}>
          <TextInput
            name="note"
            maxLength={2000}
            value={note}
            autoComplete="off"
            onChange={(event) => onNote(event.target.value)}
          />
        </Field>
      )}
      {open ? (
        <>
          <Button type="submit" variant="confirm" pending={pending} shortcut="c" data-testid="match-confirm">
            {t('matches.confirm')}
          </Button>
          <Button
            variant="ghost"
            disabled={pending}
            shortcut="d"
            onClick={() => onResolve('dismissed')}
            data-testid="match-dismiss"
          >
            {t('matches.dismiss')}
          </Button>
        </>
      ) : (
        <Button type="submit" variant="ghost" pending={pending} shortcut="o" data-testid="match-reopen">
          {t('matches.reopen')}
        </Button>
      )}
      {error !== null && (
        <div className={styles.error}>
          {isApiError(error, 'matches.version_conflict') ? (
            <Notice tone="error" data-testid="match-conflict">
              {t('matches.conflict')}
            </Notice>
          ) : (
            <ErrorNotice error={error} />
          )}
        </div>
      )}
    </form>
  );
}
