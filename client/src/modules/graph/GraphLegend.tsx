import { useTranslation } from 'react-i18next';
import { kindColours, nodeKinds } from './graph.style';
import styles from './GraphPage.module.css';

/** What each colour stands for, with the count of each kind on the chart now. */
export function GraphLegend({ counts }: { counts: Readonly<Record<string, number>> }) {
  const { t } = useTranslation();
  return (
    <ul className={styles.legend} aria-label={t('graph.legend')} data-testid="graph-legend">
      {nodeKinds.map((kind) => (
        <li key={kind} className={styles.legendItem}>
          <span className={styles.swatch} style={{ background: kindColours[kind] }} aria-hidden="true" />
          {t(`graph.kind.${kind}`)} <span className="muted">{counts[kind] ?? 0}</span>
        </li>
      ))}
    </ul>
  );
}
