import type { Platform } from '@actionday/shared';
import { useTranslation } from 'react-i18next';
import { isApiError, useErrorMessage } from '../../app/errors';
import { useOutboxEntries } from '../../app/outbox/useOutbox';
import { Badge } from '../../app/ui/Badge';
import { Button } from '../../app/ui/Button';
import { cx } from '../../app/ui/cx';
import styles from './ClaimButton.module.css';
import type { ClaimState } from './useClaims';

interface Props {
  platform: Platform;
  state: ClaimState | undefined;
  onClaim: (platformId: string) => void;
  /** Shows the shortcut key on the button (the focused row). */
  showKey?: boolean;
}

/** Claims a platform; shows "Claiming…" while the request runs and a clear message when someone was faster. */
export function ClaimButton({ platform, state, onClaim, showKey }: Props) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const pending = state?.pending ?? false;
  // a claim kept on this device (offline): said in place until the server has it, instead of a second button
  const kept = useOutboxEntries().find((entry) => entry.kind === 'claim' && entry.platformId === platform.id);
  const showButton = (platform.status === 'unchecked' && !kept) || pending;
  return (
    <div className={styles.claim}>
      {kept && !pending && platform.status === 'unchecked' && (
        <Badge tone={kept.refusal ? 'danger' : 'warning'} symbol={kept.refusal ? '!' : '…'} data-testid="claim-kept">
          {kept.refusal ? t('outbox.state.refused') : t('outbox.state.pending')}
        </Badge>
      )}
      {showButton && (
        <Button
          variant={pending ? 'secondary' : 'primary'}
          className={cx(styles.button, pending && styles.pending)}
          data-testid="claim-button"
          data-pending={pending ? 'true' : undefined}
          shortcut={showKey ? 'C' : undefined}
          pending={pending}
          pendingLabel={t('claim.pending')}
          onClick={() => onClaim(platform.id)}
        >
          {/* the name says which platform ("Claim Lonely Hearts Club"); the eye reads "Claim" on its row */}
          <span aria-hidden="true">{t('claim.button')}</span>
          <span className="visually-hidden">{t('claim.label', { name: platform.name })}</span>
        </Button>
      )}
      {state?.error != null && (
        <p className={styles.error} role="alert">
          {isApiError(state.error, 'platforms.already_claimed')
            ? t('claim.conflict')
            : t('claim.failed', { reason: message(state.error) })}
        </p>
      )}
    </div>
  );
}
