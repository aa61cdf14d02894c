import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../errors';
import { Button } from './Button';
import styles from './Notice.module.css';
import { cx } from './cx';

/** A message block: errors are announced at once, the others politely. */
export function Notice({
  tone,
  children,
  className,
  'data-testid': testId,
}: {
  tone: 'error' | 'success' | 'info';
  children: ReactNode;
  className?: string;
  'data-testid'?: string;
}) {
  return (
    <div
      className={cx(styles.notice, styles[tone], className)}
      role={tone === 'error' ? 'alert' : 'status'}
      data-testid={testId}
    >
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
        <Button className={styles.action} onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Notice>
  );
}
