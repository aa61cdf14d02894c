import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../errors';

/** A message block: errors are announced at once, the others politely. */
export function Notice({ tone, children }: { tone: 'error' | 'success' | 'info'; children: ReactNode }) {
  return (
    <div className={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** The translated message of an error, or nothing; with a retry button when given `onRetry`. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  if (!error) return null;
  return (
    <Notice tone="error">
      <span>{message(error)}</span>
      {onRetry && (
        <button type="button" className="button notice__action" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </Notice>
  );
}
