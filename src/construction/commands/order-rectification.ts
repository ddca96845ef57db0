import { openObligation } from '../../obligations/index.ts';
import type { CommandContext } from '../../platform/command.ts';
import { invalid } from '../../platform/errors.ts';
import type { WorkflowEnv } from '../../projects/index.ts';
import { type ProjectDeps, projectCommand } from '../../workflow/index.ts';
import { PROBLEM_LABELS, type ProblemKind } from '../model.ts';
import { overseer, rectificationArticles, rectificationHolder } from '../rules.ts';
import { rectificationOrders } from '../tables.ts';
import { RECTIFICATION_KIND } from './support.ts';

export interface OrderInput {
  problemKind: ProblemKind;
  description: string;
  workingDays: number;
}

export async function orderRectification(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  projectId: string,
  input: OrderInput,
): Promise<string> {
  const actor = ctx.actor!;
  return projectCommand(
    deps,
    ctx,
    env,
    projectId,
    {
      action: 'rectification.order',
      objectType: 'project',
      objectId: projectId,
      details: { kind: input.problemKind },
    },
    async ({ tx, audit, pc, relation }) => {
      const role = overseer(pc, actor, relation.parties.has('oversight'));
      const articles = [
        ...new Set([...(pc.rulebook.rectification?.articles ?? []), ...rectificationArticles(pc.rulebook)]),
      ];
      if (articles.length === 0) throw invalid('NO_RECTIFICATION_RULE', '该规则集没有整改规定');
      const [row] = await tx
        .insert(rectificationOrders)
        .values({
          projectId,
          problemKind: input.problemKind,
          description: input.description.trim(),
          orderedBy: actor.userId,
          orderedOrganisationId: role.organisationId,
          orderedOn: env.today,
          workingDays: input.workingDays,
          createdAt: env.now,
        })
        .returning({ id: rectificationOrders.id });
      await openObligation(tx, env, {
        kind: RECTIFICATION_KIND,
        projectId,
        ref: row.id,
        jurisdictionId: pc.bundle.project.jurisdictionId,
        holderOrganisationId: rectificationHolder(pc),
        title: `限期整改：${PROBLEM_LABELS[input.problemKind]}`,
        articles,
        anchorDate: env.today,
        amount: input.workingDays,
        unit: 'working_days',
        link: `/projects/${projectId}/construction`,
      });
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      audit.objectId = row.id;
      audit.objectType = 'rectification';
      return row.id;
    },
    { refresh: false },
  );
}
