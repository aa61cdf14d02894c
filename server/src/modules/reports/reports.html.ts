import type { FigureDefinition, Report, ReportLanguage } from '@actionday/shared';
import { type ReportWords, countryName, plural, words } from './reports.i18n.js';
import { liaisonTable, routeTable } from './reports.html.routes.js';
import { breakdownJoiner, breakdownLabel, figureLabel } from './reports.statement.js';

/**
 * The printable report: one self-contained HTML page (inline styles and
 * server-rendered SVG charts, no script, no outside resources) with a print
 * stylesheet. The PDF is this page printed by headless Chromium.
 */

const escapeMap: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (ch) => escapeMap[ch] ?? ch);

/** What every part of the page is rendered with. */
export interface Ctx {
  report: Report;
  w: ReportWords;
  lang: ReportLanguage;
  num: (value: number | null) => string;
}

/** The HTML page of a report in one language. */
export function renderReportHtml(report: Report, definitions: FigureDefinition[], lang: ReportLanguage): string {
  const w = words[lang];
  const format = new Intl.NumberFormat(w.locale);
  const num = (value: number | null) =>
    value === null ? `&lt;${format.format(report.suppression.below)}` : format.format(value);
  const ctx: Ctx = { report, w, lang, num };
  const op = report.operation;
  const collator = new Intl.Collator(w.locale);
  const countries = op.countries.map((code) => countryName(code, lang)).sort(collator.compare);
  const day = new Intl.DateTimeFormat(w.locale, { dateStyle: 'long', timeZone: op.timeZone }).format(
    new Date(op.startsAt),
  );
  const window = new Intl.DateTimeFormat(w.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: op.timeZone,
  }).formatRange(new Date(op.startsAt), new Date(op.endsAt));
  const stampFormat = new Intl.DateTimeFormat(w.locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: op.timeZone,
    timeZoneName: 'short',
  });
  const stamp = (iso: string) => stampFormat.format(new Date(iso));
  const badges = [
    report.provisional
      ? `<span class="badge badge--warn">${esc(w.provisional)}</span>`
      : `<span class="badge">${esc(w.final)}</span>`,
    report.audience === 'public' ? `<span class="badge badge--public">${esc(w.publicVersion)}</span>` : '',
  ].join('');

  const cards = report.figures
    .map((f) => {
      const joiner = breakdownJoiner(f.counts, lang);
      const items = f.breakdowns
        .map((b) => `<li><b>${num(b.value)}</b> ${esc(breakdownLabel(definitions, f.key, b, lang))}</li>`)
        .join('');
      return `<div class="card"><div class="card__value">${num(f.value)}</div><div class="card__label">${esc(figureLabel(f.key, f.label, lang, f.value ?? report.suppression.below))}</div>${
        items ? `<div class="card__joiner">${esc(joiner)}</div><ul class="card__breakdowns">${items}</ul>` : ''
      }</div>`;
    })
    .join('');

  const statement = report.statement[lang].lines.map((line) => `<li>${esc(line)}</li>`).join('');
  const notices = [
    report.provisional ? `<p class="notice notice--warn">${esc(w.provisionalNote)}</p>` : '',
    report.audience === 'public'
      ? `<p class="notice">${esc(w.publicNote)}${report.suppression.applied ? ` ${esc(w.suppressedNote(num(report.suppression.below), num(report.suppression.below - 1)))}` : ''}</p>`
      : '',
  ].join('');

  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${w.title} · ${op.name}`)}</title>
<style>${styles}</style>
</head>
<body>
<main class="report">
<header class="masthead">
  <div class="masthead__kicker">${esc(w.title)} ${badges}</div>
  <h1>${esc(op.name)}</h1>
  <p class="masthead__meta">${esc(day)} · ${esc(w.window)}: ${esc(window)} (${esc(op.timeZone)})</p>
  <p class="masthead__meta">${esc(w.countries)} (${countries.length}): ${esc(countries.join(', '))}</p>
</header>
${notices}
<section class="figures" aria-labelledby="h-figures">
  <h2 id="h-figures">${esc(w.keyFigures)}</h2>
  <div class="cards">${cards}</div>
</section>
<section class="statement" aria-labelledby="h-statement">
  <h2 id="h-statement">${esc(w.statement)}</h2>
  <ul class="statement__lines" data-testid="statement">${statement}</ul>
</section>
<section class="charts">
  <div class="chart chart--timeline">
    <h2>${esc(w.timeline)}</h2>
    <p class="caption">${esc(plural(lang, report.timeline.bucketMinutes, w.timelineNote).replace('{n}', num(report.timeline.bucketMinutes)))}</p>
    ${timelineSvg(ctx)}
  </div>
  <div class="chart chart--funnel">
    <h2>${esc(w.funnel)}</h2>
    ${funnelSvg(ctx)}
  </div>
</section>
${tables(ctx)}
${leads(ctx, stamp)}
${notesSection(ctx, stamp)}
<footer class="colophon">
  <p>${esc(w.footer)} · ${esc(w.generated)}: ${esc(stamp(report.generatedAt))} · ${esc(w.asOf)}: ${esc(stamp(report.asOf))}</p>
  ${report.statement[lang].audit ? `<p class="colophon__audit" data-testid="audit-head">${esc(report.statement[lang].audit)}</p>` : ''}
</footer>
</main>
</body>
</html>
`;
}

