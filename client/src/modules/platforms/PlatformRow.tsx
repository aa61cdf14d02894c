import type { Participant, Platform } from '@actionday/shared';
import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { Badge, BadgeDetail, Tag } from '../../app/ui/Badge';
import { Button } from '../../app/ui/Button';
import { cx } from '../../app/ui/cx';
import { ClaimButton } from './ClaimButton';
import { HolderLine } from './HolderLine';
import { PlatformBadges } from './PlatformStatusBadge';
import table from './PlatformTable.module.css';
import type { ClaimState } from './useClaims';

interface Props {
  /** The virtualiser measures each rendered row through this. */
  rowRef?: (element: HTMLTableRowElement | null) => void;
  /** Its place in the list (the virtualiser's index; `aria-rowindex` counts the header row too). */
  index: number;
  platform: Platform;
  participants: ReadonlyMap<string, Participant>;
  meId: string;
  canClaim: boolean;
  claimState: ClaimState | undefined;
  onClaim: (platformId: string) => void;
  /** The row the shortcut keys act on. */
  focused: boolean;
  /** Its detail is open beside the list. */
  open: boolean;
  onToggle: (platformId: string) => void;
  onFocusRow: (platformId: string) => void;
  onVerdict: (platformId: string) => void;
  timeZone: string;
  now: number;
  claimTimeoutMinutes: number;
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

export const detailId = (platformId: string) => `platform-detail-${platformId}`;

/** One platform on the board; its name opens the detail beside the list. */
export const PlatformRow = memo(function PlatformRow(props: Props) {
  const {
    platform,
    participants,
    meId,
    canClaim,
    claimState,
    onClaim,
    focused,
    open,
    onToggle,
    onFocusRow,
    onVerdict,
  } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const flash = useChangedFlash(`${platform.status}:${platform.claimedBy ?? ''}`);
  const isMine = platform.status === 'claimed' && platform.claimedBy === meId;

  return (
    <tr
      ref={props.rowRef}
      data-index={props.index}
      aria-rowindex={props.index + 2}
      className={cx(
        table.row,
        platform.status !== 'unchecked' && table[platform.status],
        isMine && table.mine,
        flash && table.changed,
        focused && table.focused,
        open && table.open,
      )}
      data-testid="platform-row"
      data-platform-id={platform.id}
      data-status={platform.status}
      data-focused={focused ? 'true' : undefined}
      onFocus={() => onFocusRow(platform.id)}
    >
      <th scope="row" className={table.name}>
        <button
          type="button"
          className={table.toggle}
          data-platform-toggle={platform.id}
          aria-expanded={open}
          aria-controls={open ? detailId(platform.id) : undefined}
          onClick={() => onToggle(platform.id)}
        >
          <span aria-hidden="true" className={table.chevron}>
            {open ? '▾' : '▸'}
          </span>
          <span className={table.title}>{platform.name}</span>
        </button>
        <span className={table.url} translate="no">
          {platform.url}
        </span>
        {(platform.discovered || platform.priority > 0) && (
          <span className={table.markers}>
            {platform.priority > 0 && (
              <Badge shape="marker" tone="info">
                {t('board.priority', { priority: platform.priority })}
              </Badge>
            )}
            {platform.discovered && (
              <DiscoveredMarker platform={platform} participants={participants} timeZone={props.timeZone} />
            )}
          </span>
        )}
      </th>
      <td className={table.category} data-label={t('column.category')}>
        {t(`category.${platform.category}`)}
      </td>
      <td data-label={t('column.tags')}>
        {platform.tags.length > 0 && (
          <span className={table.tags}>
            {platform.tags.map((tag) => (
              <Tag key={tag}>{format.focus(tag)}</Tag>
            ))}
          </span>
        )}
      </td>
      <td data-label={t('column.status')}>
        <PlatformBadges platform={platform} />
      </td>
      <td className={table.claimant} data-label={t('column.claimant')}>
        <HolderLine
          platform={platform}
          participants={participants}
          meId={meId}
          timeZone={props.timeZone}
          now={props.now}
          claimTimeoutMinutes={props.claimTimeoutMinutes}
        />
      </td>
      <td className={table.action}>
        {canClaim && <ClaimButton platform={platform} state={claimState} onClaim={onClaim} showKey={focused} />}
        {isMine && (
          <Button variant="ghost" size="sm" onClick={() => onVerdict(platform.id)} shortcut={focused ? 'V' : undefined}>
            {t('board.giveVerdict')}
          </Button>
        )}
      </td>
    </tr>
  );
});

/** "Discovered" on a platform added during the day, with who added it and when. */
function DiscoveredMarker({
  platform,
  participants,
  timeZone,
}: {
  platform: Platform;
  participants: ReadonlyMap<string, Participant>;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const finder = platform.discoveredBy ? participants.get(platform.discoveredBy) : undefined;
  return (
    <Badge shape="marker" tone="discovered" data-testid="discovered-badge">
      {t('board.discovered')}
      <BadgeDetail>
        {' · '}
        {t('board.detail.discoveredBy', {
          name: finder ? `${finder.name} (${format.country(finder.country)})` : t('claim.unknownClaimant'),
          time: format.time(platform.createdAt, timeZone),
        })}
      </BadgeDetail>
    </Badge>
  );
}
