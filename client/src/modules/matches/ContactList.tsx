import type { MatchContact } from '@actionday/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import styles from './ContactList.module.css';

/** Whom to contact about a match: name, agency, country (never the other record's contents). */
export function ContactList({ contacts }: { contacts: readonly MatchContact[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (contacts.length === 0) return null;
  return (
    <ul className={styles.contacts} aria-label={t('matches.contacts')} data-testid="match-contacts">
      {contacts.map((contact) => (
        <li key={`${contact.name}|${contact.agency}|${contact.country}`} className={styles.contact}>
          <strong>{contact.name}</strong>
          <span>
            {contact.agency} · {format.country(contact.country)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The same person once, however many sightings name them. */
export function uniqueContacts(contacts: readonly MatchContact[]): MatchContact[] {
  const seen = new Set<string>();
  return contacts.filter((c) => {
    const key = `${c.name}|${c.agency}|${c.country}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
