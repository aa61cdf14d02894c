import type { Participant, Platform } from '@actionday/shared';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationDetail } from '../operations/operations.api';
import { PlatformRow } from './PlatformRow';
import { cx } from '../../app/ui/cx';
import table from './PlatformTable.module.css';
import type { ClaimState } from './useClaims';

const COLUMNS = 6;
/** A row's height before it is measured (a name, its URL and a marker line). */
const ESTIMATED_ROW_PX = 76;

/**
 * The board's table: a row per platform, only the rows near the screen in the
 * page (a window virtualiser: 10,000 platforms cost what 40 do), measured as
 * they render. The open platform's detail is beside the list, not in it. A
 * focus request scrolls its row into view first, then moves the keyboard there.
 */
export function PlatformTable({
  operation,
  platforms,
  participants,
  canClaim,
  claimStates,
  onClaim,
  focusedId,
  openId,
  onToggle,
  onFocusRow,
  onVerdict,
  focusRequest,
  now,
  compact = false,
}: {
  operation: OperationDetail;
  platforms: readonly Platform[];
  participants: ReadonlyMap<string, Participant>;
  canClaim: boolean;
  claimStates: ReadonlyMap<string, ClaimState>;
  onClaim: (platformId: string) => void;
  focusedId: string | null;
  openId: string | null;
  onToggle: (platformId: string) => void;
  onFocusRow: (platformId: string) => void;
  onVerdict: (platformId: string) => void;
  /** Each new request moves the keyboard focus to that platform's row. */
  focusRequest: { id: string; request: number };
  now: number;
  /** Beside an open platform: the category and tag columns give their room to the panel. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const closed = operation.status === 'closed';
  const body = useRef<HTMLTableSectionElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const element = body.current;
    if (!element) return;
    const measure = () => setScrollMargin(element.getBoundingClientRect().top + window.scrollY);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  const virtualizer = useWindowVirtualizer({
    count: platforms.length,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: 8,
    scrollMargin,
    getItemKey: (index) => platforms[index]?.id ?? index,
  });

  useEffect(() => {
    if (!focusRequest.id) return;
    const index = platforms.findIndex((p) => p.id === focusRequest.id);
    if (index === -1) return;
    const selector = `[data-platform-toggle="${CSS.escape(focusRequest.id)}"]`;
    const present = document.querySelector<HTMLElement>(selector);
    if (present) {
      present.focus({ preventScroll: true });
      present.scrollIntoView({ block: 'nearest' });
      return;
    }
    // not rendered: scroll there, then focus once the row exists
    virtualizer.scrollToIndex(index, { align: 'center' });
    let frames = 0;
    let handle = 0;
    const tryFocus = () => {
      const toggle = document.querySelector<HTMLElement>(selector);
      if (toggle) toggle.focus({ preventScroll: true });
      else if (frames++ < 10) handle = requestAnimationFrame(tryFocus);
    };
    handle = requestAnimationFrame(tryFocus);
    return () => cancelAnimationFrame(handle);
    // only a new request moves the focus, not a list that changed under it
  }, [focusRequest]);

  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items.at(-1);
  const before = first ? first.start - scrollMargin : 0;
  const after = last ? virtualizer.getTotalSize() - (last.end - scrollMargin) : 0;

  return (
    <div className={table.wrap}>
      <table
        className={cx(table.table, compact && table.compact)}
        aria-label={t('board.tableLabel')}
        aria-rowcount={platforms.length + 1}
        data-testid="platform-table"
        data-rendered={items.length}
      >
        <thead>
          <tr aria-rowindex={1}>
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
        <tbody ref={body}>
          {before > 0 && (
            <tr className={table.spacer} aria-hidden="true" style={{ blockSize: before }}>
              <td colSpan={COLUMNS} />
            </tr>
          )}
          {items.map((item) => {
            const platform = platforms[item.index];
            if (!platform) return null;
            return (
              <PlatformRow
                key={platform.id}
                rowRef={virtualizer.measureElement}
                index={item.index}
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
            );
          })}
          {after > 0 && (
            <tr className={table.spacer} aria-hidden="true" style={{ blockSize: after }}>
              <td colSpan={COLUMNS} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
