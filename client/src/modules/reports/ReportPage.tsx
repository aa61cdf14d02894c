import { type ReportAudience, type ReportLanguage, can, reportLanguages } from '@actionday/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../app/format';
import { languages } from '../../app/i18n';
import { Checkbox } from '../../app/ui/Checkbox';
import { Fieldset } from '../../app/ui/Field';
import { Notice } from '../../app/ui/Notice';
import { Page } from '../../app/ui/Page';
import { Panel } from '../../app/ui/Panel';
import { QueryView } from '../../app/ui/QueryView';
import { OperationGate } from '../operations/OperationGate';
import type { OperationDetail } from '../operations/operations.api';
import { FunnelChart, TimelineChart } from './ReportCharts';
import { ReportDownloads } from './ReportDownloads';
import { ReportPackages, ReportSuppression } from './ReportPackages';
import { FigureCards, ReportNotes, Statement } from './ReportSummary';
import { ReportLeads, ReportTables } from './ReportTables';
import styles from './report.module.css';
import { useReport } from './reports.api';

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
      <div className={styles.controls}>
        {!observer && (
          <Fieldset legend={t('reports.audience')}>
            {(['full', 'public'] as const).map((value) => (
              <Checkbox
                key={value}
                type="radio"
                compact
                name="audience"
                value={value}
                checked={audience === value}
                onChange={() => setAudience(value)}
                label={value === 'full' ? t('reports.audienceFull') : t('reports.audiencePublic')}
              />
            ))}
          </Fieldset>
        )}
        <Fieldset legend={t('reports.statementLanguage')}>
          {reportLanguages.map((value) => (
            <Checkbox
              key={value}
              type="radio"
              compact
              name="lang"
              value={value}
              checked={lang === value}
              onChange={() => setLang(value)}
              label={<span lang={value}>{languages[value]}</span>}
            />
          ))}
        </Fieldset>
      </div>
      <div className={styles.report}>
        <ReportDownloads operationId={operation.id} audience={audience} lang={lang} />
        <QueryView query={report} loading={t('reports.loading')}>
          {(data) => (
            <div
              className={styles.report}
              data-testid="report"
              data-provisional={data.provisional}
              data-audience={data.audience}
            >
              <Notice tone={data.provisional ? 'info' : 'success'}>
                {data.provisional ? t('reports.provisional') : t('reports.final')}{' '}
                {t('reports.asOf', { time: format.dateTime(data.asOf, operation.timeZone) })}
              </Notice>
              {data.audience === 'public' && (
                <Notice tone="info">
                  {t('reports.publicNotice')}{' '}
                  {data.suppression.applied && t('reports.suppressedNotice', { below: data.suppression.below })}
                </Notice>
              )}
              <Statement report={data} lang={lang} />
              <FigureCards report={data} lang={lang} />
              <Panel title={t('reports.timeline')}>
                <p className="muted">{t('reports.timelineCaption', { count: data.timeline.bucketMinutes })}</p>
                <TimelineChart report={data} />
              </Panel>
              <Panel title={t('reports.funnel')}>
                <FunnelChart report={data} />
              </Panel>
              <ReportTables report={data} />
              {data.leads && <ReportLeads leads={data.leads} />}
              {data.notes && data.notes.length > 0 && <ReportNotes report={data} />}
            </div>
          )}
        </QueryView>
        {can(role, 'report.packages') && (
          <>
            <ReportPackages operation={operation} report={report.data} />
            <ReportSuppression operation={operation} />
          </>
        )}
      </div>
    </Page>
  );
}

function ReportHeader({ operation }: { operation: OperationDetail }) {
  const { t } = useTranslation();
  return (
    <header className={styles.header}>
      <nav aria-label={t('nav.main')} className={styles.breadcrumb}>
        <Link to={`/operations/${operation.id}`}>← {t('reports.back')}</Link>
      </nav>
      <p className="eyebrow">{t('reports.title')}</p>
      <h1>{operation.name}</h1>
    </header>
  );
}
