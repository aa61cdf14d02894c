import type { Platform } from '@actionday/shared';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { useErrorMessage } from '../../app/errors';
import { useClaimPlatform } from './platforms.api';

/** Claims a platform; shows "Claiming…" while the request runs and a clear message when someone was faster. */
export function ClaimButton({ platform }: { platform: Platform }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const claim = useClaimPlatform(platform.operationId);
  const showButton = platform.status === 'unchecked' || claim.isPending;
  return (
    <div className="claim">
      {showButton && (
        <button
          type="button"
          className={`button button--claim${claim.isPending ? ' is-pending' : ''}`}
          data-testid="claim-button"
          data-pending={claim.isPending ? 'true' : undefined}
          aria-busy={claim.isPending}
          aria-label={claim.isPending ? t('claim.pending') : t('claim.label', { name: platform.name })}
          disabled={claim.isPending}
          onClick={() => claim.mutate(platform.id)}
        >
          {claim.isPending ? t('claim.pending') : t('claim.button')}
        </button>
      )}
      {claim.isError && (
        <p className="claim__error" role="alert">
          {isApiError(claim.error, 'platforms.already_claimed') ? t('claim.conflict') : t('claim.failed', { reason: message(claim.error) })}
        </p>
      )}
    </div>
  );
}
