import { eq } from 'drizzle-orm';
import { AUTHORITY } from '../../access/index.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { conflict, forbidden, invalid } from '../../platform/errors.ts';
import { type PlanDecisionRecord, plans } from '../../projects/index.ts';
import { loadRulebookCatalog } from '../../rulebooks/index.ts';
import { pendingStep } from '../chain.ts';
import { lockPlan } from './support.ts';

/**
 * A decision on a submitted plan. With a rulebook chain (`Rulebook.planning`: XZ 第六条 局党组 →
 * 市政务信息管理局审查备案, DT 第八条 county plans 本级主管部门意见 → 市主管部门备案) the pending step's
 * decider approves (the plan moves to the next step; after the last it is approved or filed), returns
 * it for changes, or — where the step may — refuses it. Without a chain the platform's default holds:
 * the jurisdiction's leadership body approves its plan (DT-08, SC-07), the authority files a
 * department plan.
 */
export async function decidePlan(
  deps: CommandDeps,
  ctx: CommandContext,
  id: string,
  input: { decision: 'approve' | 'return' | 'refuse'; opinion: string },
): Promise<void> {
  const actor = ctx.actor!;
  const { registry } = await loadRulebookCatalog(deps.db);
  await runCommand(
    deps,
    ctx,
    { action: 'plan.decide', objectType: 'plan', objectId: id, details: { decision: input.decision } },
    async (tx, audit) => {
      const { plan, chain } = await lockPlan(tx, actor, id, registry);
      if (plan.status !== 'submitted') throw conflict('PLAN_NOT_SUBMITTED', '规划尚未报送或已办理');
      // Nobody files or approves what they compiled or submitted themselves (issue 9 item 6).
      if (plan.submittedBy === actor.userId || plan.createdBy === actor.userId) {
        throw forbidden('不得批准或备案本人编制、报送的规划', 'SELF_APPROVAL');
      }
      const pending = chain ? chain[pendingStep(chain, plan.currentStep)] : null;
      const role = pending
        ? actor.assignments.find(
            (a) => pending.step.roles.includes(a.role) && pending.organisationIds.includes(a.organisationId),
          )
        : actor.assignments.find(
            (a) =>
              (plan.scope === 'jurisdiction' ? ['leadership_body'] : AUTHORITY).includes(a.role) &&
              a.jurisdictionId === plan.jurisdictionId,
          );
      if (!role) {
        if (pending) {
          throw forbidden(`本环节“${pending.step.name}”由${pending.deciderName}办理`, 'NOT_PLAN_DECIDER', {
            article: pending.step.articles[0],
          });
        }
        throw forbidden(
          plan.scope === 'jurisdiction'
            ? '本级规划由本级人民政府（决策机构）批准'
            : '部门规划报本级主管部门备案',
          'NOT_PLAN_DECIDER',
          { article: 'DT-08' },
        );
      }
      // Nobody decides a later step of a plan whose earlier step they decided themselves (this round:
      // a returned plan starts its chain again when it is submitted anew).
      const decisions = plan.decisions ?? [];
      const lastReturn = decisions.map((d) => d.decision).lastIndexOf('return');
      if (
        decisions.slice(lastReturn + 1).some((d) => d.userId === actor.userId && d.decision === 'approve')
      ) {
        throw forbidden('同一人不得办理同一规划的两个环节', 'SELF_APPROVAL');
      }
      if (input.decision !== 'approve' && input.opinion.trim() === '') {
        throw invalid(
          'REASON_REQUIRED',
          input.decision === 'return' ? '退回须说明理由' : '不予通过须说明理由',
          {
            field: 'opinion',
          },
        );
      }
      if (input.decision === 'refuse' && !pending?.step.canRefuse) {
        throw invalid('PLAN_REFUSAL_NOT_ALLOWED', '本环节只能批准（备案）或退回，不能作出不予通过的决定', {
          field: 'decision',
          ...(pending ? { article: pending.step.articles[0] } : {}),
        });
      }
      const index = chain && pending ? chain.indexOf(pending) : -1;
      const next = input.decision === 'approve' && chain ? (chain[index + 1] ?? null) : null;
      const status =
        input.decision === 'return'
          ? 'returned'
          : input.decision === 'refuse'
            ? 'refused'
            : next
              ? 'submitted'
              : plan.scope === 'jurisdiction'
                ? 'approved'
                : 'filed';
      const now = deps.clock.now();
      const record: PlanDecisionRecord | null = pending
        ? {
            stepId: pending.step.id,
            decision: input.decision,
            opinion: input.opinion,
            userId: actor.userId,
            role: role.role,
            organisationId: role.organisationId,
            at: now.toISOString(),
          }
        : null;
      await tx
        .update(plans)
        .set({
          status,
          currentStep: next?.step.id ?? null,
          decisions: record ? [...decisions, record] : decisions,
          decidedBy: actor.userId,
          decidedAt: now,
          decisionOpinion: input.opinion,
          version: plan.version + 1,
        })
        .where(eq(plans.id, id));
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      audit.details = { decision: input.decision, status, ...(pending ? { stepId: pending.step.id } : {}) };
    },
  );
}
