/**
 * The five-dimension review (DT-09b, SC-11a, XZ-10a) and its helpers: the reviewer's scores and
 * opinions (SC: with an opinion on the 信息资源共享分析篇, SC-09a). Experts and their opinions are
 * assign-expert.ts and give-expert-opinion.ts, the pool and yearly assessments register-expert.ts and
 * record-assessment.ts. This file holds what the commands of this folder (one per file) share,
 * with the caller's authority-side assignment, which also scopes the pool's reads.
 */

import type { Actor } from '../../platform/actor.ts';
import { conflict, forbidden } from '../../platform/errors.ts';
import { type ProjectContext, reviewStep, submissionStep } from '../../projects/index.ts';
import type { Step } from '../../rules/index.ts';
import { stepRole } from '../../workflow/index.ts';

export function openReviewStep(pc: ProjectContext): Step {
  const step = reviewStep(pc.rulebook);
  if (!step) throw conflict('NO_REVIEW_STEP', '该规则集没有五个方面的合理性审核环节');
  if (pc.evaluation.steps.find((s) => s.stepId === step.id)?.status !== 'open') {
    throw conflict('REVIEW_NOT_OPEN', `“${step.name}”当前不在办理中`);
  }
  return step;
}

/**
 * The open step whose generic third-party actor is commissioned on the project (DT 第十四条: the
 * budget review), as seen by its commissioning body: the step with the commissioner as actor.
 */
export function openCommissionedStep(pc: ProjectContext): Step | undefined {
  for (const stage of pc.rulebook.workflow.stages) {
    for (const step of stage.steps) {
      if (!step.commissionedBy) continue;
      if (pc.evaluation.steps.find((s) => s.stepId === step.id)?.status !== 'open') continue;
      return { ...step, actor: step.commissionedBy };
    }
  }
  return undefined;
}

export function requireReviewer(actor: Actor, pc: ProjectContext, step: Step) {
  const role = stepRole(actor, pc, step);
  if (!role) throw forbidden(`只有“${step.name}”的办理人可以填写审核意见或指派专家`, 'STEP_ACTOR_MISMATCH');
  // Nobody reviews or scores a project they created or submitted (issue 9 item 6).
  const submission = submissionStep(pc.rulebook)?.id;
  const ownWork =
    pc.bundle.project.createdBy === actor.userId ||
    pc.bundle.actions.some(
      (a) => a.kind === 'step' && a.stepId === submission && a.actorUserId === actor.userId,
    );
  if (ownWork) throw forbidden('不得审核或评分本人编制、提交的申请', 'SELF_APPROVAL');
  return role;
}

/** The caller's authority-side assignment (reviewer or leader), which scopes the pool and assessments. */
export function authorityAssignment(actor: Actor) {
  const found = actor.assignments.find(
    (a) => a.role === 'authority_reviewer' || a.role === 'authority_leader',
  );
  if (!found) throw forbidden('只有主管部门可以维护专家库和年度考核结果', 'NOT_AUTHORITY');
  return found;
}
