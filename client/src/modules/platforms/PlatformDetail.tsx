import { type Participant, type Platform, can } from '@actionday/shared';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import type { OperationDetail } from '../operations/operations.api';
import { AssignControl, ReleaseButton, ReopenControl } from './ClaimActions';
import { ClaimButton } from './ClaimButton';
import { HolderLine } from './HolderLine';
import { PlatformBadges } from './PlatformStatusBadge';
import { VerdictForm } from './VerdictForm';
import { detailId } from './PlatformRow';
import { useRelativeTime } from './time';
import type { ClaimState } from './useClaims';

export interface PlatformDetailProps {
  operation: OperationDetail;
  platform: Platform;
  participants: ReadonlyMap<string, Participant>;
  openClaims: ReadonlyMap<string, number>;
  claimState: ClaimState | undefined;
  onClaim: (platformId: string) => void;
  onClose: () => void;
  /** Each increase moves the keyboard focus into the verdict form. */
  verdictFocusRequest: number;
  now: number;
  /**
   * The mount point for what other modules show about this platform
   * (findings, hits, evidence): rendered below the platform's own facts and actions.
   */
  children?: ReactNode;
}

/**
 * Everything about one platform and what the viewer may do with it: claim,
 * release, verdict, assign, reopen; then the other modules' panels (children).
 */
