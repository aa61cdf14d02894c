import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react';
import { Link, type LinkProps } from 'react-router';
import styles from './Button.module.css';
import { Kbd } from './Kbd';
import { cx } from './cx';

export type ButtonVariant =
  | 'secondary'
  | 'primary'
  | 'ghost'
  | 'danger'
  | 'dangerOutline'
  | 'confirm'
  | 'link'
  | 'onDark';
export type ButtonSize = 'md' | 'sm' | 'xs';

interface Look {
  variant?: ButtonVariant | undefined;
  size?: ButtonSize | undefined;
}

/** The class names of a button's look, for the rare control that must be another element (a download link). */
export function buttonClass({ variant = 'secondary', size = 'md' }: Look = {}, extra?: string): string {
  return cx(styles.button, variant !== 'secondary' && styles[variant], size !== 'md' && styles[size], extra);
}

export type ButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> &
  Look & {
    /** `button` unless it submits its form. */
    type?: 'button' | 'submit';
    /** Busy: disabled, announced (aria-busy), with a spinner; `pendingLabel` replaces the text meanwhile. */
    pending?: boolean;
    pendingLabel?: ReactNode;
    /** A shortcut key, shown on the button and announced (aria-keyshortcuts). */
    shortcut?: string | undefined;
    ref?: Ref<HTMLButtonElement>;
  };

/**
 * The one button of the app: secondary (outlined) by default, `primary` for
 * the main action of a form, `ghost` for cancel/close, `danger` for what
 * cannot be undone. Always at least 2.75rem high (2.25 `sm`, 2 `xs`): easy
 * to hit on a laptop's touchpad.
 */
export function Button({
  variant,
  size,
  type = 'button',
  pending = false,
  pendingLabel,
  shortcut,
  disabled,
  className,
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={buttonClass({ variant, size }, className)}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      aria-keyshortcuts={shortcut}
      {...rest}
    >
      {pending && <span className={styles.spinner} aria-hidden="true" />}
      {pending && pendingLabel !== undefined ? pendingLabel : children}
      {/* announced once, by aria-keyshortcuts, not as part of the button's name */}
      {shortcut && !pending && (
        <span aria-hidden="true">
          <Kbd onDark={variant === 'primary' || variant === 'danger'}>{shortcut}</Kbd>
        </span>
      )}
    </button>
  );
}

/** A link that looks like a button (it navigates; a `Button` acts). */
export function ButtonLink({ variant, size, className, ...rest }: LinkProps & Look) {
  return <Link className={buttonClass({ variant, size }, className)} {...rest} />;
}
