import type { Report } from '@actionday/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { cx } from '../../app/ui/cx';
import styles from './ReportCharts.module.css';

/** A round axis maximum (1, 2, 2.5, 5 × 10^n) at or above the value. */
function niceMax(value: number): number {
  if (value <= 4) return 4;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** Platforms checked and findings per bucket, as bars; suppressed buckets as a hatched stub. */
export function TimelineChart({ report }: { report: Report }) {
  const { t } = useTranslation();
  const format = useFormat();
  const buckets = report.timeline.buckets;
  const width = 720;
  const height = 220;
  const left = 40;
  const top = 26;
  const bottom = 30;
  const plotW = width - left - 8;
  const plotH = height - top - bottom;
  const max = niceMax(Math.max(1, ...buckets.flatMap((b) => [b.checked ?? 0, b.findings ?? 0])));
  const y = (value: number) => top + plotH - (value / max) * plotH;
  const slot = plotW / Math.max(1, buckets.length);
  const bar = Math.max(1, slot * 0.38);
  const hours = buckets
    .map((b, i) => ({ i, label: format.time(b.start, report.operation.timeZone) }))
    .filter((h) => /[:.]00$/.test(h.label));
  const every = Math.max(1, Math.ceil(hours.length / 12));
  return (
    <svg
      className={styles.chart}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={t('reports.timeline')}
      data-testid="timeline-chart"
    >
      <defs>
        <pattern id="report-hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="2" height="4" className={styles.findings} />
        </pattern>
      </defs>
      <rect x={left} y={4} width={10} height={10} className={styles.checked} />
      <text x={left + 14} y={13} className={styles.legend}>
        {t('reports.seriesChecked')}
      </text>
      <rect x={left + 180} y={4} width={10} height={10} className={styles.findings} />
      <text x={left + 194} y={13} className={styles.legend}>
        {t('reports.seriesFindings')}
      </text>
      {[0, 1, 2, 3, 4].map((i) => (
        <g key={i}>
          <line x1={left} x2={width - 8} y1={y((max / 4) * i)} y2={y((max / 4) * i)} className={styles.grid} />
          <text x={left - 6} y={y((max / 4) * i) + 4} textAnchor="end" className={styles.axis}>
            {format.number((max / 4) * i)}
          </text>
        </g>
      ))}
      {buckets.map((b, i) => {
        const x = left + i * slot + slot * 0.1;
        const checked = b.checked ?? 0;
        return (
          <g key={b.start}>
            <title>{`${format.time(b.start, report.operation.timeZone)} · ${t('reports.seriesChecked')}: ${checked} · ${t('reports.seriesFindings')}: ${b.findings ?? `<${report.suppression.below}`}`}</title>
            {checked > 0 && (
              <rect x={x} y={y(checked)} width={bar} height={top + plotH - y(checked)} className={styles.checked} />
            )}
            {b.findings === null ? (
              <rect x={x + bar} y={top + plotH - 4} width={bar} height={4} fill="url(#report-hatch)" />
            ) : (
              b.findings > 0 && (
                <rect
                  x={x + bar}
                  y={y(b.findings)}
                  width={bar}
                  height={top + plotH - y(b.findings)}
                  className={styles.findings}
                />
              )
            )}
          </g>
        );
      })}
      {hours
        .filter((_, k) => k % every === 0)
        .map((h) => (
          <text key={h.i} x={left + h.i * slot} y={height - 10} textAnchor="middle" className={styles.axis}>
            {h.label}
          </text>
        ))}
    </svg>
  );
}

const steps = ['listed', 'checked', 'withIndicators', 'confirmed', 'followUp'] as const;

/** The verdict funnel: from the list to confirmed involvement, with shares of the list. */
export function FunnelChart({ report }: { report: Report }) {
  const { t } = useTranslation();
  const format = useFormat();
  const listed = Math.max(1, report.funnel.listed ?? 0);
  return (
    <ol className={styles.funnel} aria-label={t('reports.funnel')}>
      {steps.map((step) => {
        const value = report.funnel[step] ?? 0;
        const share = Math.round((value / listed) * 100);
        return (
          <li key={step} className={cx(styles.step, styles[step])}>
            <span className={styles.label}>{t(`reports.funnelStep.${step}`)}</span>
            <span className={styles.track}>
              <span className={styles.bar} style={{ width: `${Math.max(value > 0 ? 1 : 0, share)}%` }} />
            </span>
            <span className={styles.value}>
              {format.number(value)} <span className="muted">· {share}%</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
