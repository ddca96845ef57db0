/** 催办: reminds whoever holds an open step (the 转办 holder, else everyone who may act on it). */
import { and, eq, inArray } from 'drizzle-orm';
import { roleAssignments, users } from '../../identity/index.ts';
import { notifications } from '../../notifications/index.ts';
import type { CommandContext } from '../../platform/command.ts';
import { conflict, forbidden } from '../../platform/errors.ts';
import { organisationsFor, parties, type WorkflowEnv } from '../../projects/index.ts';
import { insertAction } from '../actions.ts';
import { isParty } from '../actors.ts';
import { lookupStep, requireOpen } from '../context.ts';
import type { ProjectDeps } from '../deps.ts';
import { projectCommand } from '../project-command.ts';

export async function urgeStep(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  id: string,
  stepId: string,
  message: string,
): Promise<number> {
  return projectCommand(
    deps,
    ctx,
    env,
    id,
    { action: 'project.urge', objectType: 'project', objectId: id, details: { stepId } },
    async ({ tx, actor, pc, relation, audit }) => {
      if (!isParty(relation)) throw forbidden('只有项目相关单位可以催办', 'NOT_PROJECT_PARTY');
      const { step } = lookupStep(pc, stepId);
      requireOpen(pc, stepId, `“${step.name}”当前没有待办`);
      const holder = pc.bundle.holders.find((h) => h.stepId === stepId);
      let recipients: string[];
      if (holder) recipients = [holder.holderUserId];
      else {
        const orgs = organisationsFor(pc.rulebook, step.actor.org, parties(pc.bundle), pc.bindings);
        recipients =
          orgs.length === 0
            ? []
            : (
                await tx
                  .select({ userId: roleAssignments.userId })
                  .from(roleAssignments)
                  .innerJoin(users, eq(users.id, roleAssignments.userId))
                  .where(
                    and(
                      eq(roleAssignments.role, step.actor.role),
                      inArray(roleAssignments.organisationId, orgs),
                      eq(users.disabled, false),
                    ),
                  )
              ).map((r) => r.userId);
      }
      recipients = [...new Set(recipients)].filter((u) => u !== actor.userId);
      if (recipients.length === 0) throw conflict('NO_ONE_TO_URGE', '当前环节没有可催办的办理人');
      await insertAction(tx, env, actor, id, {
        kind: 'urged',
        stepId,
        opinion: message,
        details: { recipients: recipients.length },
      });
      await tx.insert(notifications).values(
        recipients.map((userId) => ({
          userId,
          projectId: id,
          stepId,
          kind: 'urged',
          message: `${actor.displayName}催办“${pc.bundle.project.name}”的“${step.name}”${message ? `：${message}` : ''}`,
          createdBy: actor.userId,
          createdAt: env.now,
        })),
      );
      audit.details = { stepId, recipients: recipients.length };
      return recipients.length;
    },
    { refresh: false },
  );
}
