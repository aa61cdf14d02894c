import { can } from '@actionday/shared';
import { Suspense, lazy, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../app/ui/Button';
import { Field, Select } from '../../app/ui/Field';
import { Loading } from '../../app/ui/Loading';
import { Panel } from '../../app/ui/Panel';
import type { OperationDetail } from '../operations/operations.api';
import { usePlatforms } from '../platforms/platforms.api';
import styles from './NotesPanel.module.css';
import { colorFor } from './presence';

const LOG = 'log';

// the editor brings TipTap, ProseMirror and Yjs: loaded when a note is opened, not with the board
const NoteEditor = lazy(async () => ({ default: (await import('./NoteEditor')).NoteEditor }));

/**
 * The operation's shared notes: the situation log, and a note per platform
 * picked from the list. Not shown to roles that may not read notes (observers).
 */
export function NotesPanel({ operation }: { operation: OperationDetail }) {
  const allowed = can(operation.me.role, 'note.read');
  if (!allowed) return null;
  return <AllowedNotesPanel operation={operation} />;
}

function AllowedNotesPanel({ operation }: { operation: OperationDetail }) {
  const { t } = useTranslation();
  const platforms = usePlatforms(operation.id);
  const [selected, setSelected] = useState<string>(LOG);
  // nothing is loaded or opened until someone asks for a note
  const [open, setOpen] = useState(false);
  const me = operation.me;
  const user = useMemo(
    () => ({ name: me.name, country: me.country, color: colorFor(me.userId) }),
    [me.name, me.country, me.userId],
  );

  const sorted = useMemo(
    () => [...(platforms.data ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
    [platforms.data],
  );
  const platform = selected === LOG ? undefined : sorted.find((p) => p.id === selected);
  const platformId = platform?.id ?? null;
  const label = platform ? t('notes.platformNote', { name: platform.name }) : t('notes.situationLog');

  return (
    <Panel
      className={styles.notes}
      title={t('notes.title')}
      data-testid="notes-panel"
      aside={
        <div className={styles.picker}>
          <Field label={t('notes.pick')}>
            <Select
              compact
              value={platformId ?? LOG}
              onChange={(event) => {
                setSelected(event.target.value);
                // picking a note says "show me this one"
                setOpen(true);
              }}
              data-testid="note-picker"
            >
              <option value={LOG}>{t('notes.situationLog')}</option>
              {sorted.length > 0 && (
                <optgroup label={t('notes.platformNotes')}>
                  {sorted.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </optgroup>
              )}
            </Select>
          </Field>
          {open ? (
            <Button variant="ghost" onClick={() => setOpen(false)} data-testid="note-close">
              {t('notes.close')}
            </Button>
          ) : (
            <Button variant="primary" onClick={() => setOpen(true)} data-testid="note-open">
              {t('notes.open', { note: label })}
            </Button>
          )}
        </div>
      }
    >
      {open && (
        <Suspense fallback={<Loading label={t('notes.loading')} />}>
          <NoteEditor noteRef={{ operationId: operation.id, platformId }} user={user} label={label} />
        </Suspense>
      )}
    </Panel>
  );
}
