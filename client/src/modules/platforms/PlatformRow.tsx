import type { Participant, Platform } from '@actionday/shared';
import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { ClaimButton } from './ClaimButton';
import { PlatformStatusBadge } from './PlatformStatusBadge';

interface Props {
  platform: Platform;
  claimant: Participant | undefined;
  isMine: boolean;
  canClaim: boolean;
  timeZone: string;
}

/** Whether the platform changed while shown (for a short highlight); false on first render. */
function useChangedFlash(version: string): boolean {
  const first = useRef(version);
  const [flash, setFlash] = useState(false);
  useEffect(() => {
    if (version === first.current) return;
    first.current = version;
    setFlash(true);
    const timer = setTimeout(() => setFlash(false), 2000);
    return () => clearTimeout(timer);
  }, [version]);
  return flash;
}

/** One platform on the board. */
export const PlatformRow = memo(function PlatformRow({ platform, claimant, isMine, canClaim, timeZone }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const flash = useChangedFlash(`${platform.status}:${platform.claimedBy ?? ''}`);
  const classes = ['platform-row', `platform-row--${platform.status}`, isMine ? 'platform-row--mine' : '', flash ? 'platform-row--changed' : ''];

  return (
    <tr className={classes.filter(Boolean).join(' ')} data-testid="platform-row" data-platform-id={platform.id} data-status={platform.status}>
      <th scope="row" className="platform-row__name">
        <span className="platform-row__title">{platform.name}</span>
        <span className="platform-row__url" translate="no">
          {platform.url}
        </span>
        {(platform.discovered || platform.followUp) && (
          <span className="platform-row__markers">
            {platform.discovered && <span className="marker">{t('board.discovered')}</span>}
            {platform.followUp && <span className="marker marker--follow">{t('board.followUp')}</span>}
          </span>
        )}
      </th>
      <td className="platform-row__category" data-label={t('column.category')}>{t(`category.${platform.category}`)}</td>
      <td data-label={t('column.tags')}>
        {platform.tags.map((tag) => (
          <span key={tag} className="tag">
            {tag}
          </span>
        ))}
      </td>
      <td data-label={t('column.status')}>
        <PlatformStatusBadge platform={platform} />
      </td>
      <td className="platform-row__claimant" data-label={t('column.claimant')}>
        {platform.claimedBy && (
          <span className="claimant">
            <span data-testid="claimant" className="claimant__name">
              {claimant?.name ?? t('claim.unknownClaimant')}
            </span>
            {isMine && <span className="claimant__you"> ({t('claim.you')})</span>}
            {claimant && <span className="claimant__country">{format.country(claimant.country)}</span>}
            {platform.claimedAt && (
              <span className="claimant__since">{t('claim.since', { time: format.time(platform.claimedAt, timeZone) })}</span>
            )}
          </span>
        )}
      </td>
      <td className="platform-row__action">{canClaim && <ClaimButton platform={platform} />}</td>
    </tr>
  );
});
