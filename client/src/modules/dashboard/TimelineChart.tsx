import type { Timeline } from '@actionday/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '../../app/format';
import { fillTimeline } from './dashboard.logic';
import styles from './TimelineChart.module.css';

/** What a chart of the day's timeline is drawn from (also the wall's progress over time). */
export interface TimelineChartProps {
  timeline: Timeline;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  now: number;
}

/** Findings logged and verdicts given per 15 minutes of the day, times in the operation's zone. */
export function TimelineChart({ timeline, startsAt, endsAt, timeZone, now }: TimelineChartProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const data = useMemo(() => fillTimeline(timeline, startsAt, endsAt, now), [timeline, startsAt, endsAt, now]);
  const totals = data.reduce(
    (sum, point) => ({ findings: sum.findings + point.findings, checked: sum.checked + point.checked }),
    { findings: 0, checked: 0 },
  );
  const label = (iso: string) => format.clock(iso, timeZone);

  if (data.length === 0) return <p className="muted">{t('dashboard.timeline.empty')}</p>;
  return (
    <figure className={styles.timeline} data-testid="timeline">
      <div aria-hidden="true">
        <ResponsiveContainer width="100%" height={260}>
          <BarChart
            data={data}
            margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
            barCategoryGap="15%"
            accessibilityLayer={false}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--border)" />
            <XAxis dataKey="start" tickFormatter={label} minTickGap={24} tick={{ fill: 'var(--text)', fontSize: 13 }} />
            <YAxis allowDecimals={false} tick={{ fill: 'var(--text)', fontSize: 13 }} />
            <Tooltip labelFormatter={(value) => (typeof value === 'string' ? label(value) : String(value))} />
            <Legend wrapperStyle={{ fontSize: 14 }} />
            <Bar
              dataKey="findings"
              name={t('dashboard.timeline.findings')}
              fill="var(--primary)"
              isAnimationActive={false}
            />
            <Bar
              dataKey="checked"
              name={t('dashboard.timeline.verdicts')}
              fill="var(--checked-line)"
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className={`${styles.caption} muted`}>
        {t('dashboard.timeline.caption', { count: timeline.bucketMinutes, zone: format.zoneLabel(timeZone) })}{' '}
        {t('dashboard.timeline.totalFindings', { count: totals.findings })}{' '}
        {t('dashboard.timeline.totalVerdicts', { count: totals.checked })}
      </figcaption>
    </figure>
  );
}
