/**
 * What other modules may use of src/audit (reading, verifying, exporting and archiving the audit log):
 * the routes plugin and the checkpoint writer src/app.ts starts, and its matrix rows (AUDIT_ACCESS,
 * composed by src/access/matrix.ts).
 */
export { AUDIT_ACCESS } from './access.ts';
export { checkpointWriter } from './anchor.ts';
export { registerAuditRoutes } from './routes.ts';
