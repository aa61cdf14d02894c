import type { HTMLAttributes, ReactNode } from 'react';
import styles from './Badge.module.css';
import { cx } from './cx';

export type BadgeTone =
  | 'neutral'
  | 'info'
  | 'success'
  | 'warning'
  | 'danger'
  | 'attention'
  | 'live'
  | 'verdictNone'
  | 'verdictSuspected'
  | 'verdictConfirmed'
  | 'discovered';

export type BadgeProps = HTMLAttributes<HTMLSpanElement> & {
  tone?: BadgeTone;
  /** `pill` for a state, `square` for a verdict or kind, `marker` for a small mark, `tag` for a focus tag. */
  shape?: 'pill' | 'square' | 'marker' | 'tag';
  /** A symbol before the words (hidden from screen readers: the words say it). Never colour alone. */
  symbol?: ReactNode;
  /** Smaller type and padding, for a label inside a line of text (a handling code). */
  small?: boolean;
  'data-testid'?: string;
};

/** A short label with a meaning in colour, always with its words (and a symbol where the colour means much). */
export function Badge({ tone = 'neutral', shape = 'pill', symbol, small, className, children, ...rest }: BadgeProps) {
  return (
    <span
      className={cx(
        styles.badge,
        shape !== 'pill' && styles[shape],
        shape !== 'tag' && styles[tone],
        small && styles.small,
        className,
      )}
      {...rest}
    >
      {symbol !== undefined && (
        <span aria-hidden="true" className={styles.symbol}>
          {symbol}
        </span>
      )}
      {children}
    </span>
  );
}

/** A focus tag (`ukraine`). */
export function Tag({ children }: { children: ReactNode }) {
  return <Badge shape="tag">{children}</Badge>;
}

/** Badges side by side, wrapping. */
export function BadgeGroup({ children, className }: { children: ReactNode; className?: string }) {
  return <span className={cx(styles.group, className)}>{children}</span>;
}

/** The quieter part of a badge's words ("· by Anna at 10:07"). */
export function BadgeDetail({ children }: { children: ReactNode }) {
  return <span className={styles.detail}>{children}</span>;
}
