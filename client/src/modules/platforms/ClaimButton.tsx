import type { Platform } from '@actionday/shared';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { useErrorMessage } from '../../app/errors';
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
  const showButton = platform.status === 'unchecked' || pending;
  return (
    <div className="claim">
      {showButton && (
        <button
          type="button"
          className={`button button--claim${pending ? ' is-pending' : ''}`}
          data-testid="claim-button"
          data-pending={pending ? 'true' : undefined}
          aria-busy={pending}
          aria-label={pending ? t('claim.pending') : t('claim.label', { name: platform.name })}
          aria-keyshortcuts={showKey ? 'C' : undefined}
          disabled={pending}
          onClick={() => onClaim(platform.id)}
        >
          {pending ? t('claim.pending') : t('claim.button')}
          {showKey && !pending && <kbd className="kbd kbd--on-dark">C</kbd>}
        </button>
      )}
      {state?.error != null && (
        <p className="claim__error" role="alert">
          {isApiError(state.error, 'platforms.already_claimed')
            ? t('claim.conflict')
            : t('claim.failed', { reason: message(state.error) })}
        </p>
      )}
    </div>
  );
}
