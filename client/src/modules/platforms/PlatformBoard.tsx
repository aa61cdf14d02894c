import { type Participant, type Platform, can } from '@actionday/shared';
import {
  type ReactNode,
  Suspense,
  lazy,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { openKeyMap } from '../../app/KeyMap';
import { ConnectionIndicator } from '../../app/socket/ConnectionIndicator';
import { Button } from '../../app/ui/Button';
import { EmptyState } from '../../app/ui/EmptyState';
import { Loading } from '../../app/ui/Loading';
import { ErrorNotice, Notice } from '../../app/ui/Notice';
import { cx } from '../../app/ui/cx';
import type { OperationDetail } from '../operations/operations.api';
import { BoardFiltersBar } from './BoardFiltersBar';
import { BoardSummary } from './BoardSummary';
import { ClaimNoticeStack } from './ClaimNoticeStack';
import { MyPlatforms } from './MyPlatforms';
import { PlatformTable } from './PlatformTable';
import { WhoIsWhere } from './WhoIsWhere';
import { noticeFor, useClaimNotices } from './claimNotices';
import {
  claimsByParticipant,
  filterPlatforms,
  isFiltered,
  nextBest,
  noFilters,
  ownerOf,
  useBoardFilters,
} from './filters';
import { type BoardKey, useBoardKeys } from './keyboard';
import { releasedByThisTab, usePlatforms } from './platforms.api';
import { useNow } from './time';
import { useClaimHeartbeat } from './useClaimHeartbeat';
import { useClaims } from './useClaims';
import { useOpenFromAddress } from './useOpenFromAddress';
import { type ChangeListener, usePlatformsLive } from './usePlatformsLive';
import { RoomNotice } from '../operations/RoomNotice';
import { useReportViewing } from '../operations/viewing';
import styles from './PlatformBoard.module.css';

// the open platform's panel (facts, claim actions, verdict form) loads while the board is idle, not in its first load
const loadDetail = () => import('./PlatformDetail');
const PlatformDetail = lazy(async () => ({ default: (await loadDetail()).PlatformDetail }));

/** Starts loading the platform panel once the board is up and the browser has nothing else to do. */
function usePrefetchDetail(): void {
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 1500));
    const handle = idle(() => void loadDetail());
    return () => (window.cancelIdleCallback ?? window.clearTimeout)(handle);
  }, []);
}

export interface PlatformBoardProps {
  operation: OperationDetail;
  /**
   * The mount point for other modules (findings, evidence): what this
   * returns is shown inside the open platform's `PlatformDetail`, below its
   * facts and actions.
   */
  renderDetail?: (platform: Platform) => ReactNode;
  /** Shown in the sticky toolbar beside the connection state and my claims (the operation's clock). */
  status?: ReactNode;
}

/**
 * When the open platform gets its verdict (here, or in another tab), its form goes away; the focus would drop to
 * the page. It goes back to the platform's row instead, where the next action (N) is.
 */
function useFocusAfterVerdict(platform: Platform | undefined, focusRow: (platformId: string) => void): void {
  const previous = useRef<{ id: string; status: Platform['status'] } | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = platform ? { id: platform.id, status: platform.status } : null;
    if (!platform || !before || before.id !== platform.id) return;
    if (before.status !== 'claimed' || platform.status !== 'checked') return;
    const active = document.activeElement;
    if (active === null || active === document.body || active.closest('[data-testid="platform-detail"]'))
      focusRow(platform.id);
  }, [platform, focusRow]);
}

/** Keeps `--board-sticky` on the board at the toolbar's height, so the table head and the side panel stick below it. */
function useStickyOffset() {
  const board = useRef<HTMLElement>(null);
  const toolbar = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const bar = toolbar.current;
    const section = board.current;
    if (!bar || !section) return;
    const measure = () => section.style.setProperty('--board-sticky', `${bar.offsetHeight}px`);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(bar);
    return () => observer.disconnect();
  }, []);
  return { board, toolbar };
}

