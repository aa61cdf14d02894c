/** Evidence files: what other modules may use of them. */
export { evidenceProjections } from './evidence.events.js';
export { evidenceRoutes } from './evidence.routes.js';
export {
  type EvidenceRow,
  type LinkedFinding,
  evidenceCountSource,
  evidencePerCountry,
  liveEvidence,
  readEvidenceText,
  toEvidence,
  visibleEvidence,
} from './evidence.service.js';
export { checkStoredEvidence, startEvidenceChecks } from './evidence.integrity.js';
export {
  type CapturedContext,
  type MadeFile,
  type SealedFile,
  discardMadeFiles,
  recordMadeEvidence,
  sealMadeFiles,
} from './evidence.captured.js';
export { evidenceSight, linkedFindings } from './evidence.service.js';
