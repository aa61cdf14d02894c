import type { Platform } from '@actionday/shared';
import { CapturePanel } from '../modules/captures/CapturePanel';
import { EvidencePanel } from '../modules/evidence/EvidencePanel';
import type { OperationDetail } from '../modules/operations/operations.api';
import { FindingsPanel } from '../modules/findings/FindingsPanel';
import { LiaisonPanel } from '../modules/liaison/LiaisonPanel';
import { PlatformNote } from '../modules/notes/PlatformNote';
import styles from './PlatformPanels.module.css';

/** What the findings, captures, evidence, liaison and notes modules show inside an open platform's detail (nothing for observers). */
export function PlatformPanels({ operation, platform }: { operation: OperationDetail; platform: Platform }) {
  return (
    <div className={styles.panels}>
      <FindingsPanel operation={operation} platform={platform} />
      <CapturePanel operation={operation} platform={platform} />
      <EvidencePanel operation={operation} platform={platform} />
      <LiaisonPanel operation={operation} platform={platform} />
      <PlatformNote operation={operation} platform={platform} />
    </div>
  );
}
