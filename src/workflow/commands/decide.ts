/**
 * 办理: records the outcome of a review or approval step (审核, 同意, 备案, 立项 …) and of the steps
 * after 立项 that no module records itself. The handlers registered for the step's action
 * (`onStepDecided`, src/workflow/step-decided.ts) and those registered for the outcome's event
 * (`onStepEvent`, src/workflow/step-events.ts) run in the same transaction.
 */

import { filingNoticeKind, isFilingStep, notify, usersOfOrganisations } from '../../notifications/index.ts';
import { syncDeadlines } from '../../obligations/index.ts';
import type { AuditAction } from '../../platform/audit-log/events.ts';
import type { CommandContext } from '../../platform/command.ts';
import { conflict, forbidden, invalid, refused } from '../../platform/errors.ts';
import {
  BUDGET_EVENTS,
  type DecisionInput,
  isApplicantStage,
  isEstablishmentStage,
  type ProjectContext,
  providedMaterials,
  RECORDED_EVENTS,
  reviewStep,
  submissionStep,
  type WorkflowEnv,
} from '../../projects/index.ts';
import type { RoleCode, Step } from '../../rules/index.ts';
import { sharingOpinionArticle } from '../../rules/index.ts';
import { insertAction } from '../actions.ts';
import { requireStepActor } from '../actors.ts';
import { lastSubmission, lookupAnyStep, releaseHolders, throwProblems } from '../context.ts';
import type { ProjectDeps } from '../deps.ts';
import { projectCommand } from '../project-command.ts';
import { runStepEventHandlers } from '../step-events.ts';

export interface DecisionResult {
  replayed: boolean;
}

/**
 * Checks, in order: the caller is the step's actor (role + organisation, or the 转办 holder), is not
 * the submitter, the rulebook's gates and materials for the normal outcome, and that the step is
 * still open. An `Idempotency-Key` already recorded replays without a change.
 */
