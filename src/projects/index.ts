/**
 * What other modules may use of src/projects (every module imports it only from here): the project
 * context and visibility, its tables, bundle, parties and actors, its model and labels (plans too),
 * workflow state read from the rulebook, the request and response schemas, the expert identity
 * envelope, and its matrix rows (PROJECT_ACCESS, composed by src/access/matrix.ts). Only the tables
 * files of other modules and src/platform/db/schema.ts read tables.ts directly (foreign keys; the
 * table-only surface, docs/decisions/0009-tables-surface.md).
 */
export { PROJECT_ACCESS } from './access.ts';
export {
  actingRoles,
  actorLabel,
  bindAll,
  bindNamedOrganisation,
  type Directory,
  jurisdictionChain,
  jurisdictionSubtree,
  normaliseOrgName,
  organisationsFor,
} from './actors.ts';
export {
  type ActionRow,
  type CertificateRow,
  loadBundle,
  parties,
  providedMaterials,
  storedActions,
} from './bundle.ts';
export { ARRIVAL_KINDS, workdaysKnown, workPathOf } from './deadlines.ts';
export { directoryOf, loadDirectory, loadWorkflowEnv, type WorkflowEnv } from './env.ts';
export type { FileStore } from './files.ts';
export {
  ACTION_KINDS,
  ASSESSMENT_GRADES,
  ASSIGNMENT_KINDS,
  EXPERT_CONCLUSIONS,
  EXPERT_FIELD_CODES,
  EXPERT_FIELDS,
  ISSUED_DOCUMENTS,
  labelOf,
  PLAN_DECISIONS,
  PLAN_KIND_CODES,
  PLAN_KINDS,
  PLAN_SCOPES,
  PLAN_STATUS_CODES,
  PLAN_STATUSES,
  type PlanKind,
  type PlanScope,
  PROJECT_STATE_CODES,
  PROJECT_STATES,
  PROJECT_TYPES,
} from './model.ts';
export { roleHolders } from './queries/role-holders.ts';
export {
  bindingsFor,
  visibilityPredicate,
  visibleIdsIn,
  visibleProjectIds,
  visibleProjectsWhere,
} from './queries/visibility.ts';
export {
  heldRoles,
  type ProjectContext,
  projectContext,
  type Relation,
  visibleContext,
} from './repository.ts';
export { Colleagues, Created, ProjectDetail } from './responses.ts';
export {
  AssessmentBody,
  AssessmentQuery,
  AssignExpertBody,
  CommentBody,
  CreatePlanBody,
  DecisionBody,
  type DecisionInput,
  DownloadQuery,
  ExpertOpinionBody,
  ExpertProfileBody,
  FileDownload,
  FindingBody,
  type FindingInput,
  JurisdictionQuery,
  PlanDecisionBody,
  PlanEntriesQuery,
  PlanEntryBody,
  PlanEntryParams,
  ProjectParams,
  ReassignBody,
  ReturnBody,
  ReviewBody,
  type ReviewInput,
  StepParams,
  UpdatePlanBody,
  UrgeBody,
  WithdrawBody,
  Yuan,
} from './schemas.ts';
export {
  type PlanDecisionRecord,
  planEntries,
  plans,
  projectActions,
  projectBudgetYears,
  projectMaterials,
  projectStepHolders,
  projectSystems,
  projects,
} from './tables.ts';
export {
  BUDGET_EVENTS,
  isApplicantStage,
  isEstablishmentStage,
  openStepIds,
  projectState,
  RECORDED_EVENTS,
  type ReturnMode,
  requiresSharingOpinion,
  returnTarget,
  reviewStep,
  rulebookEvents,
  type StepInfo,
  stepInfo,
  stepsOf,
  submissionStep,
  withdrawTarget,
} from './workflow-state.ts';
