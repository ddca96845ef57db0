/** 撤回: the caller takes back their latest action while the next step has not acted. */

import type { CommandContext } from '../../platform/command.ts';
import { conflict } from '../../platform/errors.ts';
import {
  isEstablishmentStage,
  stepInfo,
  storedActions,
  type WorkflowEnv,
  withdrawTarget,
} from '../../projects/index.ts';
import { insertAction, revokeCertificatesOf, voidAction } from '../actions.ts';
import { assignmentOf } from '../actors.ts';
import type { ProjectDeps } from '../deps.ts';
import { projectCommand } from '../project-command.ts';

export async function withdraw(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  id: string,
  reason: string,
): Promise<void> {
  await projectCommand(
    deps,
    ctx,
    env,
    id,
    { action: 'project.withdraw', objectType: 'project', objectId: id },
    async ({ tx, actor, pc, audit }) => {
      const target = withdrawTarget(storedActions(pc.bundle.actions), actor.userId);
      if (!target?.stepId) {
        throw conflict('WITHDRAW_NOT_ALLOWED', '下一环节已经办理，或最近一次办理不是您本人，不能撤回');
      }
      const info = stepInfo(pc.rulebook, target.stepId);
      if (!info || !isEstablishmentStage(info.stage))
        throw conflict('WITHDRAW_NOT_ALLOWED', '该事项不能撤回');
      const original = pc.bundle.actions.find((a) => a.id === target.id)!;
      const role = original.role
        ? assignmentOf(actor, original.role, original.organisationId ?? '')
        : undefined;
      const action = await insertAction(tx, env, actor, id, {
        kind: 'withdrawn',
        stepId: target.stepId,
        targetStepId: target.stepId,
        opinion: reason,
        role: role ?? null,
      });
      await voidAction(tx, target.id, action.id);
      await revokeCertificatesOf(tx, env, target.id);
      audit.details = { stepId: target.stepId, event: target.event };
    },
  );
}
