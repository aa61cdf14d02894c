import type { ReactNode } from 'react';
import styles from './DataTable.module.css';
import { cx } from './cx';

/** One column: its heading, how a row shows in it, and whether it holds numbers (right-aligned, summed). */
export interface Column<T> {
  key: string;
  head: ReactNode;
  cell: (row: T) => ReactNode;
  /** The row's number here, for alignment and the total row; null counts as unknown (the total shows "–"). */
  numeric?: (row: T) => number | null;
  /** The first column names the row (a row header for screen readers). */
  rowHeader?: boolean;
  /** What the total row shows here instead of the sum. */
  total?: ReactNode;
}

export interface DataTableProps<T> {
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  /** A total row: its label, how to show a sum, and whether it shows for a single row too. */
  total?: { label: ReactNode; format: (sum: number) => ReactNode; always?: boolean };
  /** The table's accessible name when no caption is visible. */
  label?: string;
  compact?: boolean;
  rowProps?: (row: T) => Record<`data-${string}`, string>;
  'data-testid'?: string;
}

/** A table of records: headings, rows, numbers aligned and summed, scrolling sideways on a narrow screen. */
export function DataTable<T>({
  rows,
  columns,
  rowKey,
  total,
  label,
  compact,
  rowProps,
  'data-testid': testId,
}: DataTableProps<T>) {
  const sums = columns.map((column) => {
    if (column.total !== undefined) return column.total;
    if (!column.numeric) return null;
    const values = rows.map((row) => column.numeric?.(row) ?? null);
    return values.some((value) => value === null)
      ? '–'
      : (total?.format(values.reduce<number>((a, v) => a + (v ?? 0), 0)) ?? null);
  });
  const cellClass = (column: Column<T>) => (column.numeric ? styles.num : undefined);
  return (
    <div className={styles.wrap}>
      <table className={cx(styles.table, compact && styles.compact)} aria-label={label} data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={cellClass(column)}>
                {column.head}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} {...rowProps?.(row)}>
              {columns.map((column) =>
                column.rowHeader ? (
                  <th key={column.key} scope="row" className={cellClass(column)}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.key} className={cellClass(column)}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {total && (rows.length > 1 || (total.always && rows.length > 0)) && (
          <tfoot>
            <tr>
              {columns.map((column, index) =>
                index === 0 ? (
                  <th key={column.key} scope="row">
                    {total.label}
                  </th>
                ) : (
                  <td key={column.key} className={cellClass(column)}>
                    {sums[index]}
                  </td>
                ),
              )}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
