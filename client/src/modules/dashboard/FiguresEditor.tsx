import type { FigureDefinition, FigureFilter } from '@actionday/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseError } from '../../app/errors';
import { Button } from '../../app/ui/Button';
import { type Column, DataTable } from '../../app/ui/DataTable';
import { FormActions, TextAreaField } from '../../app/ui/Field';
import { Notice } from '../../app/ui/Notice';
import { QueryView } from '../../app/ui/QueryView';
import { useFigureDefinitions, useSaveFigures } from './dashboard.api';
import styles from './FiguresEditor.module.css';

const filterText = (filter: FigureFilter) =>
  Object.entries(filter)
    .map(([field, value]) => `${field} = ${Array.isArray(value) ? value.join(' | ') : String(value)}`)
    .join(', ');

/** The server's own words for each problem of a refused definition list (`/3/filter/colour: Unknown field…`). */
export function validationProblems(error: unknown): string[] {
  if (!error) return [];
  const parsed = parseError(error);
  const problems = parsed.problems.map((problem) => `${problem.path}: ${problem.message}`);
  return problems.length > 0 ? problems : [parsed.message];
}

/** The key-figure definitions: a table to read, and the whole list as JSON to edit (the server validates). */
export function FiguresEditor({ operationId, closed }: { operationId: string; closed: boolean }) {
  const figures = useFigureDefinitions(operationId);
  return (
    <QueryView query={figures}>
      {(definitions) => <Editor operationId={operationId} closed={closed} definitions={definitions} />}
    </QueryView>
  );
}

function Editor({
  operationId,
  closed,
  definitions,
}: {
  operationId: string;
  closed: boolean;
  definitions: FigureDefinition[];
}) {
  const { t } = useTranslation();
  const save = useSaveFigures(operationId);
  const [draft, setDraft] = useState<string | null>(null);
  const [parseFailure, setParseFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const submit = () => {
    if (draft === null) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(draft);
    } catch (error) {
      setParseFailure(error instanceof Error ? error.message : String(error));
      return;
    }
    setParseFailure(null);
    setSaved(false);
    save.mutate(parsed, {
      onSuccess: () => {
        setDraft(null);
        setSaved(true);
      },
    });
  };

  const columns: Column<FigureDefinition>[] = [
    { key: 'key', head: t('dashboard.definitions.key'), cell: (figure) => <code>{figure.key}</code> },
    { key: 'label', head: t('dashboard.definitions.label'), cell: (figure) => figure.label },
    { key: 'counts', head: t('dashboard.definitions.counts'), cell: (figure) => figure.counts },
    {
      key: 'filter',
      head: t('dashboard.definitions.filter'),
      cell: (figure) => <code>{filterText(figure.filter) || '—'}</code>,
    },
    {
      key: 'breakdowns',
      head: t('dashboard.definitions.breakdowns'),
      cell: (figure) =>
        figure.breakdowns.length === 0
          ? '—'
          : figure.breakdowns.map((b) => (
              <div key={b.key}>
                <code>{b.key}</code> {b.label} <span className="muted">({filterText(b.filter)})</span>
              </div>
            )),
    },
  ];

  return (
    <div className={styles.editor} data-testid="figures-editor">
      <DataTable rows={definitions} columns={columns} rowKey={(figure) => figure.key} compact />
      {closed ? (
        <Notice tone="info">{t('dashboard.definitions.frozen')}</Notice>
      ) : draft === null ? (
        <Button
          className={styles.open}
          onClick={() => {
            setSaved(false);
            save.reset();
            setDraft(JSON.stringify(definitions, null, 2));
          }}
        >
          {t('dashboard.definitions.editJson')}
        </Button>
      ) : (
        <div className={styles.json}>
          <TextAreaField
            label={t('dashboard.definitions.json')}
            hint={t('dashboard.definitions.jsonHint')}
            code
            rows={18}
            spellCheck={false}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            data-testid="figures-json"
          />
          <FormActions>
            <Button
              variant="primary"
              pending={save.isPending}
              pendingLabel={t('dashboard.settings.saving')}
              onClick={submit}
            >
              {t('dashboard.definitions.save')}
            </Button>
            <Button variant="ghost" onClick={() => setDraft(null)}>
              {t('phase.cancel')}
            </Button>
          </FormActions>
        </div>
      )}
      {parseFailure && <Notice tone="error">{t('dashboard.definitions.notJson', { message: parseFailure })}</Notice>}
      {save.isError && (
        <Notice tone="error" data-testid="figures-error">
          <p>{t('dashboard.definitions.refused')}</p>
          <ul className={styles.problems}>
            {validationProblems(save.error).map((problem) => (
              <li key={problem}>
                <code>{problem}</code>
              </li>
            ))}
          </ul>
        </Notice>
      )}
      {saved && <Notice tone="success">{t('dashboard.definitions.saved')}</Notice>}
    </div>
  );
}
