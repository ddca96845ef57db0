import type { Actor } from '../platform/actor.ts';
import { applicantTurn, editorRole, stepRole } from '../workflow/index.ts';
import { storedActions } from './bundle.ts';
import type { ProjectContext, Relation } from './repository.ts';
import { isApplicantStage, reviewStep, stepInfo, withdrawTarget } from './workflow-state.ts';

export interface Permissions {
  canEdit: boolean;
  canSubmit: boolean;
  canWithdraw: boolean;
  canSeeReview: boolean;
  canReview: boolean;
  canAssignExperts: boolean;
  canGiveExpertOpinion: boolean;
}

export function permissionsOf(actor: Actor, pc: ProjectContext, relation: Relation): Permissions {
  const applicantOpen = applicantTurn(pc);
  const editing = applicantOpen && editorRole(actor, pc) !== undefined;
  const firstApplicantStep = pc.evaluation.steps.find(
    (s) => s.status === 'open' && isApplicantStage(stepInfo(pc.rulebook, s.stepId)?.stage ?? 'operation'),
  );
  const canSubmit =
    firstApplicantStep !== undefined &&
    stepRole(actor, pc, stepInfo(pc.rulebook, firstApplicantStep.stepId)!.step) !== undefined;
  const target = withdrawTarget(storedActions(pc.bundle.actions), actor.userId);
  const review = reviewStep(pc.rulebook);
  const reviewOpen = review
    ? pc.evaluation.steps.find((s) => s.stepId === review.id)?.status === 'open'
    : false;
  const reviewer = review ? stepRole(actor, pc, review) !== undefined : false;
  return {
    canEdit: editing,
    canSubmit,
    canWithdraw: target !== null,
    canSeeReview: relation.parties.size > 0,
    canReview: reviewOpen && reviewer,
    canAssignExperts: reviewOpen && reviewer,
    canGiveExpertOpinion: reviewOpen && relation.assignment !== null,
  };
}
