/** The audit trail's public surface: every module records its changes and reads through these. */
export { sealAuditLog } from './audit.integrate.js';
export { HEAD_KEY_FILE, existingHeadSigner, headSigner } from './audit.keys.js';
export { anchoredHead } from './audit.tree.js';
export { installAuditSequencer } from './audit.sequencer.js';
export {
  type AuditEntry,
  type AuditRow,
  auditedStatement,
  listAuditRows,
  recentAuditEvents,
  recordAudit,
} from './audit.service.js';
export { verifyAuditLog } from './audit.verify.js';
