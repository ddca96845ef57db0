/**
 * What other modules and the operator's scripts may use of src/audit (reading, verifying, exporting
 * and archiving the audit log): the routes plugin and the checkpoint writer src/app.ts starts, its
 * matrix rows (AUDIT_ACCESS, composed by src/access/matrix.ts), and what scripts/audit-verify.ts and
 * scripts/audit-archive.ts run outside the app.
 */
export { AUDIT_ACCESS } from './access.ts';
export { checkpointWriter } from './anchor.ts';
export { ArchiveError, verifyAuditArchive } from './archive.ts';
export { archiveAuditEvents } from './commands/archive.ts';
export { AUDIT_EXPORT_RATE_PER_MINUTE } from './export.ts';
export { verifyAuditChain } from './queries/verify-chain.ts';
export { registerAuditRoutes } from './routes.ts';
