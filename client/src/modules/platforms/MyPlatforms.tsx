import type { Platform } from '@actionday/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { ReleaseButton } from './ClaimActions';
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
    <section className="mine" aria-labelledby="my-platforms-title" data-testid="my-platforms">
      <div className="mine__head">
        <h3 id="my-platforms-title">{t('board.my.title')}</h3>
        <span className="mine__count">{t('board.my.claims', { count: mine.length, limit: claimLimit })}</span>
        {checked > 0 && <span className="muted">{t('board.my.checked', { count: checked })}</span>}
      </div>
      {mine.length === 0 ? (
        <p className="mine__empty">{closed ? t('board.my.noneClosed') : t('board.my.none')}</p>
      ) : (
        <ul className="mine__list">
          {mine.map((platform) => {
            const idle = platform.lastActivityAt ? minutesSince(platform.lastActivityAt, now) : 0;
            return (
              <li key={platform.id} className="mine__item" data-testid="my-platform" data-platform-id={platform.id}>
                <div className="mine__what">
                  <button type="button" className="link-button mine__name" onClick={() => onOpen(platform.id)}>
                    {platform.name}
                  </button>
                  <span className="mine__url" translate="no">
                    {platform.url}
                  </span>
                  <span className="mine__meta">
                    {t('board.my.since', {
                      time: platform.claimedAt ? format.time(platform.claimedAt, timeZone) : '—',
                    })}
                    {platform.lastActivityAt && (
                      <span className={idle * 2 >= claimTimeoutMinutes ? 'claimant__idle' : undefined}>
                        {' · '}
                        {t('board.lastActive', { ago: ago(platform.lastActivityAt, now) })}
                      </span>
                    )}
                  </span>
                </div>
                {!closed && (
                  <div className="mine__actions">
                    <button type="button" className="button button--small" onClick={() => onVerdict(platform.id)}>
                      {t('board.giveVerdict')}
                    </button>
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