export async function decideStep(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  id: string,
  stepId: string,
  input: DecisionInput,
  idempotencyKey: string | null,
): Promise<DecisionResult> {
  let replayed = false;
  const auditAction: AuditAction = stepId.includes('.review.') ? 'review.decide' : 'approval.decide';
  await projectCommand(
    deps,
    ctx,
    env,
    id,
    { action: auditAction, objectType: 'project', objectId: id, details: { stepId, outcome: input.outcome } },
    async ({ tx, actor, pc, audit, actingAs, unchanged }) => {
      if (idempotencyKey && pc.bundle.actions.some((a) => a.idempotencyKey === idempotencyKey)) {
        replayed = true;
        audit.details = { stepId, replayed: true };
        unchanged();
        return;
      }
      const { step, stage } = lookupAnyStep(pc, stepId);
      if (isApplicantStage(stage)) throw conflict('USE_SUBMIT', '申报步骤请通过“提交申请”办理');
      if (!isEstablishmentStage(stage)) audit.action = 'step.decide';
      const role = requireStepActor(actor, pc, step);
      actingAs(role, { jurisdiction: true });
      const submitted = lastSubmission(pc);
      // The applicant continuing its own work after 立项 (the step's actor is the submitting body) is
      // not approving its own application.
      const applicant = submissionStep(pc.rulebook)?.actor;
      const ownWork = applicant?.org === step.actor.org && applicant?.role === step.actor.role;
      if (!ownWork && submitted?.actorUserId === actor.userId) {
        throw forbidden('不得审核或审批本人提交的申请', 'SELF_APPROVAL');
      }
      const outcome = step.outcomes.find((o) => o.event === input.outcome);
      if (!outcome) {
        throw invalid('OUTCOME_UNKNOWN', `“${step.name}”没有此办理结果`, { field: 'outcome' });
      }
      if (RECORDED_EVENTS.includes(outcome.event)) {
        throw conflict(
          'RECORDED_BY_MODULE',
          BUDGET_EVENTS.includes(outcome.event)
            ? `“${step.name}”须在资金管理页面办理（录入预算评审、发布公示或安排经费）`
            : `“${step.name}”须在相应的登记页面办理（填写合同、监理或整改信息）`,
        );
      }
      // A handler that issues the step's listed material (the filing certificate, DT-09b) provides it.
      const handlers = deps.stepDecided?.handlersFor(step) ?? [];
      const issued = handlers.flatMap((h) => h.issues ?? []);
      throwProblems(
        pc.evaluation.checkStep(step.id, role.role as RoleCode, {
          outcome: outcome.event,
          providedMaterials: [...providedMaterials(pc.bundle), ...issued],
        }),
      );
      // Any result other than the step's normal one (a refusal, 不同意, 退回修改 …) states its
      // opinion: the decision is signed and shown to the applicant with it (issue 17).
      const normal = outcome === step.outcomes[0];
      const reasons = (input.reasons ?? []).map((r) => r.trim()).filter(Boolean);
      if (!normal && input.opinion.trim().length < 2 && reasons.length === 0) {
        throw invalid('REASON_REQUIRED', `“${outcome.name}”须填写办理意见并说明理由`, {
          field: 'opinion',
          ...(step.articles[0] ? { article: step.articles[0] } : {}),
        });
      }
      if (reviewStep(pc.rulebook)?.id === step.id && normal) requireCompleteReview(pc, step);
      if (reviewStep(pc.rulebook)?.id === step.id && deps.beforeReviewConcludes) {
        await deps.beforeReviewConcludes(tx, pc, step);
      }
      const action = await insertAction(tx, env, actor, id, {
        kind: 'step',
        stepId: step.id,
        event: outcome.event,
        opinion: input.opinion,
        details: reasons.length > 0 ? { reasons } : null,
        role,
        idempotencyKey,
        sign: deps.keyring,
        submissionSeq: pc.bundle.project.submissionCount,
      });
      let documentNumber: string | null = null;
      for (const handler of handlers) {
        const effect = await handler.handle(tx, pc, {
          step,
          actionId: action.id,
          outcome: outcome.event,
          normal,
          reasons: reasons.length > 0 ? reasons : [input.opinion.trim()],
          at: env.now,
          onDate: env.today,
        });
        if (!effect) continue;
        await insertAction(tx, env, actor, id, {
          kind: effect.kind,
          stepId: step.id,
          role,
          details: effect.details,
        });
        documentNumber = effect.number ?? documentNumber;
      }
      // A filing step's decision (read from the rulebook: 备案, 记录在案, 审查, 立项备案) reaches the
      // submitter and the departments that applied, in every jurisdiction (issue 17).
      const filingKind = isFilingStep(stage, step) ? filingNoticeKind(step, outcome) : null;
      if (filingKind) {
        await notify(tx, {
          recipients: [
            ...(submitted?.actorUserId ? [submitted.actorUserId] : []),
            ...(await usersOfOrganisations(tx, [
              pc.bundle.project.ownerOrganisationId,
              ...pc.bundle.coBuilderIds,
            ])),
          ].filter((u) => u !== actor.userId),
          kind: filingKind,
          message: `“${pc.bundle.project.name}”${outcome.name}${documentNumber ? `（${documentNumber}）` : ''}`,
          at: env.now,
          projectId: id,
          stepId: step.id,
          link: `/projects/${id}`,
          createdBy: actor.userId,
        });
      }
      await syncDeadlines(tx, env, pc, { type: outcome.event, on: env.today, byUserId: actor.userId });
      await runStepEventHandlers(deps.stepEvents, tx, pc, {
        stepId: step.id,
        event: outcome.event,
        actorUserId: actor.userId,
        at: env.now,
        onDate: env.today,
      });
      await releaseHolders(tx, id, [step.id]);
      audit.details = { stepId, outcome: outcome.event, outcomeName: outcome.name };
    },
  );
  return { replayed };
}

/** The five opinions (and in SC the sharing-analysis opinion) before the review step completes. */
function requireCompleteReview(pc: ProjectContext, step: Step): void {
  const review = pc.bundle.review;
  const opinions = review?.opinions ?? {};
  const missing = ['need', 'consolidation', 'feasibility', 'budget', 'targets'].filter(
    (d) => !opinions[d] || opinions[d].opinion.trim() === '',
  );
  if (missing.length > 0) {
    throw refused(
      'REVIEW_INCOMPLETE',
      '请先填写需求合理性、建设集约性、方案可行性、预算合理性和绩效目标合理性五个方面的审核意见',
      step.articles[0],
      { field: 'opinions' },
    );
  }
  const sharingArticle = sharingOpinionArticle(pc.rulebook);
  if (sharingArticle && !(review?.sharingAnalysisOpinion ?? '').trim()) {
    throw refused('SHARING_OPINION_REQUIRED', '审核意见须对信息资源共享分析篇提出意见', sharingArticle, {
      field: 'sharingAnalysisOpinion',
    });
  }
}
