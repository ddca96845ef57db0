/**
 * What other modules may use of src/projects (the review imports it only from here): the project
 * context and visibility, its model and labels, workflow state read from the rulebook, the request
 * schemas, and the expert identity envelope.
 */
export { jurisdictionChain, jurisdictionSubtree } from './actors.ts';
export type { CertificateRow } from './bundle.ts';
export { loadDirectory, loadWorkflowEnv, type WorkflowEnv } from './env.ts';
export { assignedExpertDetails, expertIdentityColumns, expertUserId } from './expert-identity.ts';
export {
  ASSESSMENT_GRADES,
  ASSIGNMENT_KINDS,
  EXPERT_CONCLUSIONS,
  EXPERT_FIELD_CODES,
  EXPERT_FIELDS,
  ISSUED_DOCUMENTS,
  labelOf,
  PROJECT_TYPES,
} from './model.ts';
export { type ProjectContext, visibleContext } from './repository.ts';
export { Created } from './responses.ts';
export {
  AssessmentBody,
  AssessmentQuery,
  AssignExpertBody,
  DownloadQuery,
  ExpertOpinionBody,
  ExpertProfileBody,
  FileDownload,
  JurisdictionQuery,
  Literals,
  Nullable,
  ProjectParams,
  ReviewBody,
  type ReviewInput,
  strict,
  Uuid,
} from './schemas.ts';
export { requiresSharingOpinion, reviewStep, stepsOf, submissionStep } from './workflow-state.ts';
