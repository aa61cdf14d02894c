import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { TextField } from '../../app/ui/Field';
import { ErrorNotice, Notice } from '../../app/ui/Notice';
import { useUploadReferenceList } from './hits.api';

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
  const id = useId();
  const upload = useUploadReferenceList(operationId);
  const [tooLarge, setTooLarge] = useState(false);
  const result = upload.data;

  return (
    <section className="reference-upload card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('hits.reference.title')}</h2>
      <p className="muted">{t('hits.reference.intro')}</p>
      <form
        className="form"
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
        <div className="field">
          <label htmlFor={`${id}-file`} className="field__label">
            {t('hits.reference.file')}
          </label>
          <input
            id={`${id}-file`}
            className="input input--file"
            type="file"
            name="file"
            accept=".csv,text/csv"
            required
            aria-describedby={`${id}-format`}
          />
          <p id={`${id}-format`} className="field__hint">
            {t('hits.reference.format')} <code>kind,value,label,region</code>
          </p>
        </div>
        {tooLarge && <Notice tone="error">{t('hits.reference.tooLarge')}</Notice>}
        <ErrorNotice error={upload.error} />
        <button
          type="submit"
          className="button button--primary"
          disabled={upload.isPending}
          aria-busy={upload.isPending}
        >
          {upload.isPending ? t('hits.reference.uploading') : t('hits.reference.submit')}
        </button>
      </form>
      {result && (
        <div className="reference-result" role="status" data-testid="reference-result">
          <p>
            <strong>
              {t('hits.reference.imported', {
                name: result.name,
                count: result.entries,
                entries: format.number(result.entries),
              })}
            </strong>
          </p>
          <p className={result.hits > 0 ? 'reference-result__hits' : 'muted'}>
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
              <ul className="reference-result__rejected">
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
    </section>
  );
}
