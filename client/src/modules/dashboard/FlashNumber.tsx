import { useState } from 'react';
import { useFormat } from '../../app/format';
import { cx } from '../../app/ui/cx';
import styles from './FlashNumber.module.css';

/**
 * A number that flashes briefly when it changes (a CSS animation restarted
 * by a new key; without motion when the viewer prefers less).
 */
export function FlashNumber({ value, className, testId }: { value: number; className?: string; testId?: string }) {
  const format = useFormat();
  const [previous, setPrevious] = useState(value);
  const [changes, setChanges] = useState(0);
  const [direction, setDirection] = useState<'up' | 'down'>('up');
  if (value !== previous) {
    setDirection(value > previous ? 'up' : 'down');
    setPrevious(value);
    setChanges((n) => n + 1);
  }
  return (
    <span
      key={changes}
      className={cx(className, styles.number, changes > 0 && styles.changed)}
      data-change={changes > 0 ? direction : undefined}
      data-testid={testId}
      data-value={value}
    >
      {format.number(value)}
    </span>
  );
}
