/** A finance user asks to lift one closed gate: refused with its article unless the gate is softened. */
import { and, eq } from 'drizzle-orm';
import { type CommandContext, runCommand } from '../../platform/command.ts';
import { conflict, invalid, refused } from '../../platform/errors.ts';
import type { WorkflowEnv } from '../../projects/index.ts';
import { disbursementGates, visibleDisbursement } from '../queries/disbursement.ts';
import { disbursements, gateOverrides } from '../tables.ts';
import { type FundsDeps, financeRole } from './support.ts';

export async function requestOverride(
  deps: FundsDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  id: string,
  input: { gateId: string; reason: string },
): Promise<string> {
  const actor = ctx.actor!;
  return runCommand(
    deps,
    ctx,
    {
      action: 'funds.override_request',
      objectType: 'disbursement',
      objectId: id,
      details: { gateId: input.gateId },
    },
    async (tx, audit) => {
      const { row, pc } = await visibleDisbursement(tx, env, actor, id, true);
      const role = financeRole(actor, pc);
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      if (row.status !== 'pending') throw conflict('DISBURSEMENT_DECIDED', '该拨付申请已办结');
      const gates = await disbursementGates(tx, pc, row);
      const gate = gates.find((g) => g.gateId === input.gateId);
      if (!gate) throw invalid('GATE_UNKNOWN', '该拨付不受此条件约束', { field: 'gateId' });
      if (gate.passed) throw conflict('GATE_OPEN', '该条件已满足，无需例外处理');
      if (gate.strength !== 'softened')
        throw refused(
          'GATE_ABSOLUTE',
          `${gate.reason}该条款为刚性规定，不得例外处理，须先补齐所缺事项（${gate.citation}）`,
          gate.article,
          { field: 'gateId' },
        );
      if (input.reason.trim() === '')
        throw invalid('REASON_REQUIRED', '请说明例外处理的理由', { field: 'reason' });
      const [existing] = await tx
        .select({ id: gateOverrides.id })
        .from(gateOverrides)
        .where(and(eq(gateOverrides.disbursementId, id), eq(gateOverrides.gateId, input.gateId)));
      if (existing) throw conflict('OVERRIDE_EXISTS', '已就该条件申请例外处理');
      const [created] = await tx
        .insert(gateOverrides)
        .values({
          disbursementId: id,
          gateId: gate.gateId,
          article: gate.article,
          reason: input.reason.trim(),
          requestedBy: actor.userId,
          requestedAt: env.now,
        })
        .returning({ id: gateOverrides.id });
      await tx
        .update(disbursements)
        .set({ version: row.version + 1 })
        .where(eq(disbursements.id, id));
      audit.details = { gateId: gate.gateId, article: gate.article, reason: input.reason.trim() };
      return created.id;
    },
  );
}
