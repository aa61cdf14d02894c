import { type Participant, type Platform, can } from '@actionday/shared';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { Tag } from '../../app/ui/Badge';
import { Button } from '../../app/ui/Button';
import { Fact, Facts } from '../../app/ui/Facts';
import type { OperationDetail } from '../operations/operations.api';
import { AssignControl, ReleaseButton, ReopenControl } from './ClaimActions';
import { ClaimButton } from './ClaimButton';
import { HolderLine } from './HolderLine';
import { PlatformBadges } from './PlatformStatusBadge';
import { VerdictForm } from './VerdictForm';
import styles from './PlatformDetail.module.css';
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
   * (findings, evidence): rendered below the platform's own facts and actions.
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
      className={styles.detail}
      id={detailId(platform.id)}
      data-testid="platform-detail"
      data-platform-id={platform.id}
      aria-labelledby={`${detailId(platform.id)}-title`}
    >
      <header className={styles.head}>
        <div>
          <h3 id={`${detailId(platform.id)}-title`} className={styles.title}>
            {platform.name}
          </h3>
          <p className={styles.url} translate="no">
            {platform.url}
          </p>
        </div>
        <PlatformBadges platform={platform} />
        <Button variant="ghost" size="sm" className={styles.close} onClick={onClose} shortcut="Esc">
          {t('board.detail.close')}
        </Button>
      </header>

      <div className={styles.body}>
        <Facts dense>
          <Fact label={t('column.category')}>{t(`category.${platform.category}`)}</Fact>
          {platform.tags.length > 0 && (
            <Fact label={t('column.tags')}>
              {platform.tags.map((tag) => (
                <Tag key={tag}>{format.focus(tag)}</Tag>
              ))}
            </Fact>
          )}
          {platform.languages.length > 0 && (
            <Fact label={t('board.detail.languages')}>
              {platform.languages.map((code) => languageName(code, format.language)).join(', ')}
            </Fact>
          )}
          {platform.countryFocus && (
            <Fact label={t('board.detail.countryFocus')}>{format.country(platform.countryFocus)}</Fact>
          )}
          <Fact label={t('board.detail.priority')}>{format.number(platform.priority)}</Fact>
          {platform.status !== 'unchecked' && (
            <Fact label={platform.status === 'claimed' ? t('column.claimant') : t('board.checkedBy')}>
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
            </Fact>
          )}
          {platform.status === 'claimed' && platform.lastActivityAt && (
            <Fact label={t('board.detail.lastActivity')}>
              <time dateTime={platform.lastActivityAt}>{format.time(platform.lastActivityAt, zone)}</time>{' '}
              <span className="muted">({ago(platform.lastActivityAt, now)})</span>
              <span className={styles.expiry}>
                {t('board.detail.expiryHint', { count: operation.claimTimeoutMinutes })}
              </span>
            </Fact>
          )}
          {platform.discovered && (
            <Fact label={t('board.discovered')} data-testid="discovered-by">
              {t('board.detail.discoveredBy', {
                name: discoverer
                  ? `${discoverer.name} (${format.country(discoverer.country)})`
                  : t('claim.unknownClaimant'),
                time: format.dateTime(platform.createdAt, zone),
              })}
            </Fact>
          )}
          {platform.status === 'checked' && platform.summary && (
            <Fact label={t('board.detail.summary')} wide>
              {platform.summary}
            </Fact>
          )}
        </Facts>

        <div className={styles.actions}>
          {closed && <p className="muted">{t('board.detail.closed')}</p>}
          {!closed && actions.length === 0 && !showVerdict && !showAssign && platform.status === 'claimed' && (
            <p className="muted">
              {t('board.detail.heldByOther', { name: holder?.name ?? t('claim.unknownClaimant') })}
            </p>
          )}
          {actions.length > 0 && (
            <div className={styles.buttons}>
              {actions}
              {mayGiveVerdict && !showVerdict && (
                <Button onClick={() => setVerdictForOther(true)} data-testid="verdict-for-other">
                  {t('board.verdictForm.openForHolder', { name: holder?.name ?? t('claim.unknownClaimant') })}
                </Button>
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
        <div className={styles.slot} data-slot="platform-detail">
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
