import type { ReportAudience, ReportFormat, ReportLanguage } from '@actionday/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/errors';
import { Button } from '../../app/ui/Button';
import { Notice } from '../../app/ui/Notice';
import { Panel } from '../../app/ui/Panel';
import { useElapsed } from './elapsed';
import styles from './report.module.css';
import { downloadFile, reportUrl } from './reports.api';

const downloadFormats: ReportFormat[] = ['pdf', 'csv', 'json', 'html'];

/** The report as a file: PDF, CSV (zip), JSON, printable HTML, with a progress line while the server renders. */
export function ReportDownloads({
  operationId,
  audience,
  lang,
}: {
  operationId: string;
  audience: ReportAudience;
  lang: ReportLanguage;
}) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const [pending, setPending] = useState<ReportFormat | null>(null);
  const [result, setResult] = useState<{ format: ReportFormat; error?: unknown } | null>(null);
  const seconds = useElapsed(pending !== null);
  const label = (format: ReportFormat) => t(`reports.download.${format}`);

  const start = async (format: ReportFormat) => {
    setPending(format);
    setResult(null);
    try {
      await downloadFile(reportUrl(operationId, format, audience, lang), `report.${format === 'csv' ? 'zip' : format}`);
      setResult({ format });
    } catch (error) {
      setResult({ format, error });
    } finally {
      setPending(null);
    }
  };

  return (
    <Panel title={t('reports.downloads')}>
      <div className={styles.buttons}>
        {downloadFormats.map((format) => (
          <Button
            key={format}
            variant={format === 'pdf' ? 'primary' : 'secondary'}
            disabled={pending !== null && pending !== format}
            pending={pending === format}
            onClick={() => void start(format)}
            data-testid={`download-${format}`}
          >
            {label(format)}
          </Button>
        ))}
      </div>
      <div role="status" className={styles.status} data-testid="download-status">
        {pending && (
          <span className={styles.progress}>
            <span className={styles.progressBar} aria-hidden="true" />
            {t('reports.generating', { what: label(pending), seconds })}
          </span>
        )}
        {result && !result.error && t('reports.downloaded', { what: label(result.format) })}
      </div>
      {result?.error !== undefined && <Notice tone="error">{message(result.error)}</Notice>}
    </Panel>
  );
}
