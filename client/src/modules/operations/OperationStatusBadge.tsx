import type { Operation } from '@actionday/shared';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../app/ui/Badge';

const tones: Record<Operation['status'], BadgeTone> = {
  planned: 'info',
  briefing: 'info',
  live: 'live',
  debrief: 'neutral',
  closed: 'neutral',
};

/** The phase of an operation day, as a word on a coloured badge (red while live). */
export function OperationStatusBadge({ status }: { status: Operation['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge tone={tones[status]} data-testid="operation-status">
      {t(`operationStatus.${status}`)}
    </Badge>
  );
}
