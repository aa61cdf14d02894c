import type { Platform, Verdict } from '@actionday/shared';
import { useTranslation } from 'react-i18next';

const symbols = { unchecked: '○', claimed: '◐', checked: '●' } as const;
const verdictSymbols = { no_indicators: '✓', suspected: '?', confirmed: '!' } as const satisfies Record<
  Verdict,
  string
>;

/** A platform's status: a symbol, a word and a colour (never colour alone). */
export function PlatformStatusBadge({ platform }: { platform: Pick<Platform, 'status'> }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--${platform.status}`} data-testid="status-badge">
      <span aria-hidden="true" className="badge__symbol">
        {symbols[platform.status]}
      </span>
      {t(`status.${platform.status}`)}
    </span>
  );
}

/** The verdict of a checked platform, in its own colour: calm for no indicators, amber for suspected, red for confirmed. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  return (
    <span className={`verdict verdict--${verdict}`} data-testid="verdict-badge" data-verdict={verdict}>
      <span aria-hidden="true" className="verdict__symbol">
        {verdictSymbols[verdict]}
      </span>
      {t(`verdict.${verdict}`)}
    </span>
  );
}

/** "Follow-up": to be investigated and monitored after the day. */
export function FollowUpBadge() {
  const { t } = useTranslation();
  return (
    <span className="marker marker--follow" data-testid="follow-up-badge" title={t('board.followUpHint')}>
      <span aria-hidden="true">⚑ </span>
      {t('board.followUp')}
    </span>
  );
}

/** Status, verdict and follow-up together, as on the board and in the detail. */
export function PlatformBadges({ platform }: { platform: Platform }) {
  return (
    <span className="badges">
      <PlatformStatusBadge platform={platform} />
      {platform.status === 'checked' && platform.verdict && <VerdictBadge verdict={platform.verdict} />}
      {platform.followUp && <FollowUpBadge />}
    </span>
  );
}
