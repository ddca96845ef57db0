/** A 不上云 exemption requested on legal or secrecy grounds (XZ-08b, XZ-28). */
import { and, eq } from 'drizzle-orm';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { countsAsCloud } from '../../rules/index.ts';
import { callerOfContext } from '../policy.ts';
import { loadSystem } from '../queries/context.ts';
import { requireRules } from '../rules.ts';
import { opsCloudExemptions } from '../tables/index.ts';

export async function requestExemption(
  deps: CommandDeps,
  ctx: CommandContext,
  systemId: string,
  input: { ground: 'legal' | 'secrecy'; reason: string },
): Promise<{ id: string }> {
  const caller = callerOfContext(deps, ctx);
  return runCommand(
    deps,
    ctx,
    { action: 'ops.cloud_exemption_request', objectType: 'information_system', objectId: systemId },
    async (tx, audit) => {
      const system = await loadSystem(tx, caller, systemId, 'edit');
      const rules = requireRules(system.rules);
      if (!rules.cloud.exemptionGrounds.includes(input.ground)) {
        throw invalid('OPS_EXEMPTION_GROUND', '不上云只能以法律法规规定或特殊保密要求为由', {
          field: 'ground',
          article: rules.cloud.articles[0],
        });
      }
      if (countsAsCloud(rules, system.deployment)) {
        throw conflict('OPS_ALREADY_ON_CLOUD', '系统已部署在政务云上，无需申请不上云');
      }
      const [open] = await tx
        .select({ id: opsCloudExemptions.id })
        .from(opsCloudExemptions)
        .where(and(eq(opsCloudExemptions.systemId, system.id), eq(opsCloudExemptions.status, 'requested')));
      const [approved] = await tx
        .select({ id: opsCloudExemptions.id })
        .from(opsCloudExemptions)
        .where(and(eq(opsCloudExemptions.systemId, system.id), eq(opsCloudExemptions.status, 'approved')));
      if (open || approved) throw conflict('OPS_EXEMPTION_EXISTS', '该系统已有待审或已批准的不上云申请');
      const [row] = await tx
        .insert(opsCloudExemptions)
        .values({
          systemId: system.id,
          ground: input.ground,
          reason: input.reason,
          requestedBy: caller.userId,
          requestedAt: caller.now,
        })
        .returning({ id: opsCloudExemptions.id });
      audit.details = { exemptionId: row.id, ground: input.ground };
      return { id: row.id };
    },
  );
}
