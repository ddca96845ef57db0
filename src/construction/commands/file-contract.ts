import { eq, sql } from 'drizzle-orm';
import type { CommandContext } from '../../platform/command.ts';
import { conflict, versionConflict } from '../../platform/errors.ts';
import type { WorkflowEnv } from '../../projects/index.ts';
import { type ProjectDeps, projectCommand, recordStepEvent } from '../../workflow/index.ts';
import { contracts } from '../tables.ts';
import { isLate, lockContract, requireStep } from './support.ts';

/** 合同备案: today, on the platform, with the contract text the step asks for. */
export async function fileContract(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  projectId: string,
  contractId: string,
  version: number,
): Promise<{ late: boolean }> {
  const actor = ctx.actor!;
  return projectCommand(
    deps,
    ctx,
    env,
    projectId,
    { action: 'contract.file', objectType: 'contract', objectId: contractId },
    async ({ tx, audit, pc }) => {
      const contract = await lockContract(tx, projectId, contractId);
      if (contract.version !== version) {
        throw versionConflict();
      }
      if (contract.filedOn)
        throw conflict('CONTRACT_ALREADY_FILED', `合同 ${contract.number} 已于 ${contract.filedOn} 备案`);
      const step = requireStep(pc, 'contract_filed');
      const { role, deadlines } = await recordStepEvent(tx, deps, env, actor, pc, {
        stepId: step.id,
        event: 'contract_filed',
        opinion: `合同 ${contract.number} 报备案`,
        details: { ref: contract.number },
      });
      await tx
        .update(contracts)
        .set({ filedOn: env.today, filedBy: actor.userId, version: sql`${contracts.version} + 1` })
        .where(eq(contracts.id, contractId));
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      audit.details = { number: contract.number, filedOn: env.today, met: deadlines.met };
      const late = await isLate(tx, projectId, contract.number, deadlines.met);
      return { late };
    },
    { refresh: false },
  );
}
