import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import type { ClaimNotice } from './claimNotices';

/**
 * News about my claims that I did not cause (expired, taken back, given to
 * someone else, given to me): fixed on screen until dismissed.
 */
export function ClaimNoticeStack({
  notices,
  timeZone,
  onDismiss,
  onOpen,
}: {
  notices: readonly ClaimNotice[];
  timeZone: string;
  onDismiss: (id: string) => void;
  onOpen: (platformId: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (notices.length === 0) return null;
  return (
    <div className="claim-notices" aria-label={t('board.notice.region')} role="region">
      {notices.map((notice) => {
        const time = format.time(new Date(notice.at).toISOString(), timeZone);
        const name = notice.platformName;
        const text =
          notice.kind === 'expired'
            ? t('board.notice.expired', { name })
            : notice.kind === 'released'
              ? t('board.notice.released', { name })
              : notice.kind === 'reassigned'
                ? t('board.notice.reassigned', {
                    name,
                    to: notice.to
                      ? `${notice.to.name} (${format.country(notice.to.country)})`
                      : t('claim.unknownClaimant'),
                  })
                : t('board.notice.assignedToMe', { name });
        const tone = notice.kind === 'assignedToMe' ? 'info' : 'warning';
        return (
          <div
            key={notice.id}
            className={`claim-notice claim-notice--${tone}`}
            role="alert"
            data-testid="claim-notice"
            data-kind={notice.kind}
          >
            <p className="claim-notice__text">
              <span aria-hidden="true" className="claim-notice__symbol">
                {tone === 'info' ? 'ℹ' : '⚠'}
              </span>
              <span>
                <span className="claim-notice__time">{time}</span> {text}
              </span>
            </p>
            <div className="claim-notice__buttons">
              {notice.kind === 'assignedToMe' && (
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => {
                    onOpen(notice.platformId);
                    onDismiss(notice.id);
                  }}
                >
                  {t('board.notice.open')}
                </button>
              )}
              <button
                type="button"
                className="button button--ghost button--small"
                onClick={() => onDismiss(notice.id)}
                data-testid="claim-notice-dismiss"
              >
                {t('common.dismiss')}
              </button>
            </div>
          </div>
        );
      })}
    </div>
  );
}
