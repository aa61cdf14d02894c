import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../app/session';
import { ErrorNotice } from '../../app/ui/Notice';
import { Loading } from '../../app/ui/Loading';
import { Page } from '../../app/ui/Page';
import { CreateOperationForm } from './CreateOperationForm';
import { OperationStatusBadge } from './OperationStatusBadge';
import { TimeWindow } from './TimeWindow';
import { useOperations } from './operations.api';

/** The operations the person takes part in; administrators can start a new one. */
export function OperationListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const operations = useOperations();
  const isAdmin = me.data?.user.isAdmin ?? false;

  return (
    <Page title={t('operations.title')}>
      <div className={isAdmin ? 'split' : undefined}>
        <section aria-labelledby="operations-title">
          <h1 id="operations-title">{t('operations.title')}</h1>
          {operations.isPending && <Loading />}
          <ErrorNotice error={operations.error} onRetry={() => void operations.refetch()} />
          {operations.data?.length === 0 && <p className="empty">{t('operations.empty')}</p>}
          {operations.data && operations.data.length > 0 && (
            <ul className="operation-list" aria-label={t('operations.listLabel')}>
              {operations.data.map((operation) => (
                <li key={operation.id} className="operation-card">
                  <div className="operation-card__title">
                    <Link to={`/operations/${operation.id}`}>{operation.name}</Link>
                    <OperationStatusBadge status={operation.status} />
                  </div>
                  <TimeWindow
                    startsAt={operation.startsAt}
                    endsAt={operation.endsAt}
                    timeZone={operation.timeZone}
                    compact
                  />
                  {operation.focusTags.length > 0 && (
                    <p className="tags">
                      <span className="visually-hidden">{t('operation.focusTags')}: </span>
                      {operation.focusTags.map((tag) => (
                        <span key={tag} className="tag">
                          {tag}
                        </span>
                      ))}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
        {isAdmin && <CreateOperationForm />}
      </div>
    </Page>
  );
}
