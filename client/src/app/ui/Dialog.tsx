import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import styles from './Dialog.module.css';

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  /** The button that closes it (default "Done"). */
  closeLabel?: ReactNode;
  /** Keys that close it besides Escape (the board's `?` closes its own help). */
  closeKeys?: readonly string[];
  className?: string;
  'data-testid'?: string;
  /** Marks the board's own dialogs, whose keys the board's shortcut handler leaves alone. */
  'data-board-dialog'?: boolean;
  children: ReactNode;
}

/**
 * A modal dialog on the browser's own `<dialog>`: the page behind is inert
 * (focus stays inside, Tab cycles through it), Escape closes it, and on
 * closing the focus goes back to where it was when the dialog opened.
 */
export function Dialog({
  open,
  onClose,
  title,
  closeLabel,
  closeKeys = [],
  className,
  'data-testid': testId,
  'data-board-dialog': boardDialog,
  children,
}: DialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
    }
    if (!open && element.open) element.close();
  }, [open]);

  const restoreFocus = () => {
    const target = opener.current;
    opener.current = null;
    if (target?.isConnected) target.focus({ preventScroll: true });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (!closeKeys.includes(event.key)) return;
    event.preventDefault();
    onClose();
  };

  return (
    <dialog
      ref={dialog}
      className={[styles.dialog, className].filter(Boolean).join(' ')}
      aria-labelledby={`${id}-title`}
      data-testid={testId}
      data-board-dialog={boardDialog ? '' : undefined}
      onClose={() => {
        restoreFocus();
        onClose();
      }}
      onKeyDown={onKeyDown}
    >
      <h2 id={`${id}-title`} className={styles.title}>
        {title}
      </h2>
      {children}
      <form method="dialog" className={styles.actions}>
        <Button type="submit" variant="primary">
          {closeLabel ?? t('common.close')}
        </Button>
      </form>
    </dialog>
  );
}
