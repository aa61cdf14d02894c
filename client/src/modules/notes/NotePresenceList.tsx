import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import { useFormat } from '../../app/format';
import styles from './NoteEditor.module.css';
import { usePresence } from './presence';

/** Who has the note open, each with their caret colour, name and country. */
export function NotePresenceList({ awareness }: { awareness: Awareness }) {
  const { t } = useTranslation();
  const format = useFormat();
  const people = usePresence(awareness);
  return (
    <div className={styles.presence}>
      <span className={styles.presenceLabel}>{t('notes.here')}</span>
      <ul className={styles.people} data-testid="note-presence">
        {people.map((person) => (
          <li key={person.clientId} className={styles.person} data-testid="note-person">
            <span className={styles.personDot} style={{ backgroundColor: person.color }} aria-hidden="true" />
            {person.name}
            {person.isMe && <span className="muted"> ({t('notes.you')})</span>}
            <span className="muted"> · {format.country(person.country)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
