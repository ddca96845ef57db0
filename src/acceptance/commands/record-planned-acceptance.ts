import type { IsoDate } from '../../calendar/index.ts';
import { openDeadline } from '../../obligations/index.ts';
import type { CommandContext } from '../../platform/command.ts';
import { forbidden, invalid } from '../../platform/errors.ts';
import { organisationsFor, parties, type WorkflowEnv } from '../../projects/index.ts';
import { type ProjectDeps, projectCommand } from '../../workflow/index.ts';
import { actingAs, deadlineOf, orgName } from '../rules.ts';

/**
 * The approved planned acceptance date (批复的计划验收日期) recorded by the body that decides the
 * extensions: opens the deadlines anchored on that fact (DT-26b: apply for acceptance by then).
 */
export async function recordPlannedAcceptance(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  projectId: string,
  input: { deadlineId: string; plannedOn: IsoDate },
): Promise<string> {
  const actor = ctx.actor!;
  return projectCommand(
    deps,
    ctx,
    env,
    projectId,
    {
      action: 'acceptance_extension.plan',
      objectType: 'project',
      objectId: projectId,
      details: { ...input },
    },
    async ({ tx, audit, pc }) => {
      const deadline = deadlineOf(pc, input.deadlineId);
      if (!('fact' in deadline.anchor) || deadline.anchor.fact !== 'plannedAcceptanceDate') {
        throw invalid('NOT_PLANNED_DATE_DEADLINE', '该期限不从计划验收日期起算', { field: 'deadlineId' });
      }
      const article = deadline.extension.articles[0];
      const role = actingAs(actor, pc, deadline.extension.decidedBy);
      if (!role) {
        throw forbidden(
          `计划验收日期由${orgName(pc.rulebook, deadline.extension.decidedBy.org)}登记`,
          'NOT_EXTENSION_AUTHORITY',
          { article },
        );
      }
      const holder =
        organisationsFor(pc.rulebook, deadline.owedBy.org, parties(pc.bundle), pc.bindings)[0] ??
        pc.bundle.project.ownerOrganisationId;
      const row = await openDeadline(tx, env, pc.rulebook, deadline.id, {
        jurisdictionId: pc.bundle.project.jurisdictionId,
        holderOrganisationId: holder,
        projectId,
        anchorDate: input.plannedOn,
        link: `/projects/${projectId}/construction`,
      });
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      return row.id;
    },
    { refresh: false },
  );
}
