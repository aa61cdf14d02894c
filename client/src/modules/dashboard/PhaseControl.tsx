import { type Operation, operationStatuses } from '@actionday/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, Notice } from '../../app/ui/Notice';
import { useSetPhase } from './dashboard.api';

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
    <div className="phase-control" data-testid="phase-control">
      <div className="phase-control__steps" role="group" aria-label={t('phase.title')}>
        {operationStatuses.map((status, index) => (
          <button
            key={status}
            type="button"
            className={`phase-control__step${status === operation.status ? ' is-current' : ''}`}
            aria-pressed={status === operation.status}
            disabled={setPhase.isPending}
            data-phase={status}
            onClick={() => choose(status)}
          >
            <span className="phase-control__index" aria-hidden="true">
              {index + 1}
            </span>
            {t(`operationStatus.${status}`)}
          </button>
        ))}
      </div>
      <p className="muted">{t('phase.hint')}</p>
      {confirming && (
        <div
          className="phase-control__confirm"
          role="alertdialog"
          aria-labelledby="close-title"
          aria-describedby="close-text"
        >
          <p id="close-title">
            <strong>{t('phase.confirmTitle')}</strong>
          </p>
          <p id="close-text">{t('phase.confirmText')}</p>
          <div className="phase-control__confirm-actions">
            <button
              type="button"
              className="button button--danger"
              disabled={setPhase.isPending}
              onClick={() => setPhase.mutate('closed', { onSettled: () => setConfirming(false) })}
              data-testid="confirm-close"
            >
              {t('phase.confirmClose')}
            </button>
            <button type="button" className="button button--ghost" onClick={() => setConfirming(false)}>
              {t('phase.cancel')}
            </button>
          </div>
        </div>
      )}
      <ErrorNotice error={setPhase.error} />
    </div>
  );
}
