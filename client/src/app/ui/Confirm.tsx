import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import styles from './Confirm.module.css';
import { ErrorNotice } from './Notice';

export interface ConfirmProps {
  question: ReactNode;
  /** What will happen, so nobody confirms blind. */
  children?: ReactNode;
  confirmLabel: ReactNode;
  pendingLabel?: ReactNode;
  cancelLabel?: ReactNode;
  pending?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onCancel: () => void;
  /** Where the cursor starts: on Cancel (the safe choice, default) or on the confirming button. */
  focus?: 'cancel' | 'confirm';
  confirmTestId?: string;
}

/**
 * "Are you sure?" in place, where the action was asked for (no modal over the
 * work): the question, what it does, confirm and cancel. Escape cancels.
 */
export function Confirm({
  question,
  children,
  confirmLabel,
  pendingLabel,
  cancelLabel,
  pending = false,
  error,
  onConfirm,
  onCancel,
  focus = 'cancel',
  confirmTestId,
}: ConfirmProps) {
  const { t } = useTranslation();
  const id = useId();
  const confirmButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    (focus === 'confirm' ? confirmButton : cancelButton).current?.focus();
  }, [focus]);
  return (
    <div
      className={styles.confirm}
      role="alertdialog"
      aria-labelledby={`${id}-question`}
      aria-describedby={children ? `${id}-effect` : undefined}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        // handled here: what is around (a platform's detail) must not close as well
        event.preventDefault();
        event.stopPropagation();
        onCancel();
      }}
    >
      <p id={`${id}-question`} className={styles.question}>
        {question}
      </p>
      {children && (
        <div id={`${id}-effect`} className={styles.effect}>
          {children}
        </div>
      )}
      <ErrorNotice error={error} />
      <div className={styles.buttons}>
        <Button
          ref={confirmButton}
          variant="danger"
          pending={pending}
          pendingLabel={pendingLabel}
          onClick={onConfirm}
          data-testid={confirmTestId}
        >
          {confirmLabel}
        </Button>
        <Button ref={cancelButton} variant="ghost" onClick={onCancel} disabled={pending}>
          {cancelLabel ?? t('common.cancel')}
        </Button>
      </div>
    </div>
  );
}
