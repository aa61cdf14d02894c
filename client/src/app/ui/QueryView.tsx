import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyState } from './EmptyState';
import { Loading } from './Loading';
import { ErrorNotice } from './Notice';

export interface QueryViewProps<T> {
  query: Pick<UseQueryResult<T>, 'data' | 'error' | 'isPending' | 'isError' | 'refetch'>;
  /** The loading line's words ("Loading findings…"). */
  loading?: string;
  /** When the answer counts as empty, and what to say then. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  /** No retry button (a panel beside others that has its own way back). */
  noRetry?: boolean;
  children: (data: T) => ReactNode;
}

/**
 * The four states of a react-query answer, always the same way: loading
 * (announced), an error with a retry, empty with a sentence, or the data.
 */
export function QueryView<T>({ query, loading, isEmpty, empty, noRetry, children }: QueryViewProps<T>) {
  if (query.isPending) return <Loading label={loading} />;
  if (query.isError || query.data === undefined) {
    return <ErrorNotice error={query.error} onRetry={noRetry ? undefined : () => void query.refetch()} />;
  }
  if (isEmpty?.(query.data)) return <EmptyState>{empty}</EmptyState>;
  return <>{children(query.data)}</>;
}
