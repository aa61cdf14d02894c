import { type ImportProblem, type ImportResult, platformCategories } from '@actionday/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../app/ui/Button';
import { Checkbox } from '../../app/ui/Checkbox';
import { Hint } from '../../app/ui/Field';
import { cx } from '../../app/ui/cx';
import type { OperationDetail } from '../operations/operations.api';
import styles from './ImportPanel.module.css';
import type { ImportFormat } from './importUpload';

/** Rows shown in the preview at most (the counts always cover the whole file). */
const PREVIEW_LIMIT = 500;

type Row = ImportResult['rows'][number];

/**
 * What the server found in a checked import, before anything is written: the
 * counts, each row with its problems (only the problem rows at first), and
 * the button that writes the valid rows.
 */
export function ImportPreview({
  operation,
  result,
  format,
  onlyProblems,
  onOnlyProblems,
  busy,
  onCommit,
}: {
  operation: OperationDetail;
  result: ImportResult;
  format: ImportFormat;
  onlyProblems: boolean;
  onOnlyProblems: (only: boolean) => void;
  busy: boolean;
  onCommit: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const rows = onlyProblems ? result.rows.filter((r) => r.problems.length > 0) : result.rows;

  const problemText = (problem: ImportProblem, row: Row) => {
    switch (problem.code) {
      case 'unknown_tag':
        return t('import.problem.unknown_tag', { tags: operation.focusTags.join(', ') || '—' });
      case 'unknown_category':
        return t('import.problem.unknown_category', {
          category: row.category,
          categories: platformCategories.join(', '),
        });
      case 'invalid':
        return t('import.problem.invalid', { field: problem.field });
      default:
        return t(`import.problem.${problem.code}`);
    }
  };

  return (
    <section className={styles.preview} aria-labelledby={`${id}-preview`} data-testid="import-preview">
      <h4 id={`${id}-preview`} className={styles.subtitle}>
        {t('import.preview')}
      </h4>
      <ul className={styles.counts}>
        <li>{t('import.total', { count: result.total })}</li>
        <li className={styles.valid} data-testid="import-valid">
          <span aria-hidden="true">✓ </span>
          {t('import.valid', { count: result.valid })}
        </li>
        <li className={result.invalid > 0 ? styles.invalid : undefined} data-testid="import-invalid">
          <span aria-hidden="true">{result.invalid > 0 ? '✗ ' : ''}</span>
          {t('import.invalid', { count: result.invalid })}
        </li>
      </ul>
      {result.total > 0 && (
        <Checkbox
          label={t('import.onlyProblems')}
          checked={onlyProblems}
          onChange={(event) => onOnlyProblems(event.target.checked)}
        />
      )}
      {rows.length > 0 && (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{format === 'json' ? t('import.item') : t('import.line')}</th>
                <th scope="col">{t('column.name')}</th>
                <th scope="col">{t('import.address')}</th>
                <th scope="col">{t('column.category')}</th>
                <th scope="col">{t('import.result')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, PREVIEW_LIMIT).map((row) => (
                <tr
                  key={row.line}
                  className={cx(row.problems.length > 0 && styles.rowInvalid)}
                  data-testid="import-row"
                  data-line={row.line}
                >
                  <td className={styles.line}>{format === 'json' ? row.line - 1 : row.line}</td>
                  <td>{row.name || <span className="muted">—</span>}</td>
                  <td className={styles.url} translate="no">
                    {row.url || <span className="muted">—</span>}
                  </td>
                  <td>
                    {(platformCategories as readonly string[]).includes(row.category)
                      ? t(`category.${row.category as (typeof platformCategories)[number]}`)
                      : row.category}
                  </td>
                  <td>
                    {row.problems.length === 0 ? (
                      <span className={styles.ok}>
                        <span aria-hidden="true">✓ </span>
                        {t('import.ok')}
                      </span>
                    ) : (
                      <ul className={styles.problems}>
                        {row.problems.map((problem) => (
                          <li key={`${problem.field}:${problem.code}`} data-code={problem.code} title={problem.message}>
                            <span aria-hidden="true">✗ </span>
                            {problemText(problem, row)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length > PREVIEW_LIMIT && (
            <p className="muted">{t('import.more', { count: rows.length - PREVIEW_LIMIT })}</p>
          )}
        </div>
      )}
      <div className={styles.commit}>
        <Button
          variant="primary"
          disabled={result.valid === 0}
          pending={busy}
          data-testid="import-commit"
          onClick={onCommit}
        >
          {t('import.commit', { count: result.valid })}
        </Button>
        {result.invalid > 0 && <Hint>{t('import.commitHint', { count: result.invalid })}</Hint>}
      </div>
    </section>
  );
}
