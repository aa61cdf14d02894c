import { type Participant, type Platform, can } from '@actionday/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { Button } from '../../app/ui/Button';
import { YouMark } from './HolderLine';
import styles from './WhoIsWhere.module.css';

interface Props {
  participants: readonly Participant[];
  claims: ReadonlyMap<string, Platform[]>;
  meId: string;
  onOpen: (platformId: string) => void;
}

/** Who is on which platform: everyone who may hold claims, the busy ones first, with their country. */
export function WhoIsWhere({ participants, claims, meId, onOpen }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const { busy, free } = useMemo(() => {
    const collator = new Intl.Collator(format.language);
    const workers = participants
      .filter((p) => can(p.role, 'platform.claim'))
      .sort((a, b) => collator.compare(a.name, b.name));
    return { busy: workers.filter((p) => claims.has(p.id)), free: workers.filter((p) => !claims.has(p.id)) };
  }, [participants, claims, format.language]);

  return (
    <section className={styles.who} aria-labelledby="who-title" data-testid="who-is-where">
      <h3 id="who-title">
        {t('board.who.title')}{' '}
        <span className={`muted ${styles.count}`}>
          {t('board.who.count', { busy: busy.length, total: busy.length + free.length })}
        </span>
      </h3>
      {busy.length === 0 ? (
        <p className="muted">{t('board.who.nobody')}</p>
      ) : (
        <ul className={styles.list}>
          {busy.map((person) => (
            <li key={person.id} className={styles.item} data-testid="who-item" data-participant-id={person.id}>
              <span className={styles.person}>
                <span className={styles.name}>
                  {person.name}
                  {person.id === meId && <YouMark />}
                </span>
                <span className={styles.country}>{format.country(person.country)}</span>
              </span>
              <span className={styles.platforms}>
                {(claims.get(person.id) ?? []).map((platform) => (
                  <Button key={platform.id} variant="link" onClick={() => onOpen(platform.id)}>
                    {platform.name}
                  </Button>
                ))}
              </span>
            </li>
          ))}
        </ul>
      )}
      {free.length > 0 && (
        <details className={styles.free}>
          <summary>{t('board.who.free', { count: free.length })}</summary>
          <p>{free.map((p) => `${p.name} (${format.country(p.country)})`).join(' · ')}</p>
        </details>
      )}
    </section>
  );
}