type Align = 'l' | 'r';
/** One column of a table: its heading, its cell, and the number its total adds up. */
export interface Column<T> {
  head: string;
  cell: (row: T) => string;
  align?: Align;
  /** A number to add up in the total row (null: suppressed, so the total is not shown). */
  total?: (row: T) => number | null;
}

/** A table with a heading, as a section of the page; with a total row where asked. */
export function table<T>(
  ctx: Ctx,
  id: string,
  title: string,
  rows: T[],
  columns: Column<T>[],
  withTotal = false,
): string {
  const head = columns
    .map((c) => `<th class="${c.align === 'l' ? 'l' : 'r'}" scope="col">${esc(c.head)}</th>`)
    .join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${columns.map((c) => `<td class="${c.align === 'l' ? 'l' : 'r'}">${c.cell(row)}</td>`).join('')}</tr>`,
    )
    .join('');
  let foot = '';
  if (withTotal && rows.length > 1) {
    const cells = columns.map((c, i) => {
      if (i === 0) return `<th class="l" scope="row">${esc(ctx.w.total)}</th>`;
      if (!c.total) return '<td></td>';
      const values = rows.map((r) => c.total?.(r) ?? null);
      return `<td class="r">${values.some((v) => v === null) ? '–' : ctx.num(values.reduce((a: number, v) => a + (v ?? 0), 0))}</td>`;
    });
    foot = `<tfoot><tr>${cells.join('')}</tr></tfoot>`;
  }
  return `<section class="table-section" aria-labelledby="h-${id}"><h2 id="h-${id}">${esc(title)}</h2><table data-table="${id}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody>${foot}</table></section>`;
}

