/** The O&M handover of an existing system to the 项目建设单位 (XZ-30). */
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { invalid, refused } from '../../platform/errors.ts';
import { callerOfContext } from '../policy.ts';
import { loadSystem } from '../queries/context.ts';
import { notFuture, requireRules } from '../rules.ts';
import { opsOmHandovers } from '../tables/index.ts';
import { organisationIn } from './support.ts';

export async function recordHandover(
  deps: CommandDeps,
  ctx: CommandContext,
  systemId: string,
  input: { fromOrganisationId: string; toOrganisationId: string; handedOverOn: string; note?: string },
): Promise<{ id: string }> {
  const caller = callerOfContext(deps, ctx);
  return runCommand(
    deps,
    ctx,
    { action: 'ops.om_handover', objectType: 'information_system', objectId: systemId },
    async (tx, audit) => {
      const system = await loadSystem(tx, caller, systemId, 'edit');
      const rules = requireRules(system.rules);
      if (!rules.cloud.omHandover.required) {
        throw refused(
          'OPS_HANDOVER_NOT_REQUIRED',
          '本辖区规则集未规定运维移交',
          rules.cloud.articles[0] ?? rules.articles[0],
        );
      }
      notFuture(input.handedOverOn, caller.now, 'handedOverOn');
      if (input.fromOrganisationId === input.toOrganisationId) {
        throw invalid('OPS_HANDOVER_SAME', '移交双方不能是同一单位', { field: 'toOrganisationId' });
      }
      await organisationIn(tx, input.fromOrganisationId, system.jurisdictionId, 'fromOrganisationId');
      await organisationIn(tx, input.toOrganisationId, system.jurisdictionId, 'toOrganisationId');
      const [row] = await tx
        .insert(opsOmHandovers)
        .values({
          systemId: system.id,
          fromOrganisationId: input.fromOrganisationId,
          toOrganisationId: input.toOrganisationId,
          handedOverOn: input.handedOverOn,
          note: input.note ?? null,
          recordedBy: caller.userId,
          recordedAt: caller.now,
        })
        .returning({ id: opsOmHandovers.id });
      audit.details = { article: rules.cloud.omHandover.articles[0] ?? null };
      return { id: row.id };
    },
  );
}
