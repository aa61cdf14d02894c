import type { CountryTally } from '@actionday/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';

const columns = ['platformsChecked', 'suspects', 'identifiers', 'victims', 'hits'] as const;

/**
 * Per country: who is online (of the members), platforms checked, findings
 * and hits. `online` comes from presence (names for coordinators, counts for
 * observers); countries appear as soon as they have members or anything counted.
 */
export function CountryTable({
  byCountry,
  online,
}: {
  byCountry: Record<string, CountryTally>;
  online: Record<string, number> | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows = useMemo(() => {
    const collator = new Intl.Collator(format.language);
    const codes = new Set([...Object.keys(byCountry), ...Object.keys(online ?? {})]);
    return [...codes]
      .map((code) => ({ code, name: format.country(code), tally: byCountry[code], online: online?.[code] ?? 0 }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }, [byCountry, online, format]);
  const totals = rows.reduce(
    (sum, row) => {
      sum.online += row.online;
      sum.participants += row.tally?.participants ?? 0;
      for (const column of columns) sum[column] += row.tally?.[column] ?? 0;
      return sum;
    },
    { online: 0, participants: 0, platformsChecked: 0, suspects: 0, identifiers: 0, victims: 0, hits: 0 },
  );

  if (rows.length === 0) return <p className="muted">{t('dashboard.countries.none')}</p>;
  return (
    <div className="country-table-wrap">
      <table className="country-table" data-testid="country-table">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.countries.country')}</th>
            <th scope="col" className="num">
              {t('dashboard.countries.online')}
            </th>
            {columns.map((column) => (
              <th key={column} scope="col" className="num">
                {t(`dashboard.countries.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.code} data-testid="country-row" data-country={row.code}>
              <th scope="row">{row.name}</th>
              <td className="num">
                <span className={row.online > 0 ? 'country-table__online' : 'muted'}>{format.number(row.online)}</span>
                {row.tally && <span className="muted"> / {format.number(row.tally.participants)}</span>}
              </td>
              {columns.map((column) => (
                <td key={column} className="num">
                  {format.number(row.tally?.[column] ?? 0)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('dashboard.countries.total')}</th>
            <td className="num">
              {format.number(totals.online)} <span className="muted">/ {format.number(totals.participants)}</span>
            </td>
            {columns.map((column) => (
              <td key={column} className="num">
                {format.number(totals[column])}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
