import type { ReactNode } from 'react';
import styles from './Page.module.css';
import { cx } from './cx';

/** A page's document title and its centred content column. */
export function Page({ title, narrow, children }: { title: string; narrow?: boolean; children: ReactNode }) {
  return (
    <div className={cx(styles.page, narrow && styles.narrow)}>
      <title>{`${title} · Actionday`}</title>
      {children}
    </div>
  );
}

/** A main column with a side column beside it (stacked below 1100px); without `side`, just the main column. */
export function Split({ side, children }: { side?: ReactNode; children: ReactNode }) {
  if (!side) return <>{children}</>;
  return (
    <div className={styles.split}>
      <div>{children}</div>
      {side}
    </div>
  );
}
