import type { Platform } from '@actionday/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { Button } from '../../app/ui/Button';
import { ReleaseButton } from './ClaimActions';
import { idleClass } from './HolderLine';
import styles from './MyPlatforms.module.css';
import { minutesSince, useRelativeTime } from './time';

interface Props {
  platforms: readonly Platform[];
  meId: string;
  claimLimit: number;
  claimTimeoutMinutes: number;
  timeZone: string;
  now: number;
  closed: boolean;
  onOpen: (platformId: string) => void;
  onVerdict: (platformId: string) => void;
}

/** The platforms I hold now, with their age and quick actions; and how many I checked. */
export function MyPlatforms({
  platforms,
  meId,
  claimLimit,
  claimTimeoutMinutes,
  timeZone,
  now,
  closed,
  onOpen,
  onVerdict,
}: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const ago = useRelativeTime();
  const mine = platforms.filter((p) => p.status === 'claimed' && p.claimedBy === meId);
  const checked = platforms.filter((p) => p.status === 'checked' && p.checkedBy === meId).length;

  return (
    <section className={styles.mine} aria-labelledby="my-platforms-title" data-testid="my-platforms">
      <div className={styles.head}>
        <h3 id="my-platforms-title">{t('board.my.title')}</h3>
        <span className={styles.count}>{t('board.my.claims', { used: mine.length, count: claimLimit })}</span>
        {checked > 0 && <span className="muted">{t('board.my.checked', { count: checked })}</span>}
      </div>
      {mine.length === 0 ? (
        <p className={styles.empty}>{closed ? t('board.my.noneClosed') : t('board.my.none')}</p>
      ) : (
        <ul className={styles.list}>
          {mine.map((platform) => {
            const idle = platform.lastActivityAt ? minutesSince(platform.lastActivityAt, now) : 0;
            return (
              <li key={platform.id} className={styles.item} data-testid="my-platform" data-platform-id={platform.id}>
                <div className={styles.what}>
                  <Button variant="link" className={styles.name} onClick={() => onOpen(platform.id)}>
                    {platform.name}
                  </Button>
                  <span className={styles.url} translate="no">
                    {platform.url}
                  </span>
                  <span className={styles.meta}>
                    {t('board.my.since', {
                      time: platform.claimedAt ? format.time(platform.claimedAt, timeZone) : '—',
                    })}
                    {platform.lastActivityAt && (
                      <span className={idle * 2 >= claimTimeoutMinutes ? idleClass : undefined}>
                        {' · '}
                        {t('board.lastActive', { ago: ago(platform.lastActivityAt, now) })}
                      </span>
                    )}
                  </span>
                </div>
                {!closed && (
                  <div className={styles.actions}>
                    <Button size="sm" onClick={() => onVerdict(platform.id)}>
                      {t('board.giveVerdict')}
                    </Button>
                    <ReleaseButton platform={platform} compact />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
