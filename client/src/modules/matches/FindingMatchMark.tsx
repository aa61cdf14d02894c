import type { FindingMatch, MatchStatus } from '@actionday/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { cx } from '../../app/ui/cx';
import { useMatches } from './matches.api';
import styles from './FindingMatchMark.module.css';
import { matchLink } from './links';

/**
 * The matches one identifier is part of, as its listed finding says and as live events have changed them since
 * (a match found after the list was read, a status changed by an analyst): each a mark with its state, linking
 * to its card. The value is the viewer's own, so nothing here tells them more than they logged.
 */
export function useFindingMatches(
  operationId: string,
  findingId: string,
  listed: readonly FindingMatch[] | undefined,
): FindingMatch[] {
  const live = useMatches(operationId).data ?? [];
  const byId = new Map<string, FindingMatch>((listed ?? []).map((m) => [m.matchId, m]));
  for (const match of live) {
    if (byId.has(match.id) || match.sightings.some((s) => s.findingId === findingId)) {
      byId.set(match.id, { matchId: match.id, status: match.status, strength: match.strength });
    }
  }
  return [...byId.values()];
}

const symbols: Record<MatchStatus, string> = { open: '⚑', confirmed: '✓', dismissed: '✕' };

/** One mark per match the identifier is in: its state in words and a symbol, linking to the match's card. */
export function FindingMatchMark({
  operationId,
  findingId,
  listed,
}: {
  operationId: string;
  findingId: string;
  listed: readonly FindingMatch[] | undefined;
}) {
  const { t } = useTranslation();
  const matches = useFindingMatches(operationId, findingId, listed);
  if (matches.length === 0) return null;
  return (
    <span className={styles.marks} data-testid="finding-matches">
      {matches.map((m) => (
        <Link
          key={m.matchId}
          to={matchLink(operationId, m.matchId)}
          className={cx(styles.mark, styles[m.status])}
          data-testid="finding-match"
          data-status={m.status}
        >
          <span aria-hidden="true">{symbols[m.status]} </span>
          {t(m.strength === 'possible' ? 'matches.mark.possible' : 'matches.mark.exact', {
            status: t(`matches.status.${m.status}`),
          })}
        </Link>
      ))}
    </span>
  );
}
