import type { ReactNode } from 'react';
import styles from './Kbd.module.css';
import { cx } from './cx';

/** A key to press, drawn as a key cap (`onDark` on a filled button, `large` in the shortcut list). */
export function Kbd({ children, onDark, large }: { children: ReactNode; onDark?: boolean; large?: boolean }) {
  return <kbd className={cx(styles.kbd, onDark && styles.onDark, large && styles.large)}>{children}</kbd>;
}
