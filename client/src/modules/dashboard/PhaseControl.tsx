import { type Operation, operationStatuses } from '@actionday/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../app/ui/Button';
import { Confirm } from '../../app/ui/Confirm';
import { ErrorNotice, Notice } from '../../app/ui/Notice';
import { cx } from '../../app/ui/cx';
import { useSetPhase } from './dashboard.api';
import styles from './PhaseControl.module.css';

/** The coordinator moves the day through its phases; closing asks first, since it freezes the figures. */
export function PhaseControl({ operation }: { operation: Operation }) {
  const { t } = useTranslation();
  const setPhase = useSetPhase(operation.id);
  const [confirming, setConfirming] = useState(false);

  if (operation.status === 'closed') return <Notice tone="info">{t('phase.closedFrozen')}</Notice>;
  const choose = (status: Operation['status']) => {
    if (status === operation.status) return;
    if (status === 'closed') {
      setConfirming(true);
      return;
    }
    setPhase.mutate(status);
  };

  return (
    <div data-testid="phase-control">
      <div className={styles.steps} role="group" aria-label={t('phase.title')}>
        {operationStatuses.map((status, index) => (
          <Button
            key={status}
            className={cx(styles.step, status === operation.status && styles.current)}
            aria-pressed={status === operation.status}
            disabled={setPhase.isPending}
            data-phase={status}
            onClick={() => choose(status)}
          >
            <span className={styles.index} aria-hidden="true">
              {index + 1}
            </span>
            {t(`operationStatus.${status}`)}
          </Button>
        ))}
      </div>
      <p className="muted">{t('phase.hint')}</p>
      {confirming && (
        <div className={styles.confirm}>
          <Confirm
            question={t('phase.confirmTitle')}
            confirmLabel={t('phase.confirmClose')}
            cancelLabel={t('phase.cancel')}
            pending={setPhase.isPending}
            confirmTestId="confirm-close"
            onConfirm={() => setPhase.mutate('closed', { onSettled: () => setConfirming(false) })}
            onCancel={() => setConfirming(false)}
          >
            <p>{t('phase.confirmText')}</p>
          </Confirm>
        </div>
      )}
      <ErrorNotice error={setPhase.error} />
    </div>
  );
}
