/**
 * The workflow verbs on a project's steps (src/workflow/README.md): what other modules may use.
 * Nothing outside src/workflow imports its files directly. WORKFLOW_ACCESS (the verbs' matrix rows)
 * is composed by src/access/matrix.ts.
 */
export { WORKFLOW_ACCESS } from './access.ts';
export { actionSignedContent, insertAction, type NewAction } from './actions.ts';
export {
  applicantTurn,
  editorRole,
  isParty,
  requireInScope,
  requireStepActor,
  stepRole,
} from './actors.ts';
export { type DecisionResult, decideStep } from './commands/decide.ts';
export { recordStepEvent, type StepRecord } from './commands/record-step-event.ts';
export { lastSubmission, refreshProject, releaseHolders, throwProblems } from './context.ts';
export type { ProjectDeps, ReviewGate, SubmissionHook } from './deps.ts';
export { type ProjectScope, projectCommand } from './project-command.ts';
export { registerWorkflowRoutes } from './routes.ts';
export {
  type StepDecidedEffect,
  type StepDecidedHandler,
  type StepDecidedRegistry,
  type StepDecision,
  stepDecidedRegistry,
} from './step-decided.ts';
export {
  type StepEvent,
  type StepEventHandler,
  type StepEventRegistry,
  stepEventRegistry,
} from './step-events.ts';
