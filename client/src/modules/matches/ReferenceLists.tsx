import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { Button } from '../../app/ui/Button';
import { Confirm } from '../../app/ui/Confirm';
import { TextField, formClass } from '../../app/ui/Field';
import { ErrorNotice, Notice } from '../../app/ui/Notice';
import { Panel } from '../../app/ui/Panel';
import { QueryView } from '../../app/ui/QueryView';
import {
  type ReferenceList,
  type ReferenceListResult,
  useDeleteReferenceList,
  useReferenceLists,
  useUploadReferenceList,
} from './references.api';
import styles from './ReferenceLists.module.css';

/** Largest list sent (the server takes up to 20 MB). */
const MAX_BYTES = 20 * 1024 * 1024;

/**
 * Analysts and coordinators import reference lists (CSV `kind,value,label,region`), standing in for agency
 * databases: identifiers already logged that are on a list become matches at once. The upload shows its
 * progress and then its answer; lists can be removed (after a confirmation).
 */
export function ReferenceLists({ operationId }: { operationId: string }) {
  const { t } = useTranslation();
  const upload = useUploadReferenceList(operationId);
  const lists = useReferenceLists(operationId);
  const [tooLarge, setTooLarge] = useState(false);

  return (
    <Panel roomy title={t('matches.reference.title')} data-testid="reference-lists">
      <p className="muted">{t('matches.reference.intro')}</p>
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
          upload.mutate({ name, file }, { onSuccess: () => form.reset() });
        }}
      >
        <TextField
          label={t('matches.reference.name')}
          hint={t('matches.reference.nameHint')}
          name="name"
          maxLength={200}
          autoComplete="off"
        />
        <TextField
          label={t('matches.reference.file')}
          hint={
            <>
              {t('matches.reference.format')} <code>kind,value,label,region</code>
            </>
          }
          type="file"
          name="file"
          accept=".csv,text/csv"
          required
        />
        {tooLarge && <Notice tone="error">{t('matches.reference.tooLarge')}</Notice>}
        <ErrorNotice error={upload.error} />
        {upload.progress !== null && (
          <progress
            className={styles.progress}
            max={1}
            value={upload.progress}
            aria-label={t('matches.reference.progress')}
            data-testid="reference-progress"
          />
        )}
        <Button
          type="submit"
          variant="primary"
          pending={upload.isPending}
          pendingLabel={t('matches.reference.uploading')}
        >
          {t('matches.reference.submit')}
        </Button>
      </form>
      {upload.data && <UploadResult result={upload.data} />}
      <h3 className={styles.subheading}>{t('matches.reference.lists')}</h3>
      <QueryView query={lists} isEmpty={(data) => data.length === 0} empty={t('matches.reference.noLists')}>
        {(data) => (
          <ul className={styles.lists} data-testid="reference-list-items">
            {data.map((list) => (
              <ListItem key={list.id} operationId={operationId} list={list} />
            ))}
          </ul>
        )}
      </QueryView>
    </Panel>
  );
}

/** What the import did: entries, refused lines with the server's reason, and the matches it made. */
function UploadResult({ result }: { result: ReferenceListResult }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className={styles.result} role="status" data-testid="reference-result">
      <p>
        <strong>
          {t('matches.reference.imported', {
            name: result.name,
            count: result.entries,
            entries: format.number(result.entries),
          })}
        </strong>
      </p>
      <p className={result.matches > 0 ? styles.resultMatches : 'muted'}>
        {t('matches.reference.matches', { count: result.matches, matches: format.number(result.matches) })}
      </p>
      {result.rejected.length > 0 && (
        <>
          <p>
            {t('matches.reference.rejected', {
              count: result.rejected.length,
              rejected: format.number(result.rejected.length),
            })}
          </p>
          <ul className={styles.rejected}>
            {result.rejected.slice(0, 50).map((line) => (
              <li key={line.line}>
                {t('matches.reference.line', { line: line.line })} <span lang="en">{line.message}</span>
              </li>
            ))}
          </ul>
          {result.rejected.length > 50 && (
            <p className="muted">{t('matches.reference.more', { count: result.rejected.length - 50 })}</p>
          )}
        </>
      )}
    </div>
  );
}

function ListItem({ operationId, list }: { operationId: string; list: ReferenceList }) {
  const { t } = useTranslation();
  const format = useFormat();
  const remove = useDeleteReferenceList(operationId);
  const [asking, setAsking] = useState(false);
  return (
    <li className={styles.item} data-testid="reference-list" data-list-id={list.id}>
      <span className={styles.itemText}>
        <strong>{list.name}</strong>{' '}
        <span className="muted">
          {t('matches.reference.entries', { count: list.entries, entries: format.number(list.entries) })} ·{' '}
          <time dateTime={list.createdAt}>{format.time(list.createdAt)}</time>
        </span>
      </span>
      {asking ? (
        <Confirm
          question={t('matches.reference.confirmDelete', { name: list.name })}
          confirmLabel={t('matches.reference.delete')}
          pendingLabel={t('matches.reference.deleting')}
          cancelLabel={t('common.cancel')}
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate(list.id)}
          onCancel={() => setAsking(false)}
        />
      ) : (
        <Button size="xs" variant="dangerOutline" onClick={() => setAsking(true)}>
          {t('matches.reference.delete')}
        </Button>
      )}
    </li>
  );
}
