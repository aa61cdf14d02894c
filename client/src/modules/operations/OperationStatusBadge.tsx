import type { Operation } from '@actionday/shared';
import { useTranslation } from 'react-i18next';

/** The phase of an operation day, as a word on a coloured badge. */
export function OperationStatusBadge({ status }: { status: Operation['status'] }) {
  const { t } = useTranslation();
  return <span className={`badge badge--op-${status}`}>{t(`operationStatus.${status}`)}</span>;
}
