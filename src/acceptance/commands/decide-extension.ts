import { and, eq, sql } from 'drizzle-orm';
import { extendObligation, obligations } from '../../obligations/index.ts';
import type { CommandContext } from '../../platform/command.ts';
import { conflict, forbidden, invalid, notFound, versionConflict } from '../../platform/errors.ts';
import type { WorkflowEnv } from '../../projects/index.ts';
import { type ProjectDeps, projectCommand } from '../../workflow/index.ts';
import { actingAs, deadlineOf, orgName } from '../rules.ts';
import { acceptanceExtensions } from '../tables.ts';

export type ExtensionDecision = 'grant' | 'refuse';

/** The named body grants (the due date moves) or refuses (it stays); never its own request. */
export async function decideExtension(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  projectId: string,
  id: string,
  input: { decision: ExtensionDecision; note: string; version: number },
): Promise<{ dueDate: string | null }> {
  const actor = ctx.actor!;
  return projectCommand(
    deps,
    ctx,
    env,
    projectId,
    {
      action: 'acceptance_extension.decide',
      objectType: 'acceptance_extension',
      objectId: id,
      details: { decision: input.decision },
    },
    async ({ tx, audit, pc }) => {
      const [row] = await tx
        .select()
        .from(acceptanceExtensions)
        .where(and(eq(acceptanceExtensions.id, id), eq(acceptanceExtensions.projectId, projectId)))
        .for('update');
      if (!row) throw notFound('延期申请不存在或无权查看', 'EXTENSION_NOT_FOUND');
      const deadline = deadlineOf(pc, row.deadlineId);
      const article = deadline.extension.articles[0];
      const role = actingAs(actor, pc, deadline.extension.decidedBy);
      if (!role) {
        throw forbidden(
          `延期申请由${orgName(pc.rulebook, deadline.extension.decidedBy.org)}审批`,
          'NOT_EXTENSION_AUTHORITY',
          { article },
        );
      }
      if (row.version !== input.version) throw versionConflict();
      if (row.state !== 'requested') throw conflict('EXTENSION_DECIDED', '该延期申请已审批');
      if (row.requestedBy === actor.userId) throw forbidden('不得审批本人提出的延期申请', 'SELF_APPROVAL');
      if (input.decision === 'refuse' && input.note.trim() === '') {
        throw invalid('REASON_REQUIRED', '不同意延期须说明理由', { field: 'note', article });
      }
      let dueDate: string | null = row.dueDateBefore;
      if (input.decision === 'grant') {
        const extended = await extendObligation(tx, env, row.obligationId, {
          until: row.requestedUntil,
          reason: row.reason,
        });
        dueDate = extended.dueDate;
      } else {
        const [ob] = await tx
          .select({ dueDate: obligations.dueDate })
          .from(obligations)
          .where(eq(obligations.id, row.obligationId));
        dueDate = ob?.dueDate ?? null;
      }
      await tx
        .update(acceptanceExtensions)
        .set({
          state: input.decision === 'grant' ? 'granted' : 'refused',
          decidedBy: actor.userId,
          decidedOrganisationId: role.organisationId,
          decidedOn: env.today,
          decisionNote: input.note.trim(),
          version: sql`${acceptanceExtensions.version} + 1`,
        })
        .where(eq(acceptanceExtensions.id, id));
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      return { dueDate };
    },
    { refresh: false },
  );
}
