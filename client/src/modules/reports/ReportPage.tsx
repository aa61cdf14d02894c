import {
  type Report,
  type ReportAudience,
  type ReportFormat,
  type ReportLanguage,
  can,
  reportLanguages,
} from '@actionday/shared';
import { type FormEvent, type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useErrorMessage } from '../../app/errors';
import { useFormat } from '../../app/format';
import { Loading } from '../../app/ui/Loading';
import { ErrorNotice, Notice } from '../../app/ui/Notice';
import { Page } from '../../app/ui/Page';
import { OperationGate } from '../operations/OperationGate';
import type { OperationDetail } from '../operations/operations.api';
import { FunnelChart, TimelineChart } from './ReportCharts';
import { downloadFile, packageUrl, reportUrl, useReport, useSetSuppression } from './reports.api';
import './reports.css';

/** `/operations/:operationId/report`: the after-action report, its downloads and, for coordinators, the country packages. */
export function ReportPage() {
  const { t } = useTranslation();
  return <OperationGate errorTitle={t('reports.title')}>{(detail) => <ReportView operation={detail} />}</OperationGate>;
}

function ReportView({ operation }: { operation: OperationDetail }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const role = operation.me.role;
  const observer = role === 'observer';
  const [audience, setAudience] = useState<ReportAudience>(observer ? 'public' : 'full');
  const [lang, setLang] = useState<ReportLanguage>(
    (reportLanguages as readonly string[]).includes(i18n.language) ? (i18n.language as ReportLanguage) : 'en',
  );
  const report = useReport(operation.id, audience);

  if (!can(role, 'report.read')) {
    return (
      <Page title={t('reports.title')}>
        <ReportHeader operation={operation} />
        <Notice tone="error">{t('error.auth.forbidden')}</Notice>
      </Page>
    );
  }

  return (
    <Page title={`${t('reports.title')} · ${operation.name}`}>
      <ReportHeader operation={operation} />
      <div className="report-controls">
        {!observer && (
          <fieldset className="report-toggle">
            <legend>{t('reports.audience')}</legend>
            {(['full', 'public'] as const).map((value) => (
              <label key={value}>
                <input
                  type="radio"
                  name="audience"
                  value={value}
                  checked={audience === value}
                  onChange={() => setAudience(value)}
                />
                {value === 'full' ? t('reports.audienceFull') : t('reports.audiencePublic')}
              </label>
            ))}
          </fieldset>
        )}
        <fieldset className="report-toggle">
          <legend>{t('reports.statementLanguage')}</legend>
          {reportLanguages.map((value) => (
            <label key={value}>
              <input type="radio" name="lang" value={value} checked={lang === value} onChange={() => setLang(value)} />
              {value === 'en' ? 'English' : 'Nederlands'}
            </label>
          ))}
        </fieldset>
      </div>
      <Downloads operationId={operation.id} audience={audience} lang={lang} />
      {report.isPending && <Loading label={t('reports.loading')} />}
      {report.isError && <ErrorNotice error={report.error} onRetry={() => void report.refetch()} />}
      {report.data && (
        <div
          className="report"
          data-testid="report"
          data-provisional={report.data.provisional}
          data-audience={report.data.audience}
        >
          <Notice tone={report.data.provisional ? 'info' : 'success'}>
            {report.data.provisional ? t('reports.provisional') : t('reports.final')}{' '}
            {t('reports.asOf', { time: format.dateTime(report.data.asOf, operation.timeZone) })}
          </Notice>
          {report.data.audience === 'public' && (
            <Notice tone="info">
              {t('reports.publicNotice')}{' '}
              {report.data.suppression.applied &&
                t('reports.suppressedNotice', { below: report.data.suppression.below })}
            </Notice>
          )}
          <Statement report={report.data} lang={lang} />
          <Figures report={report.data} lang={lang} />
          <section className="report-section">
            <h2>{t('reports.timeline')}</h2>
            <p className="muted">{t('reports.timelineCaption', { minutes: report.data.timeline.bucketMinutes })}</p>
            <TimelineChart report={report.data} />
          </section>
          <section className="report-section">
            <h2>{t('reports.funnel')}</h2>
            <FunnelChart report={report.data} />
          </section>
          <Tables report={report.data} />
          {report.data.leads && <Leads report={report.data} />}
          {report.data.notes && report.data.notes.length > 0 && <Notes report={report.data} />}
        </div>
      )}
      {can(role, 'report.packages') && (
        <>
          <Packages operation={operation} report={report.data} />
          <Suppression operation={operation} />
        </>
      )}
    </Page>
  );
}

