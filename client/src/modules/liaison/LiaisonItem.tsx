import { type LiaisonRequest, type LiaisonState, can, liaisonTransitions } from '@actionday/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { Badge } from '../../app/ui/Badge';
import { Button } from '../../app/ui/Button';
import { ErrorNotice } from '../../app/ui/Notice';
import type { OperationDetail } from '../operations/operations.api';
import { useUpdateLiaison } from './liaison.api';
import styles from './Liaison.module.css';

const stateTone = {
  draft: 'neutral',
  sent: 'info',
  acknowledged: 'attention',
  removed: 'success',
  refused: 'danger',
  no_answer: 'warning',
} as const;

/** One request to a platform: what, its state with the date of each step, and the next steps its author may take. */
export function LiaisonItem({ request, operation }: { request: LiaisonRequest; operation: OperationDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const update = useUpdateLiaison();
  const me = operation.me;
  const mayChange = request.authorId === me.id || can(me.role, 'request.manage');
  const author = operation.participants.find((p) => p.id === request.authorId)?.name;
  // nothing goes back to draft
  const next = liaisonTransitions[request.state].filter((s): s is Exclude<LiaisonState, 'draft'> => s !== 'draft');
  return (
    <li className={styles.item} data-testid="request" data-state={request.state} data-request-id={request.id}>
      <div className={styles.line}>
        <Badge shape="square">{t(`liaison.kind.${request.kind}`)}</Badge>
        <Badge tone={stateTone[request.state]} data-testid="request-state">
          {t(`liaison.state.${request.state}`)}
        </Badge>
        {request.legalRequestNeeded && <Badge tone="warning">{t('liaison.legalRequestNeeded')}</Badge>}
        {request.contentUrl ? (
          <span className="mono" translate="no">
            {request.contentUrl}
          </span>
        ) : (
          <span className="muted">{t('liaison.wholePlatform')}</span>
        )}
      </div>
      <p className="muted">
        {request.history.map((step) => `${t(`liaison.state.${step.state}`)} ${format.time(step.at)}`).join(' → ')}
        {' · '}
        {t('liaison.by', { name: author ?? t('findings.item.someone'), country: format.country(request.country) })}
        {request.platformReference && <> · {t('liaison.reference', { reference: request.platformReference })}</>}
      </p>
      {request.note && <p>{request.note}</p>}
      {mayChange && next.length > 0 && (
        <div className={styles.actions}>
          {next.map((step) => (
            <Button
              key={step}
              size="xs"
              variant="secondary"
              pending={update.isPending && update.variables?.state === step}
              onClick={() => update.mutate({ id: request.id, state: step, version: request.version })}
            >
              {t(`liaison.move.${step}`)}
            </Button>
          ))}
        </div>
      )}
      <ErrorNotice error={update.error} />
    </li>
  );
}
