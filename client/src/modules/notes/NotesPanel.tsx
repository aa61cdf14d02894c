import { can } from '@actionday/shared';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationDetail } from '../operations/operations.api';
import { usePlatforms } from '../platforms/platforms.api';
import { NoteEditor } from './NoteEditor';
import { colorFor } from './presence';
import { useNotesSocket } from './useNoteSync';
import './notes.css';

const LOG = 'log';

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
  const pickerId = useId();
  const socket = useNotesSocket();
  const platforms = usePlatforms(operation.id);
  const [selected, setSelected] = useState<string>(LOG);
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
    <section className="notes panel" aria-labelledby={`${pickerId}-title`} data-testid="notes-panel">
      <div className="notes__head">
        <h2 id={`${pickerId}-title`}>{t('notes.title')}</h2>
        <label className="notes__picker" htmlFor={pickerId}>
          <span className="field__label">{t('notes.pick')}</span>
          <select
            id={pickerId}
            className="input input--compact"
            value={platformId ?? LOG}
            onChange={(event) => setSelected(event.target.value)}
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
          </select>
        </label>
      </div>
      <NoteEditor socket={socket} noteRef={{ operationId: operation.id, platformId }} user={user} label={label} />
    </section>
  );
}
