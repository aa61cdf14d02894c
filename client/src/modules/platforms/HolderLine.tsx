import type { Participant, Platform } from '@actionday/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import styles from './HolderLine.module.css';
import { minutesSince, useRelativeTime } from './time';

interface Props {
  platform: Platform;
  participants: ReadonlyMap<string, Participant>;
  meId: string;
  timeZone: string;
  now: number;
  claimTimeoutMinutes: number;
  /** Says "Checked by" above the name of whoever checked it (off where a label says so already). */
  showRole?: boolean;
}

/**
 * Who has the platform: the holder with country, since when and their last
 * sign of life (marked when idle for half the claim timeout: the claim will
 * soon go back to the pool); or who checked it and when.
 */
export function HolderLine({
  platform,
  participants,
  meId,
  timeZone,
  now,
  claimTimeoutMinutes,
  showRole = true,
}: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const ago = useRelativeTime();
  const personId =
    platform.status === 'claimed'
      ? platform.claimedBy
      : platform.status === 'checked'
        ? (platform.checkedBy ?? platform.claimedBy)
        : null;
  if (!personId) return null;
  const person = participants.get(personId);
  const isMe = personId === meId;
  const idle =
    platform.status === 'claimed' && platform.lastActivityAt ? minutesSince(platform.lastActivityAt, now) : 0;
  const stale = platform.status === 'claimed' && idle * 2 >= claimTimeoutMinutes;

  return (
    <span className={styles.holder}>
      {platform.status === 'checked' && showRole && <span className={styles.role}>{t('board.checkedBy')}</span>}
      <span data-testid="claimant" className={styles.name}>
        {person?.name ?? t('claim.unknownClaimant')}
        {isMe && <span className={styles.you}> ({t('claim.you')})</span>}
      </span>
      {person && <span className={styles.quiet}>{format.country(person.country)}</span>}
      {platform.status === 'claimed' && platform.claimedAt && (
        <span className={styles.quiet}>
          <time dateTime={platform.claimedAt} title={format.dateTime(platform.claimedAt, timeZone)}>
            {t('claim.since', { time: format.time(platform.claimedAt, timeZone) })}
          </time>
          {platform.lastActivityAt && (
            <span className={stale ? styles.idle : undefined} data-testid={stale ? 'claim-idle' : undefined}>
              {' · '}
              {stale
                ? t('board.idleFor', { ago: ago(platform.lastActivityAt, now) })
                : t('board.lastActive', { ago: ago(platform.lastActivityAt, now) })}
            </span>
          )}
        </span>
      )}
      {platform.status === 'checked' && platform.checkedAt && (
        <span className={styles.quiet}>
          <time dateTime={platform.checkedAt} title={format.dateTime(platform.checkedAt, timeZone)}>
            {t('board.at', { time: format.time(platform.checkedAt, timeZone) })}
          </time>
        </span>
      )}
    </span>
  );
}

/** "(you)" after one's own name, as the holder line writes it. */
export function YouMark() {
  const { t } = useTranslation();
  return <span className={styles.you}> ({t('claim.you')})</span>;
}

/** The idle look of a claim without a recent sign of life. */
export const idleClass = styles.idle;
