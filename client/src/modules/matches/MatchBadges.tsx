import type { MatchStatus, MatchStrength } from '@actionday/shared';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../app/ui/Badge';

const symbols = { open: '!', confirmed: '✓', dismissed: '✕' } as const;
const tones: Record<MatchStatus, BadgeTone> = { open: 'attention', confirmed: 'success', dismissed: 'neutral' };

/** Open, confirmed or dismissed: a symbol, a word and a colour. */
export function MatchStatusBadge({ status }: { status: MatchStatus }) {
  const { t } = useTranslation();
  return (
    <Badge tone={tones[status]} symbol={symbols[status]} data-testid="match-status">
      {t(`matches.status.${status}`)}
    </Badge>
  );
}

/**
 * Exact (the same identity everywhere) or possible (a handle without a known service meeting the same
 * handle on a service): a possible match is weaker, and says so in words, not only in colour.
 */
export function MatchStrengthBadge({ strength }: { strength: MatchStrength }) {
  const { t } = useTranslation();
  return (
    <Badge
      shape="square"
      tone={strength === 'exact' ? 'info' : 'warning'}
      symbol={strength === 'exact' ? '=' : '≈'}
      title={t(`matches.strengthHint.${strength}`)}
      data-testid="match-strength"
    >
      {t(`matches.strength.${strength}`)}
    </Badge>
  );
}
