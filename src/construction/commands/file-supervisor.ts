import { and, eq } from 'drizzle-orm';
import type { CommandContext } from '../../platform/command.ts';
import { conflict, refused } from '../../platform/errors.ts';
import type { WorkflowEnv } from '../../projects/index.ts';
import { type ProjectDeps, projectCommand, recordStepEvent } from '../../workflow/index.ts';
import { COMPETITIVE_METHODS, PROCUREMENT_LABELS, type ProcurementMethod } from '../model.ts';
import { supervisors } from '../tables.ts';
import { requireStep } from './support.ts';

export interface SupervisorInput {
  unitName: string;
  contractNumber: string;
  procurementMethod: ProcurementMethod;
}

/**
 * 监理单位备案: records `supervisor_filed` on the rulebook's step (its actor, open — in XZ only after
 * the 局党组's consent — and its gates); the supervisor is chosen by a market mechanism.
 */
export async function fileSupervisor(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  projectId: string,
  input: SupervisorInput,
): Promise<string> {
  const actor = ctx.actor!;
  return projectCommand(
    deps,
    ctx,
    env,
    projectId,
    {
      action: 'supervisor.file',
      objectType: 'project',
      objectId: projectId,
      details: { unit: input.unitName },
    },
    async ({ tx, audit, pc }) => {
      const step = requireStep(pc, 'supervisor_filed');
      if (!COMPETITIVE_METHODS.includes(input.procurementMethod)) {
        throw refused(
          'COMPETITION_REQUIRED',
          `监理单位须通过市场机制确定，${PROCUREMENT_LABELS[input.procurementMethod]}不符合要求`,
          step.articles[0] ?? '',
          { field: 'procurementMethod' },
        );
      }
      const [existing] = await tx
        .select({ id: supervisors.id })
        .from(supervisors)
        .where(
          and(eq(supervisors.projectId, projectId), eq(supervisors.contractNumber, input.contractNumber)),
        );
      if (existing)
        throw conflict('SUPERVISOR_EXISTS', `监理合同 ${input.contractNumber} 已备案`, {
          field: 'contractNumber',
        });
      const { role } = await recordStepEvent(tx, deps, env, actor, pc, {
        stepId: step.id,
        event: 'supervisor_filed',
        opinion: `监理单位 ${input.unitName} 备案`,
        details: { ref: input.contractNumber },
      });
      const [row] = await tx
        .insert(supervisors)
        .values({
          projectId,
          unitName: input.unitName,
          contractNumber: input.contractNumber,
          procurementMethod: input.procurementMethod,
          filedOn: env.today,
          filedBy: actor.userId,
          createdAt: env.now,
        })
        .returning({ id: supervisors.id });
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      return row.id;
    },
    { refresh: false },
  );
}
