import { type Capture, type CaptureFile, type Handling, type Platform, can, handlingCodes } from '@actionday/shared';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { Badge, type BadgeTone } from '../../app/ui/Badge';
import { Button } from '../../app/ui/Button';
import { FormRow, TextField, formClass } from '../../app/ui/Field';
import { HandlingBadge, HandlingSelect } from '../../app/ui/Handling';
import { ErrorNotice, Notice } from '../../app/ui/Notice';
import { QueryView } from '../../app/ui/QueryView';
import type { OperationDetail } from '../operations/operations.api';
import { fileSize } from '../evidence/evidence.format';
import { useCaptures, useCapturesLive, useRequestCapture } from './captures.api';
import styles from './CapturePanel.module.css';

/** Server-side captures of a platform: paste a URL, keep working, see the capture arrive live. */
export function CapturePanel({ operation, platform }: { operation: OperationDetail; platform: Platform }) {
  if (!can(operation.me.role, 'evidence.read')) return null;
  return <AllowedCapturePanel operation={operation} platform={platform} />;
}

function AllowedCapturePanel({ operation, platform }: { operation: OperationDetail; platform: Platform }) {
  const { t } = useTranslation();
  const id = useId();
  useCapturesLive(operation.id);
  const captures = useCaptures(operation.id, platform.id);
  const names = useMemo(() => new Map(operation.participants.map((p) => [p.id, p.name])), [operation.participants]);
  return (
    <section className={styles.captures} aria-labelledby={`${id}-title`} data-testid="capture-panel">
      <h3 id={`${id}-title`} className={styles.title}>
        {t('captures.title')}
      </h3>
      {can(operation.me.role, 'capture.create') && <CaptureForm operation={operation} platform={platform} />}
      <QueryView
        query={captures}
        loading={t('captures.loading')}
        isEmpty={(list) => list.length === 0}
        empty={t('captures.empty')}
      >
        {(list) => (
          <ul className={styles.list} aria-label={t('captures.listLabel', { name: platform.name })} aria-live="polite">
            {list.map((capture) => (
              <CaptureItem key={capture.id} capture={capture} requestedBy={names.get(capture.requestedBy)} />
            ))}
          </ul>
        )}
      </QueryView>
    </section>
  );
}

function CaptureForm({ operation, platform }: { operation: OperationDetail; platform: Platform }) {
  const { t } = useTranslation();
  const request = useRequestCapture(operation.id);
  const [formKey, setFormKey] = useState(0);
  const [queued, setQueued] = useState(false);
  return (
    <form
      key={formKey}
      className={`${formClass(true)} ${styles.form}`}
      data-testid="capture-form"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const text = (name: string) => String(data.get(name) ?? '').trim();
        setQueued(false);
        request.mutate(
          {
            url: text('url'),
            platformId: platform.id,
            handling: handlingCodes.find((c) => c === text('handling')),
          },
          {
            onSuccess: () => {
              setQueued(true);
              setFormKey((k) => k + 1);
            },
          },
        );
      }}
    >
      <p className={`${styles.intro} muted`}>{t('captures.intro')}</p>
      <FormRow>
        <TextField
          label={t('captures.url')}
          name="url"
          type="url"
          inputMode="url"
          required
          maxLength={2000}
          autoComplete="off"
          spellCheck={false}
          placeholder={platform.url}
        />
        <HandlingSelect defaultValue={operation.defaultHandling as Handling} />
      </FormRow>
      <ErrorNotice error={request.error} />
      {queued && <Notice tone="success">{t('captures.queued')}</Notice>}
      <Button type="submit" variant="primary" pending={request.isPending} pendingLabel={t('captures.submitting')}>
        {t('captures.submit')}
      </Button>
    </form>
  );
}

const tones: Record<Capture['status'], BadgeTone> = {
  queued: 'neutral',
  running: 'info',
  done: 'success',
  failed: 'danger',
};

const fileOf = (capture: Capture, role: CaptureFile['role']) => capture.files.find((f) => f.role === role);

function CaptureItem({ capture, requestedBy }: { capture: Capture; requestedBy: string | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const screenshot = fileOf(capture, 'screenshot');
  const gone = capture.status === 'done' && capture.httpStatus !== null && capture.httpStatus >= 400;
  const params = capture.failure?.details?.params;
  return (
    <li className={styles.item} data-testid="capture-item" data-capture-id={capture.id} data-status={capture.status}>
      <div className={styles.head}>
        <Badge tone={tones[capture.status]}>{t(`captures.status.${capture.status}`)}</Badge>
        <span className={`${styles.url} mono`} translate="no">
          {capture.finalUrl ?? capture.url}
        </span>
      </div>
      {capture.capturedAt && (
        <p className={styles.meta}>
          {gone
            ? t('captures.gone', { time: format.time(capture.capturedAt), status: capture.httpStatus })
            : t('captures.capturedAt', { time: format.dateTime(capture.capturedAt) })}
          {!gone && capture.httpStatus !== null && ` · HTTP ${capture.httpStatus}`}
        </p>
      )}
      {capture.failure && (
        <p className={styles.failure} role="alert" data-testid="capture-failure">
          {t(`error.${capture.failure.code}`, { defaultValue: t('error.unknown') })}
          {params && (
            <span className="mono" translate="no">
              {' '}
              ({Object.values(params).join(' · ')})
            </span>
          )}
        </p>
      )}
      {screenshot && (
        <a href={`/api/evidence/${screenshot.evidenceId}/file`} download="screenshot.png" className={styles.shot}>
          <img
            src={`/api/evidence/${screenshot.evidenceId}/file`}
            alt={t('captures.screenshotAlt', { url: capture.finalUrl ?? capture.url })}
            loading="lazy"
            data-testid="capture-screenshot"
          />
        </a>
      )}
      {capture.files.length > 0 && (
        <ul className={styles.files}>
          {capture.files.map((file) => (
            <li key={file.evidenceId}>
              <a href={`/api/evidence/${file.evidenceId}/file`} download>
                {t(`captures.file.${file.role}`)}
              </a>{' '}
              <span className="muted">{fileSize(file.size, format.language)}</span>{' '}
              <code className={styles.hash} title={file.sha256}>
                {file.sha256.slice(0, 12)}…
              </code>
            </li>
          ))}
        </ul>
      )}
      {fileOf(capture, 'archive') && <p className={`${styles.meta} muted`}>{t('captures.replayHint')}</p>}
      {capture.tls && (
        <p className={`${styles.meta} muted`}>
          {t('captures.tls', { subject: capture.tls.subject, issuer: capture.tls.issuer })}
        </p>
      )}
      <p className={`${styles.meta} muted`}>
        <HandlingBadge code={capture.handling} />{' '}
        {t('captures.requestedBy', {
          name: requestedBy ?? t('findings.item.someone'),
          country: format.country(capture.country),
        })}
      </p>
    </li>
  );
}
