import { type Platform, can } from '@actionday/shared';
import { Suspense, lazy, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../app/ui/Button';
import { Loading } from '../../app/ui/Loading';
import type { OperationDetail } from '../operations/operations.api';
import styles from './NotesPanel.module.css';
import { colorFor } from './presence';

// the editor brings TipTap, ProseMirror and Yjs: loaded when the note is opened
const NoteEditor = lazy(async () => ({ default: (await import('./NoteEditor')).NoteEditor }));

/**
 * One platform's shared note, inside its open detail on the board: a button
 * until asked for, then the live editor (nothing loads before that).
 */
export function PlatformNote({ operation, platform }: { operation: OperationDetail; platform: Platform }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const me = operation.me;
  const user = useMemo(
    () => ({ name: me.name, country: me.country, color: colorFor(me.userId) }),
    [me.name, me.country, me.userId],
  );
  if (!can(me.role, 'note.read')) return null;
  const label = t('notes.platformNote', { name: platform.name });
  return (
    <section className={styles.platformNote} aria-label={label} data-testid="platform-note">
      {open ? (
        <>
          <Button variant="ghost" size="sm" onClick={() => setOpen(false)} data-testid="platform-note-close">
            {t('notes.close')}
          </Button>
          <Suspense fallback={<Loading label={t('notes.loading')} />}>
            <NoteEditor noteRef={{ operationId: operation.id, platformId: platform.id }} user={user} label={label} />
          </Suspense>
        </>
      ) : (
        <Button onClick={() => setOpen(true)} data-testid="platform-note-open">
          {t('notes.open', { note: label })}
        </Button>
      )}
    </section>
  );
}
