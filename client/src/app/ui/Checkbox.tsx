import type { InputHTMLAttributes, ReactNode } from 'react';
import styles from './Checkbox.module.css';
import { Kbd } from './Kbd';
import { cx } from './cx';

export type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & {
  label: ReactNode;
  /** A shortcut key shown after the label and announced. */
  shortcut?: string;
  compact?: boolean;
  /** `radio` for one choice of a group (the same look). */
  type?: 'checkbox' | 'radio';
};

/** A checkbox (or radio) and its label as one target: the whole line toggles it. */
export function Checkbox({ label, shortcut, compact, className, type = 'checkbox', ...input }: CheckboxProps) {
  return (
    <label className={cx(styles.checkbox, compact && styles.compact, className)}>
      <input type={type} aria-keyshortcuts={shortcut} {...input} />
      <span>{label}</span>
      {shortcut && (
        <span aria-hidden="true">
          <Kbd>{shortcut}</Kbd>
        </span>
      )}
    </label>
  );
}
