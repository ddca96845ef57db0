/**
 * The catalogue of auditable events (SECURITY.md 19) for the server: every write names one of these
 * actions. The one definition is shared/audit-actions.ts (pure data, which the web's audit page reads too).
 */
export {
  AUDIT_ACTIONS,
  type AuditAction,
  type AuditOutcome,
  auditActionName,
} from '../../../shared/audit-actions.ts';
