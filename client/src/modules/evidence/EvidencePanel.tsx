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
import { Button } from '../../app/ui/Button';
import { Field, FormRow, TextField, TextInput, formClass } from '../../app/ui/Field';
import { QueryView } from '../../app/ui/QueryView';
import { ErrorNotice, Notice } from '../../app/ui/Notice';
import { HandlingBadge, HandlingSelect } from '../../app/ui/Handling';
import type { OperationDetail } from '../operations/operations.api';
import { useEvidence, useUploadEvidence } from './evidence.api';
import { fileSize, localInputValue } from './evidence.format';
import styles from './EvidencePanel.module.css';

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
    <section className={styles.evidence} aria-labelledby={`${id}-title`} data-testid="evidence-panel">
      <h3 id={`${id}-title`} className={styles.title}>
        {t('evidence.title')}
      </h3>
      {can(operation.me.role, 'evidence.create') && <UploadForm operation={operation} platform={platform} />}
      <QueryView
        query={evidence}
        loading={t('evidence.loading')}
        isEmpty={(list) => list.length === 0}
        empty={t('evidence.empty')}
      >
        {(list) => (
          <ul className={styles.list} aria-label={t('evidence.listLabel', { name: platform.name })}>
            {list.map((item) => (
              <EvidenceItem key={item.id} item={item} capturedBy={names.get(item.capturedBy)} />
            ))}
          </ul>
        )}
      </QueryView>
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
      className={`${formClass(true)} ${styles.form}`}
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
      <FormRow>
        <Field
          label={t('evidence.file')}
          hint={t('evidence.fileHint', { max: fileSize(EVIDENCE_MAX_BYTES, format.language) })}
          error={fileError}
        >
          <TextInput
            type="file"
            name="file"
            required
            accept={evidenceMimeTypes.join(',')}
            onChange={() => setFileError(null)}
          />
        </Field>
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
      </FormRow>
      <FormRow>
        <TextField
          label={t('evidence.capturedAt')}
          hint={t('evidence.capturedAtHint')}
          name="capturedAt"
          type="datetime-local"
          defaultValue={now}
        />
        <HandlingSelect defaultValue={operation.defaultHandling as Handling} />
      </FormRow>
      {upload.progress !== null && (
        <div className={styles.progress} data-testid="upload-progress">
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
      <Button type="submit" variant="primary" pending={upload.isPending} pendingLabel={t('evidence.submitting')}>
        {t('evidence.submit')}
      </Button>
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
    <li className={styles.item} data-testid="evidence-item" data-evidence-id={item.id}>
      <div className={styles.main}>
        <a href={`/api/evidence/${item.id}/file`} className={styles.name} download={item.fileName}>
          {item.fileName}
        </a>
        <span className="muted">
          {item.mimeType} · {fileSize(item.size, format.language)}
        </span>
      </div>
      {item.integrity === 'failed' && (
        <p className={styles.integrityFailed} role="alert" data-testid="evidence-integrity-failed">
          {t('evidence.integrityFailed')}
        </p>
      )}
      {item.url && (
        <p className={`${styles.url} mono`} translate="no">
          {item.url}
        </p>
      )}
      <p className={`${styles.meta} muted`}>
        {t('evidence.capturedBy', {
          name: capturedBy ?? t('findings.item.someone'),
          country: format.country(item.country),
        })}
        {' · '}
        <time dateTime={item.capturedAt}>{format.dateTime(item.capturedAt)}</time>
      </p>
      <div className={styles.footer}>
        <HandlingBadge code={item.handling} />
        <span className={styles.hash}>
          <abbr title={t('evidence.sha256Full')}>SHA-256</abbr>{' '}
          <code className={styles.hashValue} title={item.sha256} data-testid="evidence-hash">
            {item.sha256.slice(0, 12)}…
          </code>
          <Button size="xs" variant="ghost" onClick={() => void copy()} aria-label={t('evidence.copyHash')}>
            {copied === 'copied' ? t('common.copied') : t('common.copy')}
          </Button>
          {copied === 'failed' && (
            <TextInput
              compact
              className={styles.hashFallback}
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
