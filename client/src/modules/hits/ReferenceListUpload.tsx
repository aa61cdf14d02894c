import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { Button } from '../../app/ui/Button';
import { TextField, formClass } from '../../app/ui/Field';
import { Panel } from '../../app/ui/Panel';
import { ErrorNotice, Notice } from '../../app/ui/Notice';
import { useUploadReferenceList } from './hits.api';
import styles from './hits.module.css';

/** Largest list read in the browser (the server takes up to 20 MB). */
const MAX_BYTES = 20 * 1024 * 1024;

/**
 * An analyst imports a reference list (CSV `kind,value,label,region`),
 * standing in for an agency database; identifiers already logged that match
 * become hits at once.
 */
export function ReferenceListUpload({ operationId }: { operationId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const upload = useUploadReferenceList(operationId);
  const [tooLarge, setTooLarge] = useState(false);
  const result = upload.data;

  return (
    <Panel roomy title={t('hits.reference.title')}>
      <p className="muted">{t('hits.reference.intro')}</p>
      <form
        className={formClass()}
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          const file = data.get('file');
          if (!(file instanceof File) || file.size === 0) return;
          setTooLarge(file.size > MAX_BYTES);
          if (file.size > MAX_BYTES) return;
          const name = String(data.get('name') ?? '').trim() || file.name.replace(/\.csv$/i, '');
          void file.text().then((csv) => upload.mutate({ name, csv }, { onSuccess: () => form.reset() }));
        }}
      >
        <TextField
          label={t('hits.reference.name')}
          hint={t('hits.reference.nameHint')}
          name="name"
          maxLength={200}
          autoComplete="off"
        />
        <TextField
          label={t('hits.reference.file')}
          hint={
            <>
              {t('hits.reference.format')} <code>kind,value,label,region</code>
            </>
          }
          type="file"
          name="file"
          accept=".csv,text/csv"
          required
        />
        {tooLarge && <Notice tone="error">{t('hits.reference.tooLarge')}</Notice>}
        <ErrorNotice error={upload.error} />
        <Button type="submit" variant="primary" pending={upload.isPending} pendingLabel={t('hits.reference.uploading')}>
          {t('hits.reference.submit')}
        </Button>
      </form>
      {result && (
        <div className={styles.result} role="status" data-testid="reference-result">
          <p>
            <strong>
              {t('hits.reference.imported', {
                name: result.name,
                count: result.entries,
                entries: format.number(result.entries),
              })}
            </strong>
          </p>
          <p className={result.hits > 0 ? styles.resultHits : 'muted'}>
            {t('hits.reference.hits', { count: result.hits, hits: format.number(result.hits) })}
          </p>
          {result.rejected.length > 0 && (
            <>
              <p>
                {t('hits.reference.rejected', {
                  count: result.rejected.length,
                  rejected: format.number(result.rejected.length),
                })}
              </p>
              <ul className={styles.rejected}>
                {result.rejected.slice(0, 50).map((line) => (
                  <li key={line.line}>
                    {t('hits.reference.line', { line: line.line })} <span lang="en">{line.message}</span>
                  </li>
                ))}
              </ul>
              {result.rejected.length > 50 && (
                <p className="muted">{t('hits.reference.more', { count: result.rejected.length - 50 })}</p>
              )}
            </>
          )}
        </div>
      )}
    </Panel>
  );
}
