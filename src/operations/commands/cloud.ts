/**
 * Cloud migration (XZ-08b, XZ-28, XZ-30): 不上云 exemptions on legal or secrecy grounds, decided by
 * the authority (never by the requester), and the O&M handover of existing systems to the
 * 项目建设单位. Migration state and date stay on the system catalog entry (catalog, XZ-08b).
 */
import { and, eq } from 'drizzle-orm';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { conflict, forbidden, invalid, notFound, refused } from '../../platform/errors.ts';
import { countsAsCloud } from '../../rules/index.ts';
import {
  callerOfContext,
  loadSystem,
  notFuture,
  organisationIn,
  requireRules,
  versionConflict,
} from '../context.ts';
import { opsCloudExemptions, opsOmHandovers } from '../tables/index.ts';

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

export async function decideExemption(
  deps: CommandDeps,
  ctx: CommandContext,
  exemptionId: string,
  input: { decision: 'approved' | 'rejected'; note: string; version: number },
): Promise<void> {
  const caller = callerOfContext(deps, ctx);
  await runCommand(
    deps,
    ctx,
    {
      action: 'ops.cloud_exemption_decide',
      objectType: 'ops_cloud_exemption',
      objectId: exemptionId,
      details: { decision: input.decision },
    },
    async (tx) => {
      const [exemption] = await tx
        .select()
        .from(opsCloudExemptions)
        .where(eq(opsCloudExemptions.id, exemptionId));
      if (!exemption) throw notFound('申请不存在或无权查看');
      const system = await loadSystem(tx, caller, exemption.systemId, 'manage');
      requireRules(system.rules);
      if (exemption.requestedBy === caller.userId) {
        throw forbidden('申请人不能审核自己提交的申请', 'OPS_SELF_DECISION');
      }
      if (exemption.status !== 'requested') throw conflict('OPS_ALREADY_DECIDED', '该申请已审核');
      const updated = await tx
        .update(opsCloudExemptions)
        .set({
          status: input.decision,
          decidedBy: caller.userId,
          decidedAt: caller.now,
          decisionNote: input.note,
          version: exemption.version + 1,
        })
        .where(and(eq(opsCloudExemptions.id, exemption.id), eq(opsCloudExemptions.version, input.version)))
        .returning({ id: opsCloudExemptions.id });
      if (updated.length === 0) throw versionConflict();
    },
  );
}

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
