import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Loading } from '../../app/ui/Loading';
import { ErrorNotice } from '../../app/ui/Notice';
import { Page } from '../../app/ui/Page';
import { type OperationDetail, useOperation } from './operations.api';

/**
 * Loads the operation named by the route (`:operationId`) for a page: shows
 * the loading state, or the error with a retry, until it is there.
 */
export function OperationGate({
  errorTitle,
  children,
}: {
  errorTitle?: string;
  children: (operation: OperationDetail) => ReactNode;
}) {
  const { t } = useTranslation();
  const { operationId = '' } = useParams();
  const operation = useOperation(operationId);
  if (operation.isPending) return <Loading />;
  if (operation.isError) {
    return (
      <Page title={errorTitle ?? t('error.title')}>
        <ErrorNotice error={operation.error} onRetry={() => void operation.refetch()} />
      </Page>
    );
  }
  return <>{children(operation.data)}</>;
}
