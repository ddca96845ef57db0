/** Finance approves a payment only when no gate blocks, or refuses it with a reason; the gate results are stored. */
import { eq } from 'drizzle-orm';
import { type CommandContext, runCommand } from '../../platform/command.ts';
import { conflict, forbidden, invalid, refused, versionConflict } from '../../platform/errors.ts';
import type { WorkflowEnv } from '../../projects/index.ts';
import { disbursementGates, visibleDisbursement } from '../queries/disbursement.ts';
import { disbursements } from '../tables.ts';
import { type FundsDeps, financeRole } from './support.ts';

export async function decideDisbursement(
  deps: FundsDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  id: string,
  input: { decision: 'approve' | 'refuse'; opinion: string; version: number },
): Promise<void> {
  const actor = ctx.actor!;
  await runCommand(
    deps,
    ctx,
    {
      action: 'funds.disbursement_decide',
      objectType: 'disbursement',
      objectId: id,
      details: { decision: input.decision },
    },
    async (tx, audit) => {
      const { row, pc } = await visibleDisbursement(tx, env, actor, id, true);
      const role = financeRole(actor, pc);
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      if (row.requestedBy === actor.userId) throw forbidden('不得审批本人提出的拨付申请', 'SELF_APPROVAL');
      if (row.version !== input.version) throw versionConflict('拨付申请已有变化，请刷新后重试');
      if (row.status !== 'pending') throw conflict('DISBURSEMENT_DECIDED', '该拨付申请已办结');
      const gates = await disbursementGates(tx, pc, row);
      if (input.decision === 'approve') {
        const blocking = gates.filter((g) => g.blocking);
        if (blocking.length > 0)
          throw refused(
            'GATE_BLOCKED',
            blocking.map((g) => `${g.reason}（${g.citation}）`).join('；'),
            blocking[0].article,
            { details: { gates: blocking.map((g) => g.gateId) } },
          );
      } else if (input.opinion.trim() === '') {
        throw invalid('OPINION_REQUIRED', '不予拨付须说明理由', { field: 'opinion' });
      }
      await tx
        .update(disbursements)
        .set({
          status: input.decision === 'approve' ? 'approved' : 'refused',
          decidedBy: actor.userId,
          decidedAt: env.now,
          decisionOpinion: input.opinion.trim(),
          gateResults: gates.map((g) => ({
            gateId: g.gateId,
            name: g.name,
            passed: g.passed,
            applicable: g.applicable,
            strength: g.strength,
            overridden: g.overridden,
            article: g.article,
            citation: g.citation,
            reason: g.reason,
          })),
          version: row.version + 1,
        })
        .where(eq(disbursements.id, id));
      audit.details = {
        decision: input.decision,
        overridden: gates.filter((g) => g.overridden).map((g) => g.gateId),
      };
    },
  );
}
