import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { Button } from '../../app/ui/Button';
import { Toast } from '../../app/ui/Toast';
import type { ClaimNotice } from './claimNotices';

/**
 * News about my claims that I did not cause (expired, taken back, given to
 * someone else, given to me): toasts until dismissed, never over the board.
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
  return notices.map((notice) => {
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
                to: notice.to ? `${notice.to.name} (${format.country(notice.to.country)})` : t('claim.unknownClaimant'),
              })
            : t('board.notice.assignedToMe', { name });
    const info = notice.kind === 'assignedToMe';
    return (
      <Toast
        key={notice.id}
        tone={info ? 'info' : 'warning'}
        symbol={info ? 'ℹ' : '⚠'}
        title={
          <>
            <strong>{time}</strong> {text}
          </>
        }
        onDismiss={() => onDismiss(notice.id)}
        dismissTestId="claim-notice-dismiss"
        data-testid="claim-notice"
        data-kind={notice.kind}
        actions={
          info && (
            <Button
              size="sm"
              onClick={() => {
                onOpen(notice.platformId);
                onDismiss(notice.id);
              }}
            >
              {t('board.notice.open')}
            </Button>
          )
        }
      />
    );
  });
}
