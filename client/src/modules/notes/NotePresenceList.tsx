import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import { useFormat } from '../../app/format';
import { usePresence } from './presence';

/** Who has the note open, each with their caret colour, name and country. */
export function NotePresenceList({ awareness }: { awareness: Awareness }) {
  const { t } = useTranslation();
  const format = useFormat();
  const people = usePresence(awareness);
  return (
    <div className="note-presence">
      <span className="note-presence__label">{t('notes.here')}</span>
      <ul className="note-presence__list" data-testid="note-presence">
        {people.map((person) => (
          <li key={person.clientId} className="note-presence__person" data-testid="note-person">
            <span className="note-presence__dot" style={{ backgroundColor: person.color }} aria-hidden="true" />
            {person.name}
            {person.isMe && <span className="muted"> ({t('notes.you')})</span>}
            <span className="note-presence__country"> · {format.country(person.country)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