function tables(ctx: Ctx): string {
  const { report, w, lang, num } = ctx;
  const n = <T>(pick: (row: T) => number | null): Pick<Column<T>, 'cell' | 'total' | 'align'> => ({
    cell: (row) => num(pick(row)),
    total: pick,
    align: 'r',
  });
  const collator = new Intl.Collator(w.locale);
  const byCountry = [...report.tables.byCountry].sort((a, b) =>
    collator.compare(countryName(a.country, lang), countryName(b.country, lang)),
  );
  const used = report.tables.byCategory.filter((r) => (r.platforms ?? 1) > 0);
  return [
    table(
      ctx,
      'by-country',
      w.byCountry,
      byCountry,
      [
        { head: w.columns.country ?? '', cell: (r) => esc(countryName(r.country, lang)), align: 'l' },
        { head: w.columns.participants ?? '', ...n((r) => r.participants) },
        { head: w.columns.platformsChecked ?? '', ...n((r) => r.platformsChecked) },
        { head: w.columns.suspects ?? '', ...n((r) => r.suspects) },
        { head: w.columns.identifiers ?? '', ...n((r) => r.identifiers) },
        { head: w.columns.victims ?? '', ...n((r) => r.victims) },
        { head: w.columns.matches ?? '', ...n((r) => r.matches) },
      ],
      true,
    ),
    table(
      ctx,
      'by-category',
      w.byCategory,
      used,
      [
        { head: w.columns.category ?? '', cell: (r) => esc(w.category[r.category] ?? r.category), align: 'l' },
        { head: w.columns.platforms ?? '', ...n((r) => r.platforms) },
        { head: w.columns.unchecked ?? '', ...n((r) => r.unchecked) },
        { head: w.columns.claimed ?? '', ...n((r) => r.claimed) },
        { head: w.columns.noIndicators ?? '', ...n((r) => r.noIndicators) },
        { head: w.columns.suspected ?? '', ...n((r) => r.suspected) },
        { head: w.columns.confirmed ?? '', ...n((r) => r.confirmed) },
        { head: w.columns.followUp ?? '', ...n((r) => r.followUp) },
      ],
      true,
    ),
    report.tables.byTag.length
      ? table(ctx, 'by-tag', w.byTag, report.tables.byTag, [
          { head: w.columns.tag ?? '', cell: (r) => `<span class="tag">${esc(r.tag)}</span>`, align: 'l' },
          { head: w.columns.platforms ?? '', ...n((r) => r.platforms) },
          { head: w.columns.checked ?? '', ...n((r) => r.checked) },
          { head: w.columns.suspected ?? '', ...n((r) => r.suspected) },
          { head: w.columns.confirmed ?? '', ...n((r) => r.confirmed) },
          { head: w.columns.followUp ?? '', ...n((r) => r.followUp) },
          { head: w.columns.suspects ?? '', ...n((r) => r.suspects) },
          { head: w.columns.identifiers ?? '', ...n((r) => r.identifiers) },
          { head: w.columns.victims ?? '', ...n((r) => r.victims) },
        ])
      : '',
    table(
      ctx,
      'by-exploitation',
      w.byExploitation,
      report.tables.byExploitation,
      [
        {
          head: w.columns.exploitation ?? '',
          cell: (r) => esc(w.exploitation[r.exploitation] ?? r.exploitation),
          align: 'l',
        },
        { head: w.columns.victims ?? '', ...n((r) => r.victims) },
        { head: w.columns.minors ?? '', ...n((r) => r.minors) },
        { head: w.columns.referredPolice ?? '', ...n((r) => r.referredPolice) },
        { head: w.columns.referredNgo ?? '', ...n((r) => r.referredNgo) },
      ],
      true,
    ),
    routeTable(ctx),
    liaisonTable(ctx),
  ].join('\n');
}

function leads(ctx: Ctx, stamp: (iso: string) => string): string {
  const { report, w, lang } = ctx;
  if (!report.leads) return '';
  const platforms = report.leads.platforms.length
    ? `<table data-table="lead-platforms"><thead><tr><th class="l">${esc(w.columns.name)}</th><th class="l">${esc(w.columns.category)}</th><th class="l">${esc(w.columns.verdict)}</th><th class="l">${esc(
        w.columns.responsible,
      )}</th><th class="l">${esc(w.columns.summary)}</th></tr></thead><tbody>${report.leads.platforms
        .map(
          (p) =>
            `<tr><td class="l"><b>${esc(p.name)}</b><br><span class="url">${esc(p.url)}</span></td><td class="l">${esc(w.category[p.category] ?? p.category)}</td><td class="l">${
              p.verdict
                ? `<span class="verdict verdict--${esc(p.verdict)}">${esc(w.verdict[p.verdict] ?? p.verdict)}</span>`
                : ''
            }${p.followUp ? ` <span class="flag">${esc(w.columns.followUp)}</span>` : ''}</td><td class="l">${p.country ? esc(countryName(p.country, lang)) : '–'}</td><td class="l summary">${esc(p.summary ?? '')}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : `<p class="empty">${esc(w.noLeads)}</p>`;
  const hits = report.leads.matches.length
    ? `<table data-table="lead-hits"><thead><tr><th class="l">${esc(w.columns.kind)}</th><th class="l">${esc(w.columns.value)}</th><th class="l">${esc(w.columns.countries)}</th><th class="l">${esc(
        w.columns.platformNames,
      )}</th><th class="l">${esc(w.columns.source)}</th><th class="l">${esc(w.columns.confirmed)}</th></tr></thead><tbody>${report.leads.matches
        .map(
          (h) =>
            `<tr><td class="l">${esc(h.identifierKind)}</td><td class="l mono">${h.value === null ? '<span class="muted">—</span>' : esc(h.value)}</td><td class="l">${esc(
              h.countries.map((c) => countryName(c, lang)).join(', '),
            )}</td><td class="l">${esc(h.platforms.join(', '))}</td><td class="l">${esc(
              [
                `${h.sightings} ${w.source.finding}`,
                ...h.referenceLists.map((l) => `${w.source.reference}: ${l}`),
              ].join('; '),
            )}</td><td class="l">${h.resolvedAt ? esc(stamp(h.resolvedAt)) : ''}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : `<p class="empty">${esc(w.noHits)}</p>`;
  return `<section class="leads" aria-labelledby="h-leads"><h2 id="h-leads">${esc(w.leads)}</h2><h3>${esc(w.leadPlatforms)}</h3>${platforms}<h3>${esc(w.leadHits)}</h3>${hits}</section>`;
}

