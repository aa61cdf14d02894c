import type { Report, ReportAudience, ReportFormat, ReportLanguage, ReportTable } from '@actionday/shared';
import type { Db } from '../../db/database.js';
import { fail } from '../../http/errors.js';
import type { Viewer } from '../sharing/index.js';
import type { OperationRow } from '../operations/index.js';
import { reportCsvTables, reportCsvZip } from './reports.csv.js';
import { renderReportHtml } from './reports.html.js';
import { words } from './reports.i18n.js';
import { buildReport } from './reports.model.js';
import { renderPdf } from './reports.pdf.js';

export interface ReportRequest {
  format: ReportFormat;
  audience: ReportAudience;
  lang: ReportLanguage;
  table?: ReportTable | undefined;
  viewer: Viewer;
  now: Date;
}

/** A rendered report, ready to send or write. */
export interface ReportOutput {
  report: Report;
  body: Uint8Array | string;
  contentType: string;
  fileName: string;
}

/** `EMPACT action day (demo)` → `empact-action-day-demo`. */
export function slug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'operation'
  );
}

/** The report of an operation in one format: one model, four renderings. */
export async function generateReport(db: Db, operation: OperationRow, request: ReportRequest): Promise<ReportOutput> {
  const report = await buildReport(db, operation, {
    audience: request.audience,
    viewer: request.viewer,
    now: request.now,
  });
  const day = new Intl.DateTimeFormat('en-CA', {
    timeZone: operation.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(operation.startsAt);
  const base = `${slug(operation.name)}-${day}-report${request.audience === 'public' ? '-public' : ''}`;
  switch (request.format) {
    case 'json':
      return {
        report,
        body: `${JSON.stringify(report, null, 2)}\n`,
        contentType: 'application/json; charset=utf-8',
        fileName: `${base}.json`,
      };
    case 'csv': {
      if (!request.table)
        return {
          report,
          body: reportCsvZip(report, request.lang),
          contentType: 'application/zip',
          fileName: `${base}-csv.zip`,
        };
      const csv = reportCsvTables(report, request.lang)[request.table];
      if (csv === undefined)
        fail('reports.unknown_table', { params: { table: request.table, audience: request.audience } });
      return {
        report,
        body: csv,
        contentType: 'text/csv; charset=utf-8; header=present',
        fileName: `${base}-${request.table}.csv`,
      };
    }
    case 'html':
      return {
        report,
        body: renderReportHtml(report, operation.figures, request.lang),
        contentType: 'text/html; charset=utf-8',
        fileName: `${base}.html`,
      };
    case 'pdf': {
      const html = renderReportHtml(report, operation.figures, request.lang);
      const pdf = await renderPdf(html, `${words[request.lang].title} · ${operation.name}`);
      return { report, body: pdf, contentType: 'application/pdf', fileName: `${base}.pdf` };
    }
  }
}
