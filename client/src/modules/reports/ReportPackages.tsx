import type { Report } from '@actionday/shared';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/errors';
import { useFormat } from '../../app/format';
import { Button } from '../../app/ui/Button';
import { Field, Hint, TextInput } from '../../app/ui/Field';
import { ErrorNotice, Notice } from '../../app/ui/Notice';
import { Panel } from '../../app/ui/Panel';
import type { OperationDetail } from '../operations/operations.api';
import { useElapsed } from './elapsed';
import styles from './report.module.css';
import { downloadFile, packageUrl, useSetSuppression } from './reports.api';

/** For coordinators: one zip per participating country, read as that country may see it. */
export function ReportPackages({ operation, report }: { operation: OperationDetail; report: Report | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const message = useErrorMessage();
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const seconds = useElapsed(pending !== null);
  const collator = useMemo(() => new Intl.Collator(format.language), [format.language]);
  const countries = [...new Set(operation.participants.map((p) => p.country))].sort((a, b) =>
    collator.compare(format.country(a), format.country(b)),
  );
  const leadsOf = (country: string) => report?.leads?.platforms.filter((p) => p.country === country).length;

  const download = async (country: string) => {
    setPending(country);
    setError(null);
    try {
      await downloadFile(packageUrl(operation.id, country), `package-${country}.zip`);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(null);
    }
  };

  return (
    <Panel title={t('reports.packages')} data-testid="packages">
      <p className="muted">{t('reports.packagesIntro')}</p>
      <ul className={styles.packages}>
        {countries.map((country) => {
          const leads = leadsOf(country);
          return (
            <li key={country}>
              <span>
                <b>{format.country(country)}</b>
                {leads !== undefined && <span className="muted"> · {t('reports.packageLeads', { count: leads })}</span>}
              </span>
              <Button
                disabled={pending !== null && pending !== country}
                pending={pending === country}
                onClick={() => void download(country)}
                data-testid={`package-${country}`}
              >
                {t('reports.packageButton', { country })}
              </Button>
            </li>
          );
        })}
      </ul>
      <div role="status" className={styles.status}>
        {pending && t('reports.generating', { what: format.country(pending), seconds })}
      </div>
      {error !== null && <Notice tone="error">{message(error)}</Notice>}
    </Panel>
  );
}

/** For coordinators: counts of persons below N read "<N" in the public versions. */
export function ReportSuppression({ operation }: { operation: OperationDetail }) {
  const { t } = useTranslation();
  const save = useSetSuppression(operation.id);
  const [value, setValue] = useState(String(operation.suppressBelow));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const below = Number.parseInt(value, 10);
    if (Number.isInteger(below) && below >= 0) save.mutate(below);
  };
  return (
    <Panel title={t('reports.suppression')}>
      <form className={styles.suppression} onSubmit={submit}>
        <Field label={t('reports.suppressionLabel')}>
          <TextInput
            compact
            type="number"
            min={0}
            max={1000}
            value={value}
            onChange={(event) => setValue(event.target.value)}
          />
        </Field>
        <Button type="submit" size="sm" pending={save.isPending}>
          {t('reports.suppressionSave')}
        </Button>
        <span role="status">{save.isSuccess ? t('reports.suppressionSaved') : ''}</span>
      </form>
      <Hint>{t('reports.suppressionHint')}</Hint>
      <ErrorNotice error={save.error} />
    </Panel>
  );
}
