import { useState } from 'react';
import { useFormat } from '../../app/format';
import { cx } from '../../app/ui/cx';
import styles from './FlashNumber.module.css';

/**
 * A number that flashes briefly when it changes (a CSS animation restarted
 * by a new key; without motion when the viewer prefers less). A suppressed
 * count (null: a small count of persons an observer may not see exactly)
 * reads "<N".
 */
export function FlashNumber({
  value,
  below,
  className,
  testId,
}: {
  value: number | null;
  below?: number | null | undefined;
  className?: string;
  testId?: string;
}) {
  const format = useFormat();
  const [previous, setPrevious] = useState(value);
  const [changes, setChanges] = useState(0);
  const [direction, setDirection] = useState<'up' | 'down'>('up');
  if (value !== previous) {
    setDirection((value ?? 0) > (previous ?? 0) ? 'up' : 'down');
    setPrevious(value);
    setChanges((n) => n + 1);
  }
  return (
    <span
      key={changes}
      className={cx(className, styles.number, changes > 0 && styles.changed)}
      data-change={changes > 0 ? direction : undefined}
      data-testid={testId}
      data-value={value ?? `<${below ?? ''}`}
    >
      {value === null ? `<${format.number(below ?? 0)}` : format.number(value)}
    </span>
  );
}
