/**
 * What other modules may use of src/review (the review of a project: dimensions, experts, certificates):
 * the review dimensions, the tables projects, workflow, evaluation and the workbench read, the
 * expert identity envelopes projects opens (SECURITY.md 30; expert-identity.ts), and the
 * routes' matrix rows (REVIEW_ACCESS, pure data, composed by src/access/matrix.ts). Not here:
 * the routes plugin and filingDecision (src/app.ts imports routes.ts and issue.ts itself: both reach
 * projects/index.ts, so re-exporting them would put projects on an import cycle through this file).
 * Other modules' tables files (foreign keys) and src/platform/db/schema.ts read tables.ts directly
 * (docs/decisions/0009-tables-surface.md).
 */
export { REVIEW_ACCESS } from './access.ts';
export { REVIEW_DIMENSION_LABELS, REVIEW_DIMENSIONS } from './certificate.ts';
export { encryptLegacyExpertIdentities } from './commands/encrypt-legacy-expert-identities.ts';
export { expertIndex, revealAssignedExpert } from './expert-identity.ts';
export {
  departmentAssessments,
  expertProfiles,
  projectCertificates,
  projectExpertAssignments,
  projectReviews,
} from './tables.ts';
