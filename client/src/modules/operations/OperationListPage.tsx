import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { Link } from 'react-router';
import { useMe } from '../../app/session';
import { ErrorNotice } from '../../app/ui/Notice';
import { Loading } from '../../app/ui/Loading';
import { Tag } from '../../app/ui/Badge';
import { EmptyState } from '../../app/ui/EmptyState';
import { Page, Split } from '../../app/ui/Page';
import { CreateOperationForm } from './CreateOperationForm';
import { OperationStatusBadge } from './OperationStatusBadge';
import { TimeWindow } from './TimeWindow';
import { useOperations } from './operations.api';
import styles from './operations.module.css';

/** The operations the person takes part in; administrators can start a new one. */
export function OperationListPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const operations = useOperations();
  const isAdmin = me.data?.user.isAdmin ?? false;

  return (
    <Page title={t('operations.title')}>
      <Split side={isAdmin && <CreateOperationForm />}>
        <section aria-labelledby="operations-title">
          <h1 id="operations-title">{t('operations.title')}</h1>
          {operations.isPending && <Loading />}
          <ErrorNotice error={operations.error} onRetry={() => void operations.refetch()} />
          {operations.data?.length === 0 && <EmptyState>{t('operations.empty')}</EmptyState>}
          {operations.data && operations.data.length > 0 && (
            <ul className={styles.list} aria-label={t('operations.listLabel')}>
              {operations.data.map((operation) => (
                <li key={operation.id} className={styles.card}>
                  <div className={styles.cardTitle}>
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
                    <p className={styles.tags}>
                      <span className="visually-hidden">{t('operation.focusTags')}: </span>
                      {operation.focusTags.map((tag) => (
                        <Tag key={tag}>{format.focus(tag)}</Tag>
                      ))}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      </Split>
    </Page>
  );
}
