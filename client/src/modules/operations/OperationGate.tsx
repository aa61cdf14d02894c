import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { parseError } from '../../app/errors';
import { ButtonLink } from '../../app/ui/Button';
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
        {/* the operation requires a second factor for this role: the way to turn it on */}
        {parseError(operation.error).code === 'operations.totp_required' && (
          <ButtonLink to="/account" variant="primary">
            {t('operation.totpSetUp')}
          </ButtonLink>
        )}
      </Page>
    );
  }
  return <>{children(operation.data)}</>;
}
