import type { Platform, Verdict } from '@actionday/shared';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone, BadgeGroup } from '../../app/ui/Badge';

const symbols = { unchecked: '○', claimed: '◐', checked: '●' } as const;
const statusTones = { unchecked: 'neutral', claimed: 'warning', checked: 'success' } as const satisfies Record<
  Platform['status'],
  BadgeTone
>;
const verdictSymbols = { no_indicators: '✓', suspected: '?', confirmed: '!' } as const satisfies Record<
  Verdict,
  string
>;
const verdictTones = {
  no_indicators: 'verdictNone',
  suspected: 'verdictSuspected',
  confirmed: 'verdictConfirmed',
} as const satisfies Record<Verdict, BadgeTone>;

/** A platform's status: a symbol, a word and a colour (never colour alone). */
export function PlatformStatusBadge({ platform }: { platform: Pick<Platform, 'status'> }) {
  const { t } = useTranslation();
  return (
    <Badge tone={statusTones[platform.status]} symbol={symbols[platform.status]} data-testid="status-badge">
      {t(`status.${platform.status}`)}
    </Badge>
  );
}

/** The verdict of a checked platform, in its own colour: calm for no indicators, amber for suspected, red for confirmed. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  return (
    <Badge
      shape="square"
      tone={verdictTones[verdict]}
      symbol={verdictSymbols[verdict]}
      data-testid="verdict-badge"
      data-verdict={verdict}
    >
      {t(`verdict.${verdict}`)}
    </Badge>
  );
}

/** "Follow-up": to be investigated and monitored after the day. */
export function FollowUpBadge() {
  const { t } = useTranslation();
  return (
    <Badge shape="marker" tone="danger" symbol="⚑" data-testid="follow-up-badge" title={t('board.followUpHint')}>
      {t('board.followUp')}
    </Badge>
  );
}

/** Status, verdict and follow-up together, as on the board and in the detail. */
export function PlatformBadges({ platform }: { platform: Platform }) {
  return (
    <BadgeGroup>
      <PlatformStatusBadge platform={platform} />
      {platform.status === 'checked' && platform.verdict && <VerdictBadge verdict={platform.verdict} />}
      {platform.followUp && <FollowUpBadge />}
    </BadgeGroup>
  );
}
