import type { FigureDefinition, FigureFilter } from '@actionday/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { ErrorNotice, Notice } from '../../app/ui/Notice';
import { Loading } from '../../app/ui/Loading';
import { useFigureDefinitions, useSaveFigures } from './dashboard.api';

const filterText = (filter: FigureFilter) =>
  Object.entries(filter)
    .map(([field, value]) => `${field} = ${Array.isArray(value) ? value.join(' | ') : String(value)}`)
    .join(', ');

/** The server's own words for each problem of a refused definition list (`/3/filter/colour: Unknown field…`). */
export function validationProblems(error: unknown): string[] {
  if (!isApiError(error)) return [];
  const details = (error.details ?? {}) as { fields?: unknown; issues?: unknown };
  const problems: string[] = [];
  for (const entry of Array.isArray(details.fields) ? details.fields : []) {
    if (typeof entry === 'object' && entry !== null) {
      const { path, message } = entry as { path?: unknown; message?: unknown };
      problems.push(`${typeof path === 'string' ? path : ''}: ${typeof message === 'string' ? message : ''}`);
    }
  }
  for (const issue of Array.isArray(details.issues) ? details.issues : []) {
    if (typeof issue === 'object' && issue !== null) {
      const { path, message } = issue as { path?: unknown; message?: unknown };
      problems.push(
        `${Array.isArray(path) ? `/${path.join('/')}` : ''}: ${typeof message === 'string' ? message : ''}`,
      );
    }
  }
  return problems.length > 0 ? problems : [error.message];
}

/** The key-figure definitions: a table to read, and the whole list as JSON to edit (the server validates). */
export function FiguresEditor({ operationId, closed }: { operationId: string; closed: boolean }) {
  const { t } = useTranslation();
  const figures = useFigureDefinitions(operationId);
  const save = useSaveFigures(operationId);
  const [draft, setDraft] = useState<string | null>(null);
  const [parseError, setParseError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const textId = useId();

  if (figures.isPending) return <Loading />;
  if (figures.isError) return <ErrorNotice error={figures.error} onRetry={() => void figures.refetch()} />;
  const definitions = figures.data;

  const submit = () => {
    if (draft === null) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(draft);
    } catch (error) {
      setParseError(error instanceof Error ? error.message : String(error));
      return;
    }
    setParseError(null);
    setSaved(false);
    save.mutate(parsed, {
      onSuccess: () => {
        setDraft(null);
        setSaved(true);
      },
    });
  };

  return (
    <div className="figures-editor" data-testid="figures-editor">
      <div className="table-scroll">
        <table className="definitions">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.definitions.key')}</th>
              <th scope="col">{t('dashboard.definitions.label')}</th>
              <th scope="col">{t('dashboard.definitions.counts')}</th>
              <th scope="col">{t('dashboard.definitions.filter')}</th>
              <th scope="col">{t('dashboard.definitions.breakdowns')}</th>
            </tr>
          </thead>
          <tbody>
            {definitions.map((figure: FigureDefinition) => (
              <tr key={figure.key}>
                <td>
                  <code>{figure.key}</code>
                </td>
                <td>{figure.label}</td>
                <td>{figure.counts}</td>
                <td>
                  <code>{filterText(figure.filter) || '—'}</code>
                </td>
                <td>
                  {figure.breakdowns.length === 0
                    ? '—'
                    : figure.breakdowns.map((b) => (
                        <div key={b.key}>
                          <code>{b.key}</code> {b.label} <span className="muted">({filterText(b.filter)})</span>
                        </div>
                      ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {closed ? (
        <Notice tone="info">{t('dashboard.definitions.frozen')}</Notice>
      ) : draft === null ? (
        <button
          type="button"
          className="button"
          onClick={() => {
            setSaved(false);
            save.reset();
            setDraft(JSON.stringify(definitions, null, 2));
          }}
        >
          {t('dashboard.definitions.editJson')}
        </button>
      ) : (
        <div className="figures-editor__json">
          <label htmlFor={textId} className="field__label">
            {t('dashboard.definitions.json')}
          </label>
          <p className="field__hint">{t('dashboard.definitions.jsonHint')}</p>
          <textarea
            id={textId}
            className="input figures-editor__text"
            rows={18}
            spellCheck={false}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            data-testid="figures-json"
          />
          <div className="figures-editor__actions">
            <button type="button" className="button button--primary" disabled={save.isPending} onClick={submit}>
              {save.isPending ? t('dashboard.settings.saving') : t('dashboard.definitions.save')}
            </button>
            <button type="button" className="button button--ghost" onClick={() => setDraft(null)}>
              {t('phase.cancel')}
            </button>
          </div>
        </div>
      )}
      {parseError && <Notice tone="error">{t('dashboard.definitions.notJson', { message: parseError })}</Notice>}
      {save.isError && (
        <div className="notice notice--error" role="alert" data-testid="figures-error">
          <p>{t('dashboard.definitions.refused')}</p>
          <ul>
            {validationProblems(save.error).map((problem) => (
              <li key={problem}>
                <code>{problem}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {saved && <Notice tone="success">{t('dashboard.definitions.saved')}</Notice>}
    </div>
  );
}
