import type { ImportResult } from '@actionday/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { useFormat } from '../../app/format';
import { Button, buttonClass } from '../../app/ui/Button';
import { TextAreaField, TextField, formClass } from '../../app/ui/Field';
import { ErrorNotice, Notice } from '../../app/ui/Notice';
import { PillRadio, Pills } from '../../app/ui/Pills';
import styles from './ImportPanel.module.css';
import { ImportPreview } from './ImportPreview';
import type { OperationDetail } from '../operations/operations.api';
import {
  type ImportFormat,
  MAX_IMPORT_BYTES,
  detectFormat,
  importColumns,
  templateHref,
  uploadImport,
} from './importUpload';
import { platformsKey } from './platforms.api';

type Source = { kind: 'file'; file: File } | { kind: 'paste'; text: string };
type Phase =
  | { step: 'idle' }
  | { step: 'sending'; sent: number | null; dryRun: boolean }
  | { step: 'checking'; dryRun: boolean };

/**
 * A coordinator loads the target list before the day: a CSV or JSON file
 * (or pasted text) is first checked by the server without writing anything
 * (each row's problems shown), then the valid rows are written in one go.
 */
export function ImportPanel({ operation }: { operation: OperationDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<'file' | 'paste'>('file');
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [error, setError] = useState<unknown>(null);
  const [preview, setPreview] = useState<{ result: ImportResult; format: ImportFormat } | null>(null);
  const [imported, setImported] = useState<ImportResult | null>(null);
  const [onlyProblems, setOnlyProblems] = useState(true);
  const fileInput = useRef<HTMLInputElement>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const busy = phase.step !== 'idle';
  const source: Source | null =
    mode === 'file' ? (file ? { kind: 'file', file } : null) : text.trim() ? { kind: 'paste', text } : null;

  const resetResults = () => {
    setPreview(null);
    setImported(null);
    setError(null);
    setLocalError(null);
  };

  /** Checks the source locally (size, JSON syntax) and answers what to send. */
  async function prepare(current: Source): Promise<{ body: Blob | string; format: ImportFormat } | null> {
    const size = current.kind === 'file' ? current.file.size : new Blob([current.text]).size;
    if (size > MAX_IMPORT_BYTES) {
      setLocalError(
        t('import.tooLarge', {
          size: format.number(Math.ceil(size / 1024 / 1024)),
          limit: format.number(MAX_IMPORT_BYTES / 1024 / 1024),
        }),
      );
      return null;
    }
    const content = current.kind === 'file' ? await current.file.text() : current.text;
    const kind =
      current.kind === 'file'
        ? detectFormat({ name: current.file.name, type: current.file.type, text: content })
        : detectFormat({ text: content });
    if (kind === 'json') {
      try {
        JSON.parse(content);
      } catch {
        setLocalError(t('import.notJson'));
        return null;
      }
    }
    return { body: current.kind === 'file' ? current.file : content, format: kind };
  }

  async function run(dryRun: boolean) {
    if (!source || busy) return;
    setError(null);
    setLocalError(null);
    if (dryRun) setImported(null);
    const prepared = await prepare(source);
    if (!prepared) return;
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ step: 'sending', sent: null, dryRun });
    try {
      const result = await uploadImport({
        operationId: operation.id,
        ...prepared,
        dryRun,
        signal: controller.signal,
        onProgress: (sent) => setPhase((current) => (current.step === 'sending' ? { ...current, sent } : current)),
        onUploaded: () => setPhase({ step: 'checking', dryRun }),
      });
      if (dryRun) {
        setPreview({ result, format: prepared.format });
        setOnlyProblems(result.invalid > 0);
      } else {
        setPreview(null);
        setImported(result);
        setFile(null);
        setText('');
        if (fileInput.current) fileInput.current.value = '';
        // the new platforms also arrive live; this covers a missed event
        void queryClient.invalidateQueries({ queryKey: platformsKey(operation.id) });
      }
    } catch (caught) {
      if (!(caught instanceof DOMException && caught.name === 'AbortError')) setError(caught);
    } finally {
      abort.current = null;
      setPhase({ step: 'idle' });
    }
  }

  return (
    <div className={styles.import} data-testid="import-panel" aria-busy={busy}>
      <p className="muted">{t('import.intro')}</p>
      <p className={styles.template}>
        <a
          className={buttonClass({ variant: 'ghost', size: 'sm' })}
          href={templateHref}
          download="actionday-platforms-template.csv"
          data-testid="import-template"
        >
          {t('import.template')}
        </a>
        <span className="muted">{t('import.columns', { columns: importColumns.join(', ') })}</span>
      </p>

      <form
        className={formClass(true)}
        onSubmit={(event) => {
          event.preventDefault();
          void run(true);
        }}
      >
        <Pills role="radiogroup" label={t('import.source')} className={styles.source}>
          {(['file', 'paste'] as const).map((value) => (
            <PillRadio
              key={value}
              label={t(`import.mode.${value}`)}
              name={`${id}-mode`}
              value={value}
              checked={mode === value}
              disabled={busy}
              onChange={() => {
                setMode(value);
                resetResults();
              }}
            />
          ))}
        </Pills>

        {mode === 'file' ? (
          <TextField
            label={t('import.file')}
            hint={t('import.fileHint', { limit: format.number(MAX_IMPORT_BYTES / 1024 / 1024) })}
            ref={fileInput}
            type="file"
            accept=".csv,.json,.txt,text/csv,application/json,text/plain"
            disabled={busy}
            data-testid="import-file"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              resetResults();
            }}
          />
        ) : (
          <TextAreaField
            label={t('import.paste')}
            hint={t('import.pasteHint')}
            code
            rows={6}
            spellCheck={false}
            value={text}
            disabled={busy}
            placeholder={`${importColumns.join(',')}\nExample forum,https://forum.example.org,forum,ukraine,uk;ru,UA,5`}
            data-testid="import-paste"
            onChange={(event) => {
              setText(event.target.value);
              resetResults();
            }}
          />
        )}

        {localError && <Notice tone="error">{localError}</Notice>}
        <ErrorNotice error={error} />

        {busy ? (
          <div className={styles.progress} role="status" data-testid="import-progress">
            {phase.step === 'sending' ? (
              <>
                <progress max={1} value={phase.sent ?? undefined} aria-label={t('import.sending')} />
                <span>
                  {phase.sent === null
                    ? t('import.sending')
                    : t('import.sendingPercent', { percent: Math.round(phase.sent * 100) })}
                </span>
              </>
            ) : (
              <>
                <progress aria-label={t('import.checking')} />
                <span>{phase.dryRun ? t('import.checking') : t('import.writing')}</span>
              </>
            )}
            <Button variant="ghost" size="sm" onClick={() => abort.current?.abort()}>
              {t('import.cancel')}
            </Button>
          </div>
        ) : (
          <Button type="submit" variant="primary" disabled={!source} data-testid="import-check">
            {t('import.check')}
          </Button>
        )}
      </form>

      {imported && (
        <Notice tone="success">
          <span data-testid="import-done">{t('import.done', { count: imported.created })}</span>
          {imported.invalid > 0 && <span> {t('import.doneSkipped', { count: imported.invalid })}</span>}
        </Notice>
      )}

      {preview && (
        <ImportPreview
          operation={operation}
          result={preview.result}
          format={preview.format}
          onlyProblems={onlyProblems}
          onOnlyProblems={setOnlyProblems}
          busy={busy}
          onCommit={() => void run(false)}
        />
      )}
    </div>
  );
}
