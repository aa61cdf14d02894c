import type { ReactNode } from 'react';
import styles from './Facts.module.css';
import { cx } from './cx';

/** Labelled facts side by side (a definition list): "TIME WINDOW / Tue 6 Sep…". `dense` in a detail panel. */
export function Facts({ dense, flush, children }: { dense?: boolean; flush?: boolean; children: ReactNode }) {
  return <dl className={cx(styles.facts, dense && styles.dense, flush && styles.flush)}>{children}</dl>;
}

/** One fact of `Facts`; `wide` takes the whole row (a summary text). */
export function Fact({
  label,
  wide,
  children,
  'data-testid': testId,
}: {
  label: ReactNode;
  wide?: boolean;
  children: ReactNode;
  'data-testid'?: string;
}) {
  return (
    <div className={wide ? styles.wide : undefined}>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}
