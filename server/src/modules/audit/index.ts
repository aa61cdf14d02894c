/** The audit trail's public surface: every module records its changes and reads through these. */
export {
  type AuditEntry,
  type AuditRow,
  listAuditRows,
  recentAuditEvents,
  recordAudit,
  verifyAuditChain,
} from './audit.service.js';
