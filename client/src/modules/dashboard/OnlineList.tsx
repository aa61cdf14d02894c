import type { Participant, Presence } from '@actionday/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import styles from './lists.module.css';

/** Who is online now, and which platform each has open (those on a platform first). */
export function OnlineList({
  presence,
  participants,
  platformName,
}: {
  presence: Presence | undefined;
  participants: readonly Participant[];
  platformName: (id: string | null) => string | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const people = useMemo(() => {
    const byId = new Map(participants.map((p) => [p.id, p]));
    const collator = new Intl.Collator(format.language);
    return (presence?.online ?? [])
      .map((entry) => ({ ...entry, participant: byId.get(entry.participantId) }))
      .sort(
        (a, b) =>
          Number(b.platformId !== null) - Number(a.platformId !== null) ||
          collator.compare(a.participant?.name ?? '', b.participant?.name ?? ''),
      );
  }, [presence, participants, format.language]);

  if (!presence) return <p className="muted">{t('dashboard.online.waiting')}</p>;
  if (people.length === 0) return <p className="muted">{t('dashboard.online.nobody')}</p>;
  return (
    <ul className={`${styles.list} ${styles.scroll}`} data-testid="online-list">
      {people.map(({ participantId, platformId, participant }) => (
        <li
          key={participantId}
          className={`${styles.item} ${styles.onlineItem}`}
          data-testid="online-item"
          data-participant-id={participantId}
        >
          <span className={styles.onlineDot} aria-hidden="true" />
          <span>
            <strong>{participant?.name ?? t('dashboard.online.someone')}</strong>
            {participant && (
              <span className="muted">
                {' '}
                · {t(`role.${participant.role}`)} · {format.country(participant.country)}
              </span>
            )}
          </span>
          <span className={styles.where}>
            {platformId ? (
              (platformName(platformId) ?? t('dashboard.activity.somePlatform'))
            ) : (
              <span className="muted">{t('dashboard.online.noPlatform')}</span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
