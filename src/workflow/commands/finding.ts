/**
 * 认定: the actor of an open step records a fact the rulebook lets that step establish (JC 五.1/五.2:
 * the 立项备案 body finds a conflict with the sharing policy, disguised packaging, whether the
 * 区政府常务会 or the finance guarantee is needed, or overrules "一般不予立项"), with a reason. The
 * finding overrides the applicant's declaration; `value: null` withdraws it.
 */

import type { CommandContext } from '../../platform/command.ts';
import { conflict, forbidden, invalid } from '../../platform/errors.ts';
import { type FindingInput, isApplicantStage, type WorkflowEnv } from '../../projects/index.ts';
import { FACT_CATALOG, type FactName } from '../../rules/index.ts';
import { insertAction } from '../actions.ts';
import { requireStepActor } from '../actors.ts';
import { lastSubmission, lookupStep, requireOpen } from '../context.ts';
import type { ProjectDeps } from '../deps.ts';
import { projectCommand } from '../project-command.ts';

export async function recordFinding(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  id: string,
  stepId: string,
  input: FindingInput,
): Promise<void> {
  await projectCommand(
    deps,
    ctx,
    env,
    id,
    {
      action: 'approval.finding',
      objectType: 'project',
      objectId: id,
      details: { stepId, fact: input.fact, value: input.value },
    },
    async ({ tx, actor, pc, actingAs }) => {
      const { step, stage } = lookupStep(pc, stepId);
      if (isApplicantStage(stage)) throw conflict('USE_SUBMIT', '申报单位的声明请在申报内容中修改');
      const role = requireStepActor(actor, pc, step);
      actingAs(role, { jurisdiction: true });
      requireOpen(pc, stepId, `“${step.name}”当前不可办理（可能已由他人办理，请刷新）`);
      const fact = input.fact as FactName;
      if (!(step.findings ?? []).includes(fact)) {
        throw invalid(
          'FINDING_NOT_ALLOWED',
          `“${step.name}”不认定“${FACT_CATALOG[fact]?.label ?? input.fact}”`,
          { field: 'fact' },
        );
      }
      if (lastSubmission(pc)?.actorUserId === actor.userId) {
        throw forbidden('不得认定本人提交的申请', 'SELF_APPROVAL');
      }
      await insertAction(tx, env, actor, id, {
        kind: 'finding',
        stepId: step.id,
        opinion: input.reason.trim(),
        details: { fact, value: input.value },
        role,
        sign: deps.keyring,
        submissionSeq: pc.bundle.project.submissionCount,
      });
    },
  );
}