function notesSection(ctx: Ctx, stamp: (iso: string) => string): string {
  const { report, w } = ctx;
  if (!report.notes || report.notes.length === 0) return '';
  const items = report.notes
    .map(
      (n) =>
        `<article class="note"><h3>${esc(n.kind === 'log' ? w.situationLog : w.noteOn(n.platformName ?? ''))} <span class="muted">· ${esc(stamp(n.updatedAt))}</span></h3><pre class="note__text">${esc(n.text)}</pre></article>`,
    )
    .join('');
  return `<section class="notes" aria-labelledby="h-notes"><h2 id="h-notes">${esc(w.notes)}</h2>${items}</section>`;
}

/** A round axis maximum (1, 2, 5 × 10^n) at or above the value. */
export function niceMax(value: number): number {
  if (value <= 4) return 4;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

const NAVY = '#1d3557';
const ORANGE = '#e07a1f';

function timelineSvg(ctx: Ctx): string {
  const { report, w } = ctx;
  const buckets = report.timeline.buckets;
  const width = 680;
  const height = 230;
  const left = 40;
  const right = 10;
  const top = 28;
  const bottom = 34;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = niceMax(Math.max(1, ...buckets.flatMap((b) => [b.checked ?? 0, b.findings ?? 0])));
  const y = (value: number) => top + plotH - (value / max) * plotH;
  const slot = plotW / Math.max(1, buckets.length);
  const parts: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const value = (max / 4) * i;
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${y(value).toFixed(1)}" y2="${y(value).toFixed(1)}" stroke="#d9dee5" stroke-width="${i === 0 ? 1.2 : 0.6}"/>`,
    );
    parts.push(
      `<text x="${left - 6}" y="${(y(value) + 3.5).toFixed(1)}" text-anchor="end" class="axis">${ctx.num(value)}</text>`,
    );
  }
  const timeZone = report.operation.timeZone;
  const hour = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone, hourCycle: 'h23' });
  const fullHours = buckets
    .map((b, i) => ({ i, label: hour.format(new Date(b.start)) }))
    .filter((h) => h.label.endsWith(':00'));
  const every = Math.max(1, Math.ceil(fullHours.length / 13));
  const bar = Math.max(1, slot * 0.38);
  buckets.forEach((b, i) => {
    const x = left + i * slot + slot * 0.1;
    const title = `${hour.format(new Date(b.start))} — ${w.series.checked}: ${b.checked ?? '<'}, ${w.series.findings}: ${b.findings === null ? `<${report.suppression.below}` : b.findings}`;
    const checked = b.checked ?? 0;
    parts.push(`<g><title>${esc(title)}</title>`);
    if (checked > 0)
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y(checked).toFixed(1)}" width="${bar.toFixed(1)}" height="${(top + plotH - y(checked)).toFixed(1)}" fill="${NAVY}"/>`,
      );
    if (b.findings === null) {
      parts.push(
        `<rect x="${(x + bar).toFixed(1)}" y="${(top + plotH - 4).toFixed(1)}" width="${bar.toFixed(1)}" height="4" fill="url(#hatch)"/>`,
      );
    } else if (b.findings > 0) {
      parts.push(
        `<rect x="${(x + bar).toFixed(1)}" y="${y(b.findings).toFixed(1)}" width="${bar.toFixed(1)}" height="${(top + plotH - y(b.findings)).toFixed(1)}" fill="${ORANGE}"/>`,
      );
    }
    parts.push('</g>');
  });
  fullHours.forEach((h, k) => {
    if (k % every !== 0) return;
    const x = left + h.i * slot;
    parts.push(
      `<line x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${top + plotH}" y2="${top + plotH + 4}" stroke="#8a94a3"/>`,
    );
    parts.push(
      `<text x="${x.toFixed(1)}" y="${top + plotH + 16}" text-anchor="middle" class="axis">${esc(h.label)}</text>`,
    );
  });
  const legend = `<g class="legend"><rect x="${left}" y="6" width="10" height="10" fill="${NAVY}"/><text x="${left + 14}" y="15">${esc(w.series.checked)}</text><rect x="${left + 170}" y="6" width="10" height="10" fill="${ORANGE}"/><text x="${left + 184}" y="15">${esc(w.series.findings)}</text></g>`;
  return `<svg class="svg-chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${esc(w.timeline)}" xmlns="http://www.w3.org/2000/svg"><defs><pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="2" height="4" fill="${ORANGE}"/></pattern></defs>${legend}${parts.join('')}</svg>`;
}