export function PlatformDetail({
  operation,
  platform,
  participants,
  openClaims,
  claimState,
  onClaim,
  onClose,
  verdictFocusRequest,
  now,
  children,
}: PlatformDetailProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const ago = useRelativeTime();
  const me = operation.me;
  const closed = operation.status === 'closed';
  const isHolder = platform.status === 'claimed' && platform.claimedBy === me.id;
  const canClaim = can(me.role, 'platform.claim');
  const canManage = can(me.role, 'platform.manage_claims');
  const canReopen = can(me.role, 'platform.reopen');
  const discoverer = platform.discoveredBy ? participants.get(platform.discoveredBy) : undefined;
  const holder = platform.claimedBy ? participants.get(platform.claimedBy) : undefined;
  const zone = operation.timeZone;

  const actions: ReactNode[] = [];
  if (!closed) {
    if (platform.status === 'unchecked' && canClaim)
      actions.push(<ClaimButton key="claim" platform={platform} state={claimState} onClaim={onClaim} />);
    if (platform.status === 'claimed' && (isHolder || canManage))
      actions.push(<ReleaseButton key="release" platform={platform} />);
    if (platform.status === 'checked' && canReopen) actions.push(<ReopenControl key="reopen" platform={platform} />);
  }
  const mayGiveVerdict = !closed && platform.status === 'claimed' && (isHolder || canManage);
  // a coordinator gives a verdict for someone else only on purpose: the form opens on request (a click, or V)
  const [verdictForOther, setVerdictForOther] = useState(false);
  const showVerdict = mayGiveVerdict && (isHolder || verdictForOther || verdictFocusRequest > 0);
  const showAssign = !closed && platform.status !== 'checked' && canManage;

  return (
    <section
      className="detail"
      id={detailId(platform.id)}
      data-testid="platform-detail"
      data-platform-id={platform.id}
      aria-labelledby={`${detailId(platform.id)}-title`}
    >
      <header className="detail__head">
        <div>
          <h3 id={`${detailId(platform.id)}-title`} className="detail__title">
            {platform.name}
          </h3>
          <p className="detail__url" translate="no">
            {platform.url}
          </p>
        </div>
        <PlatformBadges platform={platform} />
        <button
          type="button"
          className="button button--ghost button--small detail__close"
          onClick={onClose}
          aria-keyshortcuts="Escape"
        >
          {t('board.detail.close')} <kbd className="kbd">Esc</kbd>
        </button>
      </header>

      <div className="detail__body">
        <dl className="detail__facts">
          <div>
            <dt>{t('column.category')}</dt>
            <dd>{t(`category.${platform.category}`)}</dd>
          </div>
          {platform.tags.length > 0 && (
            <div>
              <dt>{t('column.tags')}</dt>
              <dd>
                {platform.tags.map((tag) => (
                  <span key={tag} className="tag">
                    {tag}
                  </span>
                ))}
              </dd>
            </div>
          )}
          {platform.languages.length > 0 && (
            <div>
              <dt>{t('board.detail.languages')}</dt>
              <dd>{platform.languages.map((code) => languageName(code, format.language)).join(', ')}</dd>
            </div>
          )}
          {platform.countryFocus && (
            <div>
              <dt>{t('board.detail.countryFocus')}</dt>
              <dd>{format.country(platform.countryFocus)}</dd>
            </div>
          )}
          <div>
            <dt>{t('board.detail.priority')}</dt>
            <dd>{format.number(platform.priority)}</dd>
          </div>
          {platform.status !== 'unchecked' && (
            <div>
              <dt>{platform.status === 'claimed' ? t('column.claimant') : t('board.checkedBy')}</dt>
              <dd>
                <HolderLine
                  platform={platform}
                  participants={participants}
                  meId={me.id}
                  timeZone={zone}
                  now={now}
                  claimTimeoutMinutes={operation.claimTimeoutMinutes}
                  showRole={false}
                />
                {platform.status === 'claimed' && holder && <span className="muted"> {holder.agency}</span>}
              </dd>
            </div>
          )}
          {platform.status === 'claimed' && platform.lastActivityAt && (
            <div>
              <dt>{t('board.detail.lastActivity')}</dt>
              <dd>
                <time dateTime={platform.lastActivityAt}>{format.time(platform.lastActivityAt, zone)}</time>{' '}
                <span className="muted">({ago(platform.lastActivityAt, now)})</span>
                <span className="field__hint">
                  {t('board.detail.expiryHint', { minutes: operation.claimTimeoutMinutes })}
                </span>
              </dd>
            </div>
          )}
          {platform.discovered && (
            <div>
              <dt>{t('board.discovered')}</dt>
              <dd data-testid="discovered-by">
                {t('board.detail.discoveredBy', {
                  name: discoverer
                    ? `${discoverer.name} (${format.country(discoverer.country)})`
                    : t('claim.unknownClaimant'),
                  time: format.dateTime(platform.createdAt, zone),
                })}
              </dd>
            </div>
          )}
          {platform.status === 'checked' && platform.summary && (
            <div className="detail__summary">
              <dt>{t('board.detail.summary')}</dt>
              <dd>{platform.summary}</dd>
            </div>
          )}
        </dl>

        <div className="detail__actions">
          {closed && <p className="muted">{t('board.detail.closed')}</p>}
          {!closed && actions.length === 0 && !showVerdict && !showAssign && platform.status === 'claimed' && (
            <p className="muted">
              {t('board.detail.heldByOther', { name: holder?.name ?? t('claim.unknownClaimant') })}
            </p>
          )}
          {actions.length > 0 && (
            <div className="detail__buttons">
              {actions}
              {mayGiveVerdict && !showVerdict && (
                <button
                  type="button"
                  className="button"
                  onClick={() => setVerdictForOther(true)}
                  data-testid="verdict-for-other"
                >
                  {t('board.verdictForm.openForHolder', { name: holder?.name ?? t('claim.unknownClaimant') })}
                </button>
              )}
            </div>
          )}
          {showVerdict && (
            <VerdictForm
              key={platform.claimedAt ?? ''}
              platform={platform}
              holder={holder}
              forSomeoneElse={!isHolder}
              focusRequest={verdictForOther && verdictFocusRequest === 0 ? 1 : verdictFocusRequest}
            />
          )}
          {showAssign && (
            <AssignControl
              platform={platform}
              participants={operation.participants}
              openClaims={openClaims}
              claimLimit={operation.claimLimit}
            />
          )}
        </div>
      </div>

      {children && (
        <div className="detail__slot" data-slot="platform-detail">
          {children}
        </div>
      )}
    </section>
  );
}

const languageNames = new Map<string, Intl.DisplayNames>();
/** A language's name in the viewer's language (`uk` → "Ukrainian" / "Oekraïens"). */
function languageName(code: string, language: string): string {
  let names = languageNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'language', fallback: 'code' });
    languageNames.set(language, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
