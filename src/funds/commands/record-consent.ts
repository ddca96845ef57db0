/** The 局党组 decides on one payment where the rulebook asks for it (XZ-05b): a recorded decision with its opinion. */
import { eq } from 'drizzle-orm';
import { type CommandContext, runCommand } from '../../platform/command.ts';
import { conflict, forbidden, invalid } from '../../platform/errors.ts';
import type { WorkflowEnv } from '../../projects/index.ts';
import { consentGate, visibleDisbursement } from '../queries/disbursement.ts';
import { disbursementConsents, disbursements } from '../tables.ts';
import type { FundsDeps } from './support.ts';

export async function recordConsent(
  deps: FundsDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  id: string,
  decision: 'consent' | 'refuse',
  opinion: string,
): Promise<void> {
  const actor = ctx.actor!;
  await runCommand(
    deps,
    ctx,
    { action: 'funds.disbursement_consent', objectType: 'disbursement', objectId: id, details: { decision } },
    async (tx, audit) => {
      const { row, pc } = await visibleDisbursement(tx, env, actor, id, true);
      const gate = consentGate(pc);
      if (!gate) throw conflict('CONSENT_NOT_REQUIRED', '本项目的管理办法不要求对每笔拨付作出同意决定');
      const directory = pc.directory;
      const bodies = pc.rulebook.organisations
        .filter((o) => o.kind === 'leadership_body')
        .map((o) => pc.bindings.get(o.key))
        .filter((orgId): orgId is string => orgId !== undefined)
        .filter(
          (orgId) =>
            directory.organisations.find((o) => o.id === orgId)?.jurisdictionId ===
            pc.bundle.project.jurisdictionId,
        );
      const role = actor.assignments.find(
        (a) => a.role === 'leadership_body' && bodies.includes(a.organisationId),
      );
      if (!role)
        throw forbidden('拨付资金须由局党组作出决定', 'NOT_CONSENT_BODY', { article: gate.articles[0] });
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      if (row.status !== 'pending') throw conflict('DISBURSEMENT_DECIDED', '该拨付申请已办结');
      if (opinion.trim() === '') throw invalid('OPINION_REQUIRED', '请填写意见', { field: 'opinion' });
      const [existing] = await tx
        .select({ id: disbursementConsents.id })
        .from(disbursementConsents)
        .where(eq(disbursementConsents.disbursementId, id));
      if (existing) throw conflict('CONSENT_RECORDED', '已对该笔拨付作出决定');
      await tx.insert(disbursementConsents).values({
        disbursementId: id,
        decision,
        opinion: opinion.trim(),
        decidedBy: actor.userId,
        organisationId: role.organisationId,
        decidedAt: env.now,
      });
      await tx
        .update(disbursements)
        .set({ version: row.version + 1 })
        .where(eq(disbursements.id, id));
    },
  );
}
