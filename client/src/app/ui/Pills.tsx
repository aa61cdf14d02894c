import type { ButtonHTMLAttributes, InputHTMLAttributes, ReactNode, Ref } from 'react';
import styles from './Pills.module.css';
import { cx } from './cx';

/**
 * A row of joined buttons where one is on: a filter (`aria-pressed`, in a
 * `group`), the tabs of a tablist, or radios of a radiogroup (`PillRadio`).
 */
export function Pills({
  label,
  role = 'group',
  className,
  children,
  'data-testid': testId,
  ref,
}: {
  label: string;
  role?: 'group' | 'tablist' | 'radiogroup';
  className?: string;
  children: ReactNode;
  'data-testid'?: string;
  ref?: Ref<HTMLDivElement>;
}) {
  return (
    <div ref={ref} className={cx(styles.pills, className)} role={role} aria-label={label} data-testid={testId}>
      {children}
    </div>
  );
}

/** One option of `Pills`: pass `aria-pressed` for a filter, `role="tab"` + `aria-selected` for a tab. */
export function Pill({
  className,
  type = 'button',
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { type?: 'button' }) {
  return <button type={type} className={cx(styles.pill, className)} {...rest} />;
}

/** One option of `Pills role="radiogroup"`: a radio drawn as a pill. */
export function PillRadio({
  label,
  className,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & { label: ReactNode }) {
  return (
    <label className={cx(styles.pill, className)}>
      <input type="radio" {...input} />
      {label}
    </label>
  );
}

/** A count inside a pill, in tabular figures. */
export function PillNumber({ children }: { children: ReactNode }) {
  return <span className={styles.number}>{children}</span>;
}

/** A shortcut inside a pill ("Alt+1"). */
export function PillKey({ children }: { children: ReactNode }) {
  return (
    <kbd className={styles.key} aria-hidden="true">
      {children}
    </kbd>
  );
}