/**
 * The live list of platforms to check, as a work surface: my platforms and
 * who is on what on top; a sticky toolbar (connection, my claims, the clock,
 * next); the filters; then the list (virtualised) with the open platform's
 * detail in a side panel beside it, sticky while the list scrolls.
 * Keyboard first: N suggests the next platform, C claims it, V gives the
 * verdict, L logs a finding, Esc returns to the list, ? lists the keys.
 */
export function PlatformBoard({ operation, renderDetail, status }: PlatformBoardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = operation.me;
  const canClaim = can(me.role, 'platform.claim');
  const canManage = can(me.role, 'platform.manage_claims');
  const closed = operation.status === 'closed';
  // coordinators watch for stale claims: the holders' heartbeats are not broadcast, a fresh list shows them
  const platforms = usePlatforms(operation.id, canManage ? { refetchInterval: 60_000 } : {});
  const { notices, add: addNotice, dismiss } = useClaimNotices();
  const onChange = useCallback<ChangeListener>(
    (verb, event, before) => {
      const notice = noticeFor(verb, event, before, me.id, releasedByThisTab(event.platform.id));
      if (notice) addNotice(event.platform, notice);
    },
    [me.id, addNotice],
  );
  usePlatformsLive(operation.id, onChange);
  const [filters, changeFilters, clearFilters] = useBoardFilters();
  const now = useNow();
  useClaimHeartbeat(operation.id, platforms.data, me.id, operation.claimTimeoutMinutes);

  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  // "who is on which platform": the platform whose detail is open
  useReportViewing(operation.id, openId);
  const [suggestedId, setSuggestedId] = useState<string | null>(null);
  const [noSuggestion, setNoSuggestion] = useState(false);
  const [verdictFocus, setVerdictFocus] = useState({ id: '', request: 0 });
  const [domFocus, setDomFocus] = useState({ id: '', request: 0 });

  const list = platforms.data;
  const participantsById = useMemo(
    () => new Map(operation.participants.map((p) => [p.id, p])),
    [operation.participants],
  );
  const claims = useMemo(() => claimsByParticipant(list ?? []), [list]);
  const openClaims = useMemo(() => new Map([...claims].map(([id, held]) => [id, held.length])), [claims]);
  const claimants = useMemo(() => {
    const ids = new Set((list ?? []).map(ownerOf).filter((id): id is string => id !== null));
    return [...ids].map((id) => participantsById.get(id)).filter((p): p is Participant => p !== undefined);
  }, [list, participantsById]);
  // the platform being worked on stays in view even when it stops matching the filters (no row vanishes under the cursor)
  const shown = useMemo(() => {
    if (!list) return [];
    const pinned = new Set([focusedId, openId]);
    const filtered = filterPlatforms(list, filters, me.id, format.language);
    const extra = list.filter((p) => pinned.has(p.id) && !filtered.includes(p));
    return extra.length === 0 ? filtered : filterPlatforms([...filtered, ...extra], noFilters, me.id, format.language);
  }, [list, filters, me.id, format.language, focusedId, openId]);

  /** Moves the keyboard focus to a platform's row (and scrolls it into view). */
  const focusRow = useCallback((platformId: string) => {
    setFocusedId(platformId);
    setDomFocus((current) => ({ id: platformId, request: current.request + 1 }));
  }, []);

  const openDetail = useCallback(
    (platformId: string) => {
      setVerdictFocus((current) => ({ ...current, id: '' }));
      setOpenId(platformId);
      focusRow(platformId);
    },
    [focusRow],
  );
  useOpenFromAddress(list, openDetail);
  const toggleDetail = useCallback((platformId: string) => {
    setVerdictFocus((current) => ({ ...current, id: '' }));
    setFocusedId(platformId);
    setOpenId((current) => (current === platformId ? null : platformId));
  }, []);
  const giveVerdict = useCallback((platformId: string) => {
    setFocusedId(platformId);
    setOpenId(platformId);
    setVerdictFocus((current) => ({ id: platformId, request: current.request + 1 }));
  }, []);
  const { states: claimStates, claim } = useClaims(
    operation.id,
    useCallback((platform: Platform) => {
      setFocusedId(platform.id);
      setOpenId(platform.id);
    }, []),
  );

  const suggestNext = useCallback(() => {
    if (!list) return;
    const next = nextBest(list, filters, focusedId !== null && focusedId === suggestedId ? focusedId : null);
    setNoSuggestion(next === null);
    setSuggestedId(next?.id ?? null);
    if (next) focusRow(next.id);
  }, [list, filters, focusedId, suggestedId, focusRow]);

  const onKey = useCallback(
    (key: BoardKey, event: KeyboardEvent) => {
      const focused = focusedId ? list?.find((p) => p.id === focusedId) : undefined;
      const handled = () => event.preventDefault();
      switch (key) {
        case 'n':
          if (closed || !canClaim) return;
          handled();
          suggestNext();
          break;
        case 'c':
          if (!focused || focused.status !== 'unchecked' || !canClaim || closed || claimStates.get(focused.id)?.pending)
            return;
          handled();
          claim(focused.id);
          break;
        case 'v':
          if (!focused) return;
          handled();
          giveVerdict(focused.id);
          break;
        case 'j':
        case 'k': {
          if (shown.length === 0) return;
          handled();
          const index = focused ? shown.findIndex((p) => p.id === focused.id) : -1;
          const next = key === 'j' ? Math.min(shown.length - 1, index + 1) : Math.max(0, index === -1 ? 0 : index - 1);
          const target = shown[next];
          if (target) focusRow(target.id);
          break;
        }
        case '/':
          handled();
          document.querySelector<HTMLInputElement>('[data-board-search]')?.focus();
          break;
        case 'Escape': {
          // from anywhere else (a form of the open platform, the search box): back to the list, the panel stays;
          // from the list: the panel closes
          const onList = document.activeElement?.closest('[data-testid="platform-table"]');
          if (!onList) {
            const target = openId ?? focusedId ?? shown[0]?.id;
            if (!target) return;
            handled();
            focusRow(target);
            break;
          }
          if (!openId) return;
          handled();
          setOpenId(null);
          focusRow(openId);
          break;
        }
      }
    },
    [focusedId, list, closed, suggestNext, canClaim, claimStates, claim, giveVerdict, shown, focusRow, openId],
  );
  useBoardKeys(onKey);

  const suggested = suggestedId ? list?.find((p) => p.id === suggestedId) : undefined;
  const openPlatform = openId ? list?.find((p) => p.id === openId) : undefined;
  const myClaims = me.id ? (claims.get(me.id)?.length ?? 0) : 0;
  const { board, toolbar } = useStickyOffset();
  usePrefetchDetail();
  useFocusAfterVerdict(openPlatform, focusRow);
  const side = useRef<HTMLElement>(null);
  useEffect(() => {
    // an opened platform low on the screen (the list starts under the overview) comes up under the toolbar
    const panel = side.current;
    const bar = toolbar.current;
    if (!openId || !panel || !bar) return;
    const top = panel.getBoundingClientRect().top;
    if (top > window.innerHeight / 2) window.scrollBy({ top: top - bar.offsetHeight - 8 });
  }, [openId, toolbar]);

  return (
    <section ref={board} className={styles.board} aria-labelledby="board-title" data-testid="platform-board">
      <ClaimNoticeStack notices={notices} timeZone={operation.timeZone} onDismiss={dismiss} onOpen={openDetail} />
      <div className={styles.head}>
        <h2 id="board-title">{t('board.title')}</h2>
        {list && <BoardSummary platforms={list} />}
      </div>
      <RoomNotice />
      {closed && <Notice tone="info">{t('board.closed')}</Notice>}

      {list && (
        <div className={cx(styles.overview, !canClaim && styles.single)}>
          {canClaim && (
            <MyPlatforms
              platforms={list}
              meId={me.id}
              claimLimit={operation.claimLimit}
              claimTimeoutMinutes={operation.claimTimeoutMinutes}
              timeZone={operation.timeZone}
              now={now}
              closed={closed}
              onOpen={openDetail}
              onVerdict={giveVerdict}
            />
          )}
          <WhoIsWhere participants={operation.participants} claims={claims} meId={me.id} onOpen={openDetail} />
        </div>
      )}

      <div ref={toolbar} className={styles.toolbar} data-testid="board-toolbar">
        <div className={styles.state}>
          <ConnectionIndicator />
          {canClaim && (
            <span className={styles.myClaims} data-testid="toolbar-my-claims" data-count={myClaims}>
              {t('board.toolbar.myClaims', {
                held: format.number(myClaims),
                limit: format.number(operation.claimLimit),
              })}
            </span>
          )}
          {status}
        </div>
        {canClaim && !closed && (
          <Button onClick={suggestNext} shortcut="N" data-testid="next-best">
            {t('board.next.button')}
          </Button>
        )}
        <p className={styles.suggestion} aria-live="polite" data-testid="suggestion">
          {noSuggestion
            ? t('board.next.none')
            : suggested
              ? suggested.status === 'unchecked'
                ? t('board.next.suggested', { name: suggested.name })
                : suggested.status === 'claimed' && suggested.claimedBy === me.id
                  ? t('board.next.yours', { name: suggested.name })
                  : t('board.next.taken', { name: suggested.name })
              : ''}
        </p>
        <Button variant="ghost" size="sm" onClick={openKeyMap} shortcut="?">
          {t('board.keys.button')}
        </Button>
      </div>

      <BoardFiltersBar
        filters={filters}
        onChange={changeFilters}
        onClear={clearFilters}
        focusTags={operation.focusTags}
        claimants={claimants}
        canClaim={canClaim}
      />
      {platforms.isPending && <Loading label={t('board.loading')} />}
      <ErrorNotice error={platforms.error} onRetry={() => void platforms.refetch()} />
      {list && (
        <div className={cx(styles.surface, openPlatform && styles.withDetail)}>
          <div className={styles.list}>
            <p className={cx(styles.showing, 'muted')} aria-live="polite">
              {t('board.showing', { shown: format.number(shown.length), total: format.number(list.length) })}
            </p>
            {shown.length === 0 ? (
              <EmptyState>{list.length === 0 ? t('board.none') : t('board.empty')}</EmptyState>
            ) : (
              <PlatformTable
                operation={operation}
                platforms={shown}
                participants={participantsById}
                canClaim={canClaim}
                claimStates={claimStates}
                onClaim={claim}
                focusedId={focusedId}
                openId={openId}
                onToggle={toggleDetail}
                onFocusRow={setFocusedId}
                onVerdict={giveVerdict}
                focusRequest={domFocus}
                now={now}
                compact={openPlatform !== undefined}
              />
            )}
            {isFiltered(filters) && shown.length === 0 && (
              <Button variant="ghost" className={styles.clear} onClick={clearFilters}>
                {t('board.clearFilters')}
              </Button>
            )}
          </div>
          {openPlatform && (
            <aside
              ref={side}
              className={styles.side}
              aria-label={t('board.detail.region', { name: openPlatform.name })}
            >
              <Suspense fallback={<Loading />}>
                <PlatformDetail
                  key={openPlatform.id}
                  operation={operation}
                  platform={openPlatform}
                  participants={participantsById}
                  openClaims={openClaims}
                  claimState={claimStates.get(openPlatform.id)}
                  onClaim={claim}
                  onClose={() => {
                    setOpenId(null);
                    focusRow(openPlatform.id);
                  }}
                  verdictFocusRequest={verdictFocus.id === openPlatform.id ? verdictFocus.request : 0}
                  now={now}
                >
                  {renderDetail?.(openPlatform)}
                </PlatformDetail>
              </Suspense>
            </aside>
          )}
        </div>
      )}
    </section>
  );
}
