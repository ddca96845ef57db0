/** 转办: the holder of an open step hands it to a colleague with the same role in the same organisation. */
import { and, eq } from 'drizzle-orm';
import { roleAssignments, users } from '../../identity/index.ts';
import { notifications } from '../../notifications/index.ts';
import type { CommandContext } from '../../platform/command.ts';
import { invalid } from '../../platform/errors.ts';
import { projectStepHolders, type WorkflowEnv } from '../../projects/index.ts';
import { insertAction } from '../actions.ts';
import { requireStepActor } from '../actors.ts';
import { lookupStep, requireOpen } from '../context.ts';
import type { ProjectDeps } from '../deps.ts';
import { projectCommand } from '../project-command.ts';

export async function reassignStep(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  id: string,
  stepId: string,
  input: { userId: string; note: string },
): Promise<void> {
  await projectCommand(
    deps,
    ctx,
    env,
    id,
    {
      action: 'project.reassign',
      objectType: 'project',
      objectId: id,
      details: { stepId, to: input.userId },
    },
    async ({ tx, actor, pc, actingAs }) => {
      const { step } = lookupStep(pc, stepId);
      const role = requireStepActor(actor, pc, step);
      actingAs(role);
      requireOpen(pc, stepId, `“${step.name}”当前不可办理`);
      if (input.userId === actor.userId)
        throw invalid('REASSIGN_TO_SELF', '不能转办给自己', { field: 'userId' });
      const [colleague] = await tx
        .select({ userId: roleAssignments.userId, name: users.displayName, disabled: users.disabled })
        .from(roleAssignments)
        .innerJoin(users, eq(users.id, roleAssignments.userId))
        .where(
          and(
            eq(roleAssignments.userId, input.userId),
            eq(roleAssignments.role, role.role),
            eq(roleAssignments.organisationId, role.organisationId),
          ),
        );
      if (!colleague || colleague.disabled) {
        throw invalid('REASSIGN_TARGET_INVALID', '只能转办给本单位担任同一角色的同事', { field: 'userId' });
      }
      await tx
        .insert(projectStepHolders)
        .values({
          projectId: id,
          stepId,
          holderUserId: input.userId,
          assignedBy: actor.userId,
          assignedAt: env.now,
        })
        .onConflictDoUpdate({
          target: [projectStepHolders.projectId, projectStepHolders.stepId],
          set: { holderUserId: input.userId, assignedBy: actor.userId, assignedAt: env.now },
        });
      await insertAction(tx, env, actor, id, {
        kind: 'reassigned',
        stepId,
        opinion: input.note,
        details: { toUserId: input.userId, toName: colleague.name },
        role,
      });
      await tx.insert(notifications).values({
        userId: input.userId,
        projectId: id,
        stepId,
        kind: 'reassigned',
        message: `${actor.displayName}将“${pc.bundle.project.name}”的“${step.name}”转交您办理${input.note ? `：${input.note}` : ''}`,
        createdBy: actor.userId,
        createdAt: env.now,
      });
    },
  );
}
