import { type ReactNode, createContext, useContext, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import styles from './Toast.module.css';
import { cx } from './cx';

const RegionContext = createContext<HTMLElement | null>(null);

/** How long the fade-out takes at most before the toast is gone (the animation's own end comes first). */
const FADE_MS = 250;

/**
 * The one place toasts appear, for the whole app: a stack at the bottom
 * inline-end corner. While it holds any, the page reserves its height so
 * nothing can stay hidden under it (see `--toast-reserve` in base.css).
 */
export function ToastProvider({ label, children }: { label: string; children: ReactNode }) {
  const [region, setRegion] = useState<HTMLElement | null>(null);
  useEffect(() => {
    if (!region) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => {
      const height = region.childElementCount > 0 ? region.getBoundingClientRect().height : 0;
      root.style.setProperty('--toast-reserve', `${Math.ceil(height)}px`);
    });
    observer.observe(region);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--toast-reserve');
    };
  }, [region]);
  return (
    <RegionContext value={region}>
      {children}
      <div ref={setRegion} className={styles.region} role="region" aria-label={label} data-testid="toast-region" />
    </RegionContext>
  );
}

export interface ToastProps {
  tone: 'warning' | 'info' | 'attention';
  /** The news, first line. */
  title: ReactNode;
  symbol?: ReactNode;
  /** Called once the toast has faded out after its dismiss button (or `dismissed`) asked it to go. */
  onDismiss: () => void;
  /** Set from outside to fade it out (an action elsewhere made it old news). */
  dismissed?: boolean;
  /** More buttons beside Dismiss (they should dismiss it too when they act). */
  actions?: ReactNode;
  dismissTestId?: string;
  'data-testid'?: string;
  'data-kind'?: string;
  children?: ReactNode;
}

/**
 * News that does not interrupt: appears in the toast stack with a short
 * fade, stays until dismissed, and fades out. Announced at once (role alert)
 * without taking the keyboard focus.
 */
export function Toast({
  tone,
  title,
  symbol,
  onDismiss,
  dismissed = false,
  actions,
  dismissTestId,
  'data-testid': testId,
  'data-kind': kind,
  children,
}: ToastProps) {
  const { t } = useTranslation();
  const region = useContext(RegionContext);
  const [asked, setAsked] = useState(false);
  const leaving = asked || dismissed;
  const done = useRef(onDismiss);
  useEffect(() => {
    done.current = onDismiss;
  }, [onDismiss]);
  useEffect(() => {
    if (!leaving) return;
    const timer = setTimeout(() => done.current(), FADE_MS);
    return () => clearTimeout(timer);
  }, [leaving]);

  const toast = (
    <div
      className={cx(styles.toast, styles[tone], leaving && styles.leaving)}
      role="alert"
      data-testid={testId}
      data-kind={kind}
      data-leaving={leaving ? 'true' : undefined}
    >
      <div className={styles.head}>
        <p className={styles.title}>
          {symbol && (
            <span aria-hidden="true" className={styles.symbol}>
              {symbol}
            </span>
          )}
          <span>{title}</span>
        </p>
      </div>
      {children}
      <div className={styles.actions}>
        {actions}
        <Button variant="ghost" size="sm" onClick={() => setAsked(true)} data-testid={dismissTestId}>
          {t('common.dismiss')}
        </Button>
      </div>
    </div>
  );
  return region ? createPortal(toast, region) : toast;
}