function ReportHeader({ operation }: { operation: OperationDetail }) {
  const { t } = useTranslation();
  return (
    <header className="operation-header">
      <nav aria-label={t('nav.main')} className="breadcrumb">
        <Link to={`/operations/${operation.id}`}>← {t('reports.back')}</Link>
      </nav>
      <p className="eyebrow">{t('reports.title')}</p>
      <h1>{operation.name}</h1>
    </header>
  );
}

/** Elapsed seconds while `active`, for a progress line. */
function useElapsed(active: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    setSeconds(0);
    if (!active) return;
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 500);
    return () => clearInterval(timer);
  }, [active]);
  return seconds;
}

const downloadFormats: ReportFormat[] = ['pdf', 'csv', 'json', 'html'];

function Downloads({
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
    <section className="report-section report-downloads" aria-labelledby="report-downloads">
      <h2 id="report-downloads">{t('reports.downloads')}</h2>
      <div className="report-downloads__buttons">
        {downloadFormats.map((format) => (
          <button
            key={format}
            type="button"
            className={format === 'pdf' ? 'button button--primary' : 'button'}
            disabled={pending !== null}
            onClick={() => void start(format)}
            data-testid={`download-${format}`}
          >
            {pending === format && <span className="loading__spinner" aria-hidden="true" />}
            {label(format)}
          </button>
        ))}
      </div>
      <div role="status" className="report-downloads__status" data-testid="download-status">
        {pending && (
          <span className="report-progress">
            <span className="report-progress__bar" aria-hidden="true" />
            {t('reports.generating', { what: label(pending), seconds })}
          </span>
        )}
        {result && !result.error && t('reports.downloaded', { what: label(result.format) })}
      </div>
      {result?.error !== undefined && <Notice tone="error">{message(result.error)}</Notice>}
    </section>
  );
}