function funnelSvg(ctx: Ctx): string {
  const { report, w } = ctx;
  const steps = (['listed', 'checked', 'withIndicators', 'confirmed', 'followUp'] as const).map((key) => ({
    key,
    label: w.funnelSteps[key] ?? key,
    value: report.funnel[key],
  }));
  const width = 680;
  const rowH = 34;
  const labelW = 190;
  const valueW = 110;
  const height = steps.length * rowH + 8;
  const plotW = width - labelW - valueW;
  const listed = Math.max(1, report.funnel.listed ?? 0);
  const colours = [NAVY, '#2f5d8a', '#c9822b', '#b3261e', '#5b6b7d'];
  const rows = steps.map((s, i) => {
    const value = s.value ?? 0;
    const barW = Math.max(value > 0 ? 2 : 0, (value / listed) * plotW);
    const x = labelW + (plotW - barW) / 2;
    const yTop = 4 + i * rowH;
    const share = report.funnel.listed ? Math.round((value / listed) * 100) : 0;
    return `<g><text x="${labelW - 10}" y="${yTop + rowH / 2 + 4}" text-anchor="end" class="label">${esc(s.label)}</text><rect x="${x.toFixed(1)}" y="${yTop + 4}" width="${barW.toFixed(1)}" height="${rowH - 8}" rx="3" fill="${colours[i]}"/><text x="${labelW + plotW + 10}" y="${
      yTop + rowH / 2 + 4
    }" class="value">${ctx.num(s.value)}<tspan class="share"> · ${share}%</tspan></text></g>`;
  });
  return `<svg class="svg-chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${esc(w.funnel)}" xmlns="http://www.w3.org/2000/svg">${rows.join('')}</svg>`;
}

