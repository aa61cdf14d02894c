import {
  EVIDENCE_MAX_BYTES,
  type Evidence,
  type Handling,
  type Platform,
  can,
  evidenceMimeTypes,
  handlingCodes,
} from '@actionday/shared';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { TextField } from '../../app/ui/Field';
import { Loading } from '../../app/ui/Loading';
import { ErrorNotice, Notice } from '../../app/ui/Notice';
import { HandlingBadge, HandlingSelect } from '../findings/fields';
import type { OperationDetail } from '../operations/operations.api';
import { useEvidence, useUploadEvidence } from './evidence.api';
import { fileSize, localInputValue } from './evidence.format';
import './evidence.css';

/** Captures of a platform: upload with progress, and the list with sizes, types and SHA-256 fingerprints. */
export function EvidencePanel({ operation, platform }: { operation: OperationDetail; platform: Platform }) {
  if (!can(operation.me.role, 'evidence.read')) return null;
  return <AllowedEvidencePanel operation={operation} platform={platform} />;
}

function AllowedEvidencePanel({ operation, platform }: { operation: OperationDetail; platform: Platform }) {
  const { t } = useTranslation();
  const id = useId();
  const evidence = useEvidence(operation.id, platform.id);
  const names = useMemo(() => new Map(operation.participants.map((p) => [p.id, p.name])), [operation.participants]);
  return (
    <section className="evidence" aria-labelledby={`${id}-title`} data-testid="evidence-panel">
      <h3 id={`${id}-title`} className="evidence__title">
        {t('evidence.title')}
      </h3>
      {can(operation.me.role, 'evidence.create') && <UploadForm operation={operation} platform={platform} />}
      {evidence.isPending && <Loading label={t('evidence.loading')} />}
      <ErrorNotice error={evidence.error} onRetry={() => void evidence.refetch()} />
      {evidence.data &&
        (evidence.data.length === 0 ? (
          <p className="empty">{t('evidence.empty')}</p>
        ) : (
          <ul className="evidence-list" aria-label={t('evidence.listLabel', { name: platform.name })}>
            {evidence.data.map((item) => (
              <EvidenceItem key={item.id} item={item} capturedBy={names.get(item.capturedBy)} />
            ))}
          </ul>
        ))}
    </section>
  );
}

function UploadForm({ operation, platform }: { operation: OperationDetail; platform: Platform }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const upload = useUploadEvidence(operation.id);
  const [fileError, setFileError] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [saved, setSaved] = useState<Evidence | null>(null);
  // only read when the form mounts: each fresh (re-keyed) form starts at "now"
  const now = localInputValue(new Date());

  return (
    <form
      key={formKey}
      className="form evidence__form"
      data-testid="evidence-upload"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const file = data.get('file');
        if (!(file instanceof File) || file.size === 0) {
          setFileError(t('evidence.chooseFile'));
          return;
        }
        if (file.size > EVIDENCE_MAX_BYTES) {
          setFileError(t('evidence.tooLarge', { max: fileSize(EVIDENCE_MAX_BYTES, format.language) }));
          return;
        }
        setFileError(null);
        setSaved(null);
        const text = (name: string) => String(data.get(name) ?? '').trim();
        const captured = text('capturedAt');
        const capturedAt = captured ? new Date(captured) : null;
        upload.mutate(
          {
            platformId: platform.id,
            file,
            url: text('url') || undefined,
            capturedAt: capturedAt && !Number.isNaN(capturedAt.getTime()) ? capturedAt.toISOString() : undefined,
            handling: handlingCodes.find((c) => c === text('handling')),
          },
          {
            onSuccess: (evidence) => {
              setSaved(evidence);
              setFormKey((k) => k + 1);
            },
          },
        );
      }}
    >
      <div className="form-row">
        <div className={`field${fileError ? ' field--invalid' : ''}`}>
          <label htmlFor={`${id}-file`} className="field__label">
            {t('evidence.file')}
          </label>
          <input
            id={`${id}-file`}
            className="input input--file"
            type="file"
            name="file"
            required
            accept={evidenceMimeTypes.join(',')}
            aria-describedby={`${id}-file-hint${fileError ? ` ${id}-file-error` : ''}`}
            aria-invalid={fileError ? true : undefined}
            onChange={() => setFileError(null)}
          />
          <p id={`${id}-file-hint`} className="field__hint">
            {t('evidence.fileHint', { max: fileSize(EVIDENCE_MAX_BYTES, format.language) })}
          </p>
          {fileError && (
            <p id={`${id}-file-error`} className="field__error">
              {fileError}
            </p>
          )}
        </div>
        <TextField
          label={t('evidence.url')}
          name="url"
          type="url"
          inputMode="url"
          maxLength={2000}
          autoComplete="off"
          spellCheck={false}
          placeholder={platform.url}
        />
      </div>
      <div className="form-row">
        <TextField
          label={t('evidence.capturedAt')}
          hint={t('evidence.capturedAtHint')}
          name="capturedAt"
          type="datetime-local"
          defaultValue={now}
        />
        <HandlingSelect defaultValue={operation.defaultHandling as Handling} />
      </div>
      {upload.progress !== null && (
        <div className="upload-progress" data-testid="upload-progress">
          <label htmlFor={`${id}-progress`}>
            {t('evidence.uploading', { percent: Math.round(upload.progress * 100) })}
          </label>
          <progress id={`${id}-progress`} max={1} value={upload.progress} />
        </div>
      )}
      <ErrorNotice error={upload.error} />
      {saved && (
        <Notice tone="success">
          {t('evidence.saved', { name: saved.fileName })}{' '}
          <span className="mono">SHA-256 {saved.sha256.slice(0, 12)}…</span>
        </Notice>
      )}
      <button type="submit" className="button button--primary" disabled={upload.isPending} aria-busy={upload.isPending}>
        {upload.isPending ? t('evidence.submitting') : t('evidence.submit')}
      </button>
    </form>
  );
}

function EvidenceItem({ item, capturedBy }: { item: Evidence; capturedBy: string | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(item.sha256);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <li className="evidence-item" data-testid="evidence-item" data-evidence-id={item.id}>
      <div className="evidence-item__main">
        <a href={`/api/evidence/${item.id}/file`} className="evidence-item__name" download={item.fileName}>
          {item.fileName}
        </a>
        <span className="muted">
          {item.mimeType} · {fileSize(item.size, format.language)}
        </span>
      </div>
      {item.url && (
        <p className="evidence-item__url mono" translate="no">
          {item.url}
        </p>
      )}
      <p className="evidence-item__meta muted">
        {t('evidence.capturedBy', {
          name: capturedBy ?? t('findings.item.someone'),
          country: format.country(item.country),
        })}
        {' · '}
        <time dateTime={item.capturedAt}>{format.dateTime(item.capturedAt)}</time>
      </p>
      <div className="evidence-item__footer">
        <HandlingBadge code={item.handling} />
        <span className="hash">
          <abbr title={t('evidence.sha256Full')}>SHA-256</abbr>{' '}
          <code className="hash__value" title={item.sha256} data-testid="evidence-hash">
            {item.sha256.slice(0, 12)}…
          </code>
          <button
            type="button"
            className="button button--tight button--ghost"
            onClick={() => void copy()}
            aria-label={t('evidence.copyHash')}
          >
            {copied === 'copied' ? t('common.copied') : t('common.copy')}
          </button>
          {copied === 'failed' && (
            <input
              className="input input--compact hash__fallback"
              readOnly
              value={item.sha256}
              aria-label="SHA-256"
              onFocus={(event) => event.target.select()}
            />
          )}
        </span>
      </div>
    </li>
  );
}