function Statement({ report, lang }: { report: Report; lang: ReportLanguage }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const statement = report.statement[lang];
  useEffect(() => setState('idle'), [statement.text]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(statement.text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <section className="report-section" aria-labelledby="report-statement">
      <div className="report-section__head">
        <h2 id="report-statement">{t('reports.statement')}</h2>
        <button type="button" className="button" onClick={() => void copy()} data-testid="copy-statement">
          {state === 'copied' ? t('reports.copied') : t('reports.copyStatement')}
        </button>
      </div>
      <ul className="report-statement" lang={lang} data-testid="statement">
        {statement.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p className="field__hint" role="status">
        {state === 'failed' ? t('reports.copyFailed') : ''}
      </p>
    </section>
  );
}

function Figures({ report, lang }: { report: Report; lang: ReportLanguage }) {
  const { t } = useTranslation();
  return (
    <section className="report-section" aria-labelledby="report-figures">
      <h2 id="report-figures">{t('reports.keyFigures')}</h2>
      <div className="report-cards">
        {report.figures.map((figure) => (
          <div key={figure.key} className="report-card" data-figure={figure.key}>
            <div className="report-card__value">{figure.display}</div>
            <div className="report-card__label">{figure.labels[lang]}</div>
            {figure.breakdowns.length > 0 && (
              <ul className="report-card__breakdowns">
                {figure.breakdowns.map((b) => (
                  <li key={b.key}>
                    <b>{b.display}</b> {b.labels[lang]}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}

interface Column<T> {
  head: string;
  cell: (row: T) => ReactNode;
  numeric?: (row: T) => number | null;
}

function DataTable<T>({
  title,
  rows,
  columns,
  rowKey,
  total,
}: {
  title: string;
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  total?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const totals = columns.map((c) => {
    if (!c.numeric) return null;
    const values = rows.map((r) => c.numeric?.(r) ?? null);
    return values.some((v) => v === null) ? '–' : format.number(values.reduce((a: number, v) => a + (v ?? 0), 0));
  });
  return (
    <section className="report-section">
      <h2>{title}</h2>
      <div className="report-table-wrap">
        <table className="report-table">
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.head} scope="col" className={c.numeric ? 'num' : undefined}>
                  {c.head}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((c) => (
                  <td key={c.head} className={c.numeric ? 'num' : undefined}>
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {total && rows.length > 1 && (
            <tfoot>
              <tr>
                {columns.map((c, i) => (
                  <td key={c.head} className={c.numeric ? 'num' : undefined}>
                    {i === 0 ? t('reports.total') : totals[i]}
                  </td>
                ))}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </section>
  );
}

function Tables({ report }: { report: Report }) {
  const { t } = useTranslation();
  const format = useFormat();
  const below = report.suppression.below;
  const n = (value: number | null) => (value === null ? `<${below}` : format.number(value));
  const num = <T,>(head: string, pick: (row: T) => number | null): Column<T> => ({
    head,
    cell: (row) => n(pick(row)),
    numeric: pick,
  });
  const collator = useMemo(() => new Intl.Collator(format.language), [format.language]);
  const byCountry = [...report.tables.byCountry].sort((a, b) =>
    collator.compare(format.country(a.country), format.country(b.country)),
  );
  type CountryRow = Report['tables']['byCountry'][number];
  type CategoryRow = Report['tables']['byCategory'][number];
  type TagRow = Report['tables']['byTag'][number];
  type ExploitationRow = Report['tables']['byExploitation'][number];
  return (
    <>
      <DataTable<CountryRow>
        title={t('reports.byCountry')}
        rows={byCountry}
        rowKey={(r) => r.country}
        total
        columns={[
          { head: t('reports.col.country'), cell: (r) => format.country(r.country) },
          num(t('reports.col.participants'), (r) => r.participants),
          num(t('reports.col.platformsChecked'), (r) => r.platformsChecked),
          num(t('reports.col.suspects'), (r) => r.suspects),
          num(t('reports.col.identifiers'), (r) => r.identifiers),
          num(t('reports.col.victims'), (r) => r.victims),
          num(t('reports.col.hits'), (r) => r.hits),
        ]}
      />
      <DataTable<CategoryRow>
        title={t('reports.byCategory')}
        rows={report.tables.byCategory.filter((r) => (r.platforms ?? 1) > 0)}
        rowKey={(r) => r.category}
        total
        columns={[
          { head: t('reports.col.category'), cell: (r) => t(`category.${r.category}`) },
          num(t('reports.col.platforms'), (r) => r.platforms),
          num(t('reports.col.unchecked'), (r) => r.unchecked),
          num(t('reports.col.claimed'), (r) => r.claimed),
          num(t('reports.col.noIndicators'), (r) => r.noIndicators),
          num(t('reports.col.suspected'), (r) => r.suspected),
          num(t('reports.col.confirmed'), (r) => r.confirmed),
          num(t('reports.col.followUp'), (r) => r.followUp),
        ]}
      />
      {report.tables.byTag.length > 0 && (
        <DataTable<TagRow>
          title={t('reports.byTag')}
          rows={report.tables.byTag}
          rowKey={(r) => r.tag}
          columns={[
            { head: t('reports.col.tag'), cell: (r) => <span className="tag">{r.tag}</span> },
            num(t('reports.col.platforms'), (r) => r.platforms),
            num(t('reports.col.checked'), (r) => r.checked),
            num(t('reports.col.suspected'), (r) => r.suspected),
            num(t('reports.col.confirmed'), (r) => r.confirmed),
            num(t('reports.col.followUp'), (r) => r.followUp),
            num(t('reports.col.suspects'), (r) => r.suspects),
            num(t('reports.col.identifiers'), (r) => r.identifiers),
            num(t('reports.col.victims'), (r) => r.victims),
          ]}
        />
      )}
      <DataTable<ExploitationRow>
        title={t('reports.byExploitation')}
        rows={report.tables.byExploitation}
        rowKey={(r) => r.exploitation}
        total
        columns={[
          { head: t('reports.col.exploitation'), cell: (r) => t(`reports.exploitation.${r.exploitation}`) },
          num(t('reports.col.victims'), (r) => r.victims),
          num(t('reports.col.minors'), (r) => r.minors),
          num(t('reports.col.referredPolice'), (r) => r.referredPolice),
          num(t('reports.col.referredNgo'), (r) => r.referredNgo),
        ]}
      />
    </>
  );
}

function Leads({ report }: { report: Report }) {
  const { t } = useTranslation();
  const format = useFormat();
  const leads = report.leads;
  if (!leads) return null;
  return (
    <section className="report-section" aria-labelledby="report-leads" data-testid="leads">
      <h2 id="report-leads">{t('reports.leads')}</h2>
      <h3>{t('reports.leadPlatforms')}</h3>
      {leads.platforms.length === 0 ? (
        <p className="empty">{t('reports.noLeads')}</p>
      ) : (
        <div className="report-table-wrap">
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">{t('reports.col.platform')}</th>
                <th scope="col">{t('reports.col.category')}</th>
                <th scope="col">{t('reports.col.verdict')}</th>
                <th scope="col">{t('reports.col.responsible')}</th>
                <th scope="col">{t('reports.col.summary')}</th>
              </tr>
            </thead>
            <tbody>
              {leads.platforms.map((p) => (
                <tr key={p.platformId}>
                  <td>
                    <b>{p.name}</b>
                    <br />
                    <span className="report-url">{p.url}</span>
                  </td>
                  <td>{t(`category.${p.category}`)}</td>
                  <td>
                    {p.verdict && t(`verdict.${p.verdict}`)}{' '}
                    {p.followUp && <span className="marker marker--follow">{t('board.followUp')}</span>}
                  </td>
                  <td>{p.country ? format.country(p.country) : '–'}</td>
                  <td>{p.summary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t('reports.leadHits')}</h3>
      {leads.crossHits.length === 0 ? (
        <p className="empty">{t('reports.noHits')}</p>
      ) : (
        <div className="report-table-wrap">
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">{t('reports.col.kind')}</th>
                <th scope="col">{t('reports.col.value')}</th>
                <th scope="col">{t('reports.col.countries')}</th>
                <th scope="col">{t('reports.col.platforms')}</th>
                <th scope="col">{t('reports.col.source')}</th>
              </tr>
            </thead>
            <tbody>
              {leads.crossHits.map((h) => (
                <tr key={h.hitId}>
                  <td>{h.identifierKind}</td>
                  <td className="report-url">{h.value ?? <span className="muted">{t('reports.hidden')}</span>}</td>
                  <td>{h.countries.map((c) => format.country(c)).join(', ')}</td>
                  <td>{h.platforms.join(', ')}</td>
                  <td>
                    {h.referenceList
                      ? t('reports.referenceList', { name: h.referenceList })
                      : t('reports.otherParticipant')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Notes({ report }: { report: Report }) {
  const { t } = useTranslation();
  return (
    <section className="report-section" aria-labelledby="report-notes">
      <h2 id="report-notes">{t('reports.notes')}</h2>
      {(report.notes ?? []).map((note) => (
        <article key={note.platformId ?? 'log'} className="report-note">
          <h3>
            {note.kind === 'log' ? t('reports.situationLog') : t('reports.noteOn', { name: note.platformName ?? '' })}
          </h3>
          <pre>{note.text}</pre>
        </article>
      ))}
    </section>
  );
}

function Packages({ operation, report }: { operation: OperationDetail; report: Report | undefined }) {
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
    <section className="report-section" aria-labelledby="report-packages" data-testid="packages">
      <h2 id="report-packages">{t('reports.packages')}</h2>
      <p className="muted">{t('reports.packagesIntro')}</p>
      <ul className="report-packages">
        {countries.map((country) => {
          const leads = leadsOf(country);
          return (
            <li key={country}>
              <span>
                <b>{format.country(country)}</b>
                {leads !== undefined && <span className="muted"> · {t('reports.packageLeads', { count: leads })}</span>}
              </span>
              <button
                type="button"
                className="button"
                disabled={pending !== null}
                onClick={() => void download(country)}
                data-testid={`package-${country}`}
              >
                {pending === country && <span className="loading__spinner" aria-hidden="true" />}
                {t('reports.packageButton', { country })}
              </button>
            </li>
          );
        })}
      </ul>
      <div role="status" className="report-downloads__status">
        {pending && t('reports.generating', { what: format.country(pending), seconds })}
      </div>
      {error !== null && <Notice tone="error">{message(error)}</Notice>}
    </section>
  );
}

function Suppression({ operation }: { operation: OperationDetail }) {
  const { t } = useTranslation();
  const save = useSetSuppression(operation.id);
  const [value, setValue] = useState(String(operation.suppressBelow));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const below = Number.parseInt(value, 10);
    if (Number.isInteger(below) && below >= 0) save.mutate(below);
  };
  return (
    <section className="report-section" aria-labelledby="report-suppression">
      <h2 id="report-suppression">{t('reports.suppression')}</h2>
      <form className="report-suppression" onSubmit={submit}>
        <label className="field__label" htmlFor="suppress-below">
          {t('reports.suppressionLabel')}
        </label>
        <input
          id="suppress-below"
          className="input input--compact"
          type="number"
          min={0}
          max={1000}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          aria-describedby="suppress-below-hint"
        />
        <button type="submit" className="button" disabled={save.isPending}>
          {t('reports.suppressionSave')}
        </button>
        <span role="status">{save.isSuccess ? t('reports.suppressionSaved') : ''}</span>
      </form>
      <p id="suppress-below-hint" className="field__hint">
        {t('reports.suppressionHint')}
      </p>
      <ErrorNotice error={save.error} />
    </section>
  );
}