const styles = `
:root { --ink: #1b2430; --muted: #5b6675; --line: #d9dee5; --navy: ${NAVY}; --accent: ${ORANGE}; --soft: #f3f5f8; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #e9edf2; color: var(--ink); font: 10.5pt/1.45 "Liberation Sans", "DejaVu Sans", Arial, Helvetica, sans-serif; }
.report { max-width: 210mm; margin: 24px auto; background: #fff; padding: 18mm 16mm; box-shadow: 0 2px 12px rgba(0,0,0,.12); }
h1 { font-size: 22pt; line-height: 1.15; margin: 4px 0 8px; color: var(--navy); }
h2 { font-size: 13pt; margin: 0 0 8px; color: var(--navy); border-bottom: 2px solid var(--navy); padding-bottom: 3px; }
h3 { font-size: 11pt; margin: 14px 0 6px; }
section { margin: 0 0 22px; }
.masthead { border-bottom: 4px solid var(--accent); padding-bottom: 10px; margin-bottom: 18px; }
.masthead__kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 8.5pt; color: var(--muted); font-weight: bold; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.masthead__meta { margin: 2px 0; color: var(--muted); font-size: 9.5pt; }
.badge { display: inline-block; border: 1px solid var(--navy); color: var(--navy); border-radius: 3px; padding: 1px 6px; font-size: 7.5pt; letter-spacing: .05em; }
.badge--warn { border-color: #b35c00; color: #fff; background: #b35c00; }
.badge--public { border-color: #2d6a4f; color: #2d6a4f; }
.notice { border-left: 4px solid var(--navy); background: var(--soft); padding: 6px 10px; margin: 0 0 14px; font-size: 9.5pt; }
.notice--warn { border-color: #b35c00; background: #fff4e5; }
.cards { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8px; }
.card { border: 1px solid var(--line); border-top: 4px solid var(--navy); border-radius: 3px; padding: 8px 10px; break-inside: avoid; }
.card__value { font-size: 24pt; font-weight: bold; color: var(--navy); line-height: 1.1; }
.card__label { font-size: 9.5pt; font-weight: bold; margin-top: 2px; }
.card__joiner { font-size: 8.5pt; color: var(--muted); margin-top: 4px; }
.card__breakdowns { list-style: none; margin: 0; padding: 0; font-size: 9pt; }
.card__breakdowns b { color: var(--accent); }
.statement__lines { margin: 0; padding: 10px 14px 10px 28px; background: var(--soft); border-radius: 3px; }
.statement__lines li { margin: 3px 0; }
.charts .chart { margin-bottom: 16px; break-inside: avoid; }
.caption { margin: -4px 0 4px; color: var(--muted); font-size: 9pt; }
.svg-chart { display: block; font-family: inherit; }
.svg-chart .axis { font-size: 9px; fill: var(--muted); }
.svg-chart .legend text { font-size: 10px; fill: var(--ink); }
.svg-chart .label { font-size: 11px; fill: var(--ink); }
.svg-chart .value { font-size: 11px; font-weight: bold; fill: var(--ink); }
.svg-chart .share { font-weight: normal; fill: var(--muted); }
table { width: 100%; border-collapse: collapse; font-size: 9pt; }
th, td { padding: 3px 6px; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { background: var(--navy); color: #fff; font-weight: bold; border-bottom: 0; }
tbody tr:nth-child(even) td { background: var(--soft); }
tfoot th, tfoot td { font-weight: bold; border-top: 2px solid var(--navy); border-bottom: 0; }
.l { text-align: left; } .r { text-align: right; font-variant-numeric: tabular-nums; }
.tag { display: inline-block; background: var(--soft); border: 1px solid var(--line); border-radius: 3px; padding: 0 5px; }
.url, .mono { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 8pt; color: var(--muted); word-break: break-all; }
[data-table="lead-platforms"] td:first-child { width: 32%; }
[data-table="lead-platforms"] td.summary { width: 34%; }
[data-table="lead-hits"] td:nth-child(2) { width: 26%; }
.verdict { font-weight: bold; } .verdict--confirmed { color: #b3261e; } .verdict--suspected { color: #b35c00; }
.flag { display: inline-block; font-size: 7.5pt; border: 1px solid var(--navy); border-radius: 3px; padding: 0 4px; }
.muted { color: var(--muted); }
.empty { color: var(--muted); font-style: italic; }
.note { break-inside: avoid; margin-bottom: 10px; }
.note__text { white-space: pre-wrap; font: 9pt/1.4 inherit; font-family: inherit; background: var(--soft); padding: 8px 10px; margin: 0; border-radius: 3px; }
.colophon { border-top: 1px solid var(--line); margin-top: 24px; padding-top: 6px; color: var(--muted); font-size: 8pt; }
.colophon__audit { overflow-wrap: anywhere; }
@media (max-width: 720px) { .report { padding: 16px; margin: 0; } .cards { grid-template-columns: 1fr 1fr; } }
@page { size: A4; margin: 14mm 13mm 16mm; }
@media print {
  body { background: #fff; }
  .report { margin: 0; padding: 0; box-shadow: none; max-width: none; }
  h2, h3 { break-after: avoid; }
  tr, .card, .note, .chart { break-inside: avoid; }
  thead { display: table-header-group; }
  .table-section { break-inside: auto; }
}
`;
