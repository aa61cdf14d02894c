import type { Participant, Platform } from '@actionday/shared';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationDetail } from '../operations/operations.api';
import { PlatformDetail } from './PlatformDetail';
import { PlatformRow } from './PlatformRow';
import table from './PlatformTable.module.css';
import type { ClaimState } from './useClaims';

const COLUMNS = 6;

/** The board's table: a row per platform, the open one's detail in a full-width row below it. */
export function PlatformTable({
  operation,
  platforms,
  participants,
  openClaims,
  canClaim,
  claimStates,
  onClaim,
  focusedId,
  openId,
  onToggle,
  onFocusRow,
  onVerdict,
  onCloseDetail,
  verdictFocus,
  now,
  renderDetail,
}: {
  operation: OperationDetail;
  platforms: readonly Platform[];
  participants: ReadonlyMap<string, Participant>;
  openClaims: ReadonlyMap<string, number>;
  canClaim: boolean;
  claimStates: ReadonlyMap<string, ClaimState>;
  onClaim: (platformId: string) => void;
  focusedId: string | null;
  openId: string | null;
  onToggle: (platformId: string) => void;
  onFocusRow: (platformId: string) => void;
  onVerdict: (platformId: string) => void;
  onCloseDetail: (platformId: string) => void;
  /** Each new request moves the keyboard into that platform's verdict form. */
  verdictFocus: { id: string; request: number };
  now: number;
  renderDetail?: ((platform: Platform) => ReactNode) | undefined;
}) {
  const { t } = useTranslation();
  const closed = operation.status === 'closed';
  return (
    <div className={table.wrap}>
      <table className={table.table} aria-label={t('board.tableLabel')}>
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
          {platforms.map((platform) => (
            <Fragment key={platform.id}>
              <PlatformRow
                platform={platform}
                participants={participants}
                meId={operation.me.id}
                canClaim={canClaim && !closed}
                claimState={claimStates.get(platform.id)}
                onClaim={onClaim}
                focused={platform.id === focusedId}
                open={platform.id === openId}
                onToggle={onToggle}
                onFocusRow={onFocusRow}
                onVerdict={onVerdict}
                timeZone={operation.timeZone}
                now={now}
                claimTimeoutMinutes={operation.claimTimeoutMinutes}
              />
              {platform.id === openId && (
                <tr className={table.detailRow}>
                  <td colSpan={COLUMNS}>
                    <PlatformDetail
                      operation={operation}
                      platform={platform}
                      participants={participants}
                      openClaims={openClaims}
                      claimState={claimStates.get(platform.id)}
                      onClaim={onClaim}
                      onClose={() => onCloseDetail(platform.id)}
                      verdictFocusRequest={verdictFocus.id === platform.id ? verdictFocus.request : 0}
                      now={now}
                    >
                      {renderDetail?.(platform)}
                    </PlatformDetail>
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
