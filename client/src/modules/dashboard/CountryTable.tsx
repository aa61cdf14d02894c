import type { CountryTally } from '@actionday/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { type Column, DataTable } from '../../app/ui/DataTable';
import styles from './lists.module.css';

const columns = ['platformsChecked', 'suspects', 'identifiers', 'victims', 'matches'] as const;

interface Row {
  code: string;
  name: string;
  tally: CountryTally | undefined;
  online: number;
}

/**
 * Per country: who is online (of the members), platforms checked, findings
 * and matches. `online` comes from presence (names for coordinators, counts for
 * observers); countries appear as soon as they have members or anything counted.
 */
export function CountryTable({
  byCountry,
  online,
  suppressedBelow,
}: {
  byCountry: Record<string, CountryTally>;
  online: Record<string, number> | undefined;
  /** Where small counts of persons are suppressed for the viewer (observers): they read "<N". */
  suppressedBelow?: number | null | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows = useMemo(() => {
    const collator = new Intl.Collator(format.language);
    const codes = new Set([...Object.keys(byCountry), ...Object.keys(online ?? {})]);
    return [...codes]
      .map((code): Row => ({ code, name: format.country(code), tally: byCountry[code], online: online?.[code] ?? 0 }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }, [byCountry, online, format]);

  if (rows.length === 0) return <p className="muted">{t('dashboard.countries.none')}</p>;
  const totalOnline = rows.reduce((sum, row) => sum + row.online, 0);
  const totalParticipants = rows.reduce((sum, row) => sum + (row.tally?.participants ?? 0), 0);
  const table: Column<Row>[] = [
    { key: 'country', head: t('dashboard.countries.country'), cell: (row) => row.name, rowHeader: true },
    {
      key: 'online',
      head: t('dashboard.countries.online'),
      numeric: (row) => row.online,
      cell: (row) => (
        <>
          <span className={row.online > 0 ? styles.none : 'muted'}>{format.number(row.online)}</span>
          {row.tally && <span className="muted"> / {format.number(row.tally.participants)}</span>}
        </>
      ),
      total: (
        <>
          {format.number(totalOnline)} <span className="muted">/ {format.number(totalParticipants)}</span>
        </>
      ),
    },
    ...columns.map(
      (column): Column<Row> => ({
        key: column,
        head: t(`dashboard.countries.${column}`),
        // a suppressed count is unknown: the total then shows none
        numeric: (row) => (row.tally ? row.tally[column] : 0),
        // a small count of persons suppressed for an observer reads "<N"
        cell: (row) => {
          const value = row.tally?.[column] ?? 0;
          return value === null ? `<${format.number(suppressedBelow ?? 0)}` : format.number(value);
        },
      }),
    ),
  ];
  return (
    <DataTable
      rows={rows}
      columns={table}
      rowKey={(row) => row.code}
      total={{ label: t('dashboard.countries.total'), format: format.number, always: true }}
      rowProps={(row) => ({ 'data-testid': 'country-row', 'data-country': row.code })}
      data-testid="country-table"
    />
  );
}
