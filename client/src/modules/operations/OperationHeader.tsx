import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../app/format';
import { OperationStatusBadge } from './OperationStatusBadge';
import { TimeWindow } from './TimeWindow';
import type { OperationDetail } from './operations.api';

/** Name, phase, time window (in the operation's zone, named) and who I am in it. */
export function OperationHeader({ operation }: { operation: OperationDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = operation.me;
  return (
    <header className="operation-header">
      <nav aria-label={t('nav.main')} className="breadcrumb">
        <Link to="/">← {t('operation.back')}</Link>
      </nav>
      <div className="operation-header__title">
        <h1>{operation.name}</h1>
        <OperationStatusBadge status={operation.status} />
      </div>
      <dl className="facts facts--inline">
        <div>
          <dt>{t('operation.window')}</dt>
          <dd>
            <TimeWindow startsAt={operation.startsAt} endsAt={operation.endsAt} timeZone={operation.timeZone} />
          </dd>
        </div>
        <div>
          <dt>{t('operation.you')}</dt>
          <dd>
            {t('operation.youAre', {
              role: t(`role.${me.role}`),
              agency: me.agency,
              country: format.country(me.country),
            })}
            <span className="muted"> · {t('operation.participants', { count: operation.participants.length })}</span>
          </dd>
        </div>
        {operation.focusTags.length > 0 && (
          <div>
            <dt>{t('operation.focusTags')}</dt>
            <dd>
              {operation.focusTags.map((tag) => (
                <span key={tag} className="tag">
                  {tag}
                </span>
              ))}
            </dd>
          </div>
        )}
      </dl>
    </header>
  );
}
