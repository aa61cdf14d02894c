import type { PlatformSummary as Summary } from '@actionday/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useFormat } from '../../app/format';
import { useSocketEvents } from '../../app/socket/useSocketEvents';
import { type Column, DataTable } from '../../app/ui/DataTable';
import { QueryView } from '../../app/ui/QueryView';

type Row = Summary['categories'][number];

export const platformSummaryKey = (operationId: string) => ['platform-summary', operationId] as const;

/**
 * The board as counts by category and verdict, without a platform named: what observers see of it (names and
 * URLs are targets of ongoing investigations). Read again when the figures move, since every change of the
 * board moves them.
 */
export function PlatformSummary({ operationId }: { operationId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const summary = useQuery({
    queryKey: platformSummaryKey(operationId),
    queryFn: ({ signal }) => api<Summary>(`/api/operations/${operationId}/platforms/summary`, { signal }),
  });
  useSocketEvents({
    'tally:updated': (tally) => {
      if (tally.operationId === operationId)
        void queryClient.invalidateQueries({ queryKey: platformSummaryKey(operationId) });
    },
  });
  const num = (key: keyof Row & string, head: string): Column<Row> => ({
    key,
    head,
    numeric: (row) => Number(row[key]),
    cell: (row) => format.number(Number(row[key])),
  });
  return (
    <QueryView query={summary}>
      {(data) => (
        <DataTable<Row>
          compact
          rows={data.categories.filter((row) => row.platforms > 0)}
          rowKey={(row) => row.category}
          total={{ label: t('reports.total'), format: format.number }}
          data-testid="platform-summary"
          columns={[
            { key: 'category', head: t('reports.col.category'), cell: (row) => t(`category.${row.category}`) },
            num('platforms', t('reports.col.platforms')),
            num('unchecked', t('reports.col.unchecked')),
            num('claimed', t('reports.col.claimed')),
            num('noIndicators', t('reports.col.noIndicators')),
            num('suspected', t('reports.col.suspected')),
            num('confirmed', t('reports.col.confirmed')),
            num('followUp', t('reports.col.followUp')),
          ]}
        />
      )}
    </QueryView>
  );
}
