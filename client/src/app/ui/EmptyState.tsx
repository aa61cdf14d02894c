import type { ReactNode } from 'react';
import styles from './EmptyState.module.css';

/** "Nothing here yet": a dashed box with a sentence (and perhaps a way out, such as clearing filters). */
export function EmptyState({ children }: { children: ReactNode }) {
  return <p className={styles.empty}>{children}</p>;
}
