import { can } from '@actionday/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { codeMessage } from '../../app/errors';
import { useFormat } from '../../app/format';
import { ErrorNotice, Notice } from '../../app/ui/Notice';
import { Loading } from '../../app/ui/Loading';
import type { OperationDetail } from '../operations/operations.api';
import { BoardFiltersBar } from './BoardFiltersBar';
import { BoardSummary } from './BoardSummary';
import { PlatformRow } from './PlatformRow';
import { filterPlatforms, isFiltered, useBoardFilters } from './filters';
import { usePlatforms } from './platforms.api';
import { useClaimHeartbeat } from './useClaimHeartbeat';
import { useOperationLive } from './useOperationLive';

/** The live list of platforms to check, with filters and claim buttons. */
export function PlatformBoard({ operation }: { operation: OperationDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const platforms = usePlatforms(operation.id);
  const joinError = useOperationLive(operation.id);
  const [filters, changeFilters, clearFilters] = useBoardFilters();
  const me = operation.me;
  const canClaim = can(me.role, 'platform.claim');
  useClaimHeartbeat(platforms.data, me.id, operation.claimTimeoutMinutes);

  const participantsById = useMemo(() => new Map(operation.participants.map((p) => [p.id, p])), [operation.participants]);
  const shown = useMemo(
    () => (platforms.data ? filterPlatforms(platforms.data, filters, me.id, format.language) : []),
    [platforms.data, filters, me.id, format.language],
  );

  return (
    <section className="board" aria-labelledby="board-title">
      <div className="board__head">
        <h2 id="board-title">{t('board.title')}</h2>
        {platforms.data && <BoardSummary platforms={platforms.data} />}
      </div>
      {joinError && <Notice tone="error">{t('board.liveUnavailable', { reason: codeMessage(t, joinError) })}</Notice>}
      <BoardFiltersBar filters={filters} onChange={changeFilters} onClear={clearFilters} />
      {platforms.isPending && <Loading label={t('board.loading')} />}
      <ErrorNotice error={platforms.error} onRetry={() => void platforms.refetch()} />
      {platforms.data && (
        <>
          <p className="board__showing muted" aria-live="polite">
            {t('board.showing', { shown: format.number(shown.length), total: format.number(platforms.data.length) })}
          </p>
          {shown.length === 0 ? (
            <p className="empty">{platforms.data.length === 0 ? t('board.none') : t('board.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="platform-table" aria-label={t('board.tableLabel')}>
                <thead>
                  <tr>
                    <th scope="col">{t('column.name')}</th>
                    <th scope="col">{t('column.category')}</th>
                    <th scope="col">{t('column.tags')}</th>
                    <th scope="col">{t('column.status')}</th>
                    <th scope="col">{t('column.claimant')}</th>
                    <th scope="col">
                      <span className={canClaim ? undefined : 'visually-hidden'}>{t('column.action')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((platform) => (
                    <PlatformRow
                      key={platform.id}
                      platform={platform}
                      claimant={platform.claimedBy ? participantsById.get(platform.claimedBy) : undefined}
                      isMine={platform.claimedBy === me.id}
                      canClaim={canClaim}
                      timeZone={operation.timeZone}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {isFiltered(filters) && shown.length === 0 && (
            <button type="button" className="button button--ghost" onClick={clearFilters}>
              {t('board.clearFilters')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
