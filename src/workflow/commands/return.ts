/** 退回: to the previous step or to the applicant, with a reason; the voided decision is kept in the history. */

import { notify } from '../../notifications/index.ts';
import type { CommandContext } from '../../platform/command.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import {
  isApplicantStage,
  type ReturnMode,
  returnTarget,
  stepInfo,
  storedActions,
  type WorkflowEnv,
} from '../../projects/index.ts';
import { insertAction, revokeCertificatesOf, voidAction } from '../actions.ts';
import { requireStepActor } from '../actors.ts';
import { lookupStep, releaseHolders, requireOpen } from '../context.ts';
import type { ProjectDeps } from '../deps.ts';
import { projectCommand } from '../project-command.ts';

export async function returnStep(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  id: string,
  stepId: string,
  input: { to: ReturnMode; reason: string },
): Promise<void> {
  await projectCommand(
    deps,
    ctx,
    env,
    id,
    { action: 'project.return', objectType: 'project', objectId: id, details: { stepId, to: input.to } },
    async ({ tx, actor, pc, audit, actingAs }) => {
      const { step, stage } = lookupStep(pc, stepId);
      if (isApplicantStage(stage)) throw conflict('USE_WITHDRAW', '申报单位请使用撤回');
      const role = requireStepActor(actor, pc, step);
      actingAs(role);
      requireOpen(pc, stepId, `“${step.name}”当前不可办理（可能已由他人办理，请刷新）`);
      // The applicant sees the reason in the returned banner: blank is no reason (issue 17).
      if (input.reason.trim().length < 2) {
        throw invalid('REASON_REQUIRED', '退回须说明理由和需要修改的内容', {
          field: 'reason',
          ...(step.articles[0] ? { article: step.articles[0] } : {}),
        });
      }
      const target = returnTarget(storedActions(pc.bundle.actions), pc.rulebook, input.to);
      if (!target) throw conflict('NOTHING_TO_RETURN', '没有可退回的上一环节');
      const action = await insertAction(tx, env, actor, id, {
        kind: 'returned',
        stepId,
        targetStepId: target.stepId,
        opinion: input.reason,
        details: { to: input.to },
        role,
        sign: deps.keyring,
      });
      await voidAction(tx, target.action.id, action.id);
      await revokeCertificatesOf(tx, env, target.action.id);
      // The one whose decision or submission was returned learns it with the reason (issue 17).
      await notify(tx, {
        recipients:
          target.action.actorUserId && target.action.actorUserId !== actor.userId
            ? [target.action.actorUserId]
            : [],
        kind: 'returned',
        message: `“${pc.bundle.project.name}”的“${stepInfo(pc.rulebook, target.stepId)?.step.name ?? target.stepId}”被${step.name}退回：${input.reason}`,
        at: env.now,
        projectId: id,
        stepId: target.stepId,
        link: `/projects/${id}`,
        createdBy: actor.userId,
      });
      await releaseHolders(tx, id, [stepId]);
      audit.details = { stepId, to: input.to, targetStepId: target.stepId };
    },
  );
}
