import type { Tally } from '@actionday/shared';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Area,
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  LabelList,
  Legend,
  Line,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import { useFormat } from '../../app/format';
import type { TimelineChartProps } from './TimelineChart';
import { fillTimeline } from './dashboard.logic';
import { checkedByCountry, cumulative } from './wall.logic';
import styles from './WallCharts.module.css';

/** Chart text in pixels for this screen (recharts wants numbers): about the wall's small type. */
function useChartFont(): number {
  const [width, setWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return Math.max(12, Math.round(width * 0.0105));
}

const axis = (font: number) => ({ fill: 'var(--wall-dim)', fontSize: font, fontWeight: 700 });

/**
 * How the day grew: platforms checked and findings logged so far, at the end
 * of each quarter of an hour from the start of the day to now (times in the
 * operation's zone). Asked again as the tallies move.
 */
export function ProgressOverTime({ timeline, startsAt, endsAt, timeZone, now }: TimelineChartProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const font = useChartFont();
  const data = useMemo(
    () => cumulative(fillTimeline(timeline, startsAt, endsAt, now)),
    [timeline, startsAt, endsAt, now],
  );
  const last = data.at(-1);
  return (
    <figure className={styles.chart} data-testid="wall-progress-chart" data-points={data.length}>
      <figcaption className={styles.title}>
        {t('wall.progressTitle')} <span className={styles.zone}>{format.zoneLabel(timeZone)}</span>
      </figcaption>
      <div className={styles.plot} aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart
            data={data}
            margin={{ top: font / 2, right: font / 2, bottom: 0, left: 0 }}
            accessibilityLayer={false}
          >
            <CartesianGrid strokeDasharray="4 4" vertical={false} stroke="var(--wall-line)" />
            <XAxis
              dataKey="start"
              tickFormatter={(iso: string) => format.clock(iso, timeZone)}
              minTickGap={font * 3}
              tick={axis(font)}
              stroke="var(--wall-line)"
            />
            <YAxis
              yAxisId="checked"
              allowDecimals={false}
              tick={axis(font)}
              width={font * 3}
              stroke="var(--wall-line)"
            />
            <YAxis
              yAxisId="findings"
              orientation="right"
              allowDecimals={false}
              tick={axis(font)}
              width={font * 3}
              stroke="var(--wall-line)"
            />
            <Legend wrapperStyle={{ fontSize: font, fontWeight: 700, color: 'var(--wall-fg)' }} />
            <Area
              yAxisId="checked"
              type="stepAfter"
              dataKey="checked"
              name={t('wall.platformsChecked')}
              stroke="var(--wall-checked)"
              strokeWidth={3}
              fill="var(--wall-checked)"
              fillOpacity={0.25}
              isAnimationActive={false}
            />
            <Line
              yAxisId="findings"
              type="stepAfter"
              dataKey="findings"
              name={t('wall.findingsLogged')}
              stroke="var(--wall-accent)"
              strokeWidth={4}
              dot={false}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      {/* what the chart says, for a screen reader and a test */}
      <p className="visually-hidden" data-testid="wall-progress-summary">
        {t('wall.progressSummary', {
          checked: format.number(last?.checked ?? 0),
          findings: format.number(last?.findings ?? 0),
        })}
      </p>
    </figure>
  );
}

/** Platforms checked per country, the most first, with the number on each bar. */
export function CheckedByCountry({ byCountry }: { byCountry: Tally['byCountry'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const font = useChartFont();
  const data = useMemo(() => checkedByCountry(byCountry), [byCountry]);
  return (
    <figure className={styles.chart} data-testid="wall-country-chart" data-countries={data.length}>
      <figcaption className={styles.title}>{t('wall.byCountryTitle')}</figcaption>
      {data.length === 0 ? (
        <p className={styles.empty}>{t('wall.nothingChecked')}</p>
      ) : (
        <div className={styles.plot} aria-hidden="true">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart
              data={data}
              margin={{ top: font * 1.4, right: 0, bottom: 0, left: 0 }}
              barCategoryGap="18%"
              accessibilityLayer={false}
            >
              <XAxis dataKey="country" interval={0} tick={axis(font)} stroke="var(--wall-line)" />
              <YAxis hide allowDecimals={false} />
              <Bar dataKey="checked" fill="var(--wall-checked)" isAnimationActive={false}>
                <LabelList dataKey="checked" position="top" fill="var(--wall-fg)" fontSize={font} fontWeight={800} />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      <ul className="visually-hidden">
        {data.map((row) => (
          <li key={row.country} data-testid="wall-country-bar" data-country={row.country} data-value={row.checked}>
            {format.country(row.country)}: {format.number(row.checked)}
          </li>
        ))}
      </ul>
    </figure>
  );
}
