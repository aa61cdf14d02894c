import type { Platform } from '@actionday/shared';
import { EvidencePanel } from '../evidence/EvidencePanel';
import type { OperationDetail } from '../operations/operations.api';
import { FindingsPanel } from './FindingsPanel';
import styles from './FindingsPanel.module.css';

/** What the findings and evidence modules show inside an open platform's detail (nothing for observers). */
export function PlatformPanels({ operation, platform }: { operation: OperationDetail; platform: Platform }) {
  return (
    <div className={styles.panels}>
      <FindingsPanel operation={operation} platform={platform} />
      <EvidencePanel operation={operation} platform={platform} />
    </div>
  );
}
