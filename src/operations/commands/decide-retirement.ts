import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  informationResources,
  informationSystems,
  recomputeConflicts,
  recordStatusEvent,
  systemResources,
} from '../../catalog/index.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { conflict, forbidden, invalid, refused, versionConflict } from '../../platform/errors.ts';
import { callerOfContext } from '../policy.ts';
import { opsRetirements } from '../tables/index.ts';
import { loadRetirement } from './support.ts';

export async function decideRetirement(
  deps: CommandDeps,
  ctx: CommandContext,
  retirementId: string,
  input: { decision: 'approved' | 'rejected'; note: string; version: number },
): Promise<{ withdrawnResources: number }> {
  const caller = callerOfContext(deps, ctx);
  return runCommand(
    deps,
    ctx,
    {
      action: 'ops.retirement_decide',
      objectType: 'ops_retirement',
      objectId: retirementId,
      details: { decision: input.decision },
    },
    async (tx, audit) => {
      const { retirement, system } = await loadRetirement(tx, caller, retirementId, 'manage');
      if (retirement.requestedBy === caller.userId) {
        throw forbidden('申请人不能审批自己提交的申请', 'OPS_SELF_DECISION');
      }
      if (retirement.status !== 'requested') throw conflict('OPS_ALREADY_DECIDED', '该申请已审批');
      if (retirement.version !== input.version) throw versionConflict();
      if (input.decision === 'approved' && retirement.dataConfirmedAt === null) {
        throw refused('OPS_DATA_NOT_CONFIRMED', '须先确认系统数据已归档或迁移，方可批准停用报废', 'DT-05b');
      }
      if (input.decision === 'approved' && system.status === 'retired') {
        throw conflict('SYSTEM_RETIRED', '系统已报废', { article: 'DT-01' });
      }
      let withdrawn = 0;
      if (input.decision === 'approved') {
        const retiredSystem = await tx
          .update(informationSystems)
          .set({
            status: 'retired',
            retirementDate: retirement.retirementDate,
            updatedAt: caller.now,
            version: system.version + 1,
          })
          .where(and(eq(informationSystems.id, system.id), eq(informationSystems.version, system.version)))
          .returning({ id: informationSystems.id });
        if (retiredSystem.length === 0) throw versionConflict();
        await recordStatusEvent(tx, {
          systemId: system.id,
          fromStatus: system.status as 'under_construction' | 'in_operation' | 'suspended',
          status: 'retired',
          at: caller.now,
          effectiveDate: retirement.retirementDate,
          actorUserId: caller.userId,
          note: `停用报废：${retirement.reason}`,
        });
        const codes = tx
          .select({ code: systemResources.resourceCode })
          .from(systemResources)
          .where(eq(systemResources.systemId, system.id));
        const takenDown = await tx
          .update(informationResources)
          .set({
            state: 'withdrawn',
            reviewNote: `所属系统停用报废（${system.code}）`,
            reviewedAt: caller.now,
            reviewedBy: caller.userId,
            updatedAt: caller.now,
            version: sql`${informationResources.version} + 1`,
          })
          .where(
            and(
              inArray(informationResources.code, codes),
              eq(informationResources.state, 'published'),
              eq(informationResources.jurisdictionId, system.jurisdictionId),
            ),
          )
          .returning({ id: informationResources.id });
        withdrawn = takenDown.length;
        if (withdrawn > 0) await recomputeConflicts(tx, system.jurisdictionId, caller.now);
      } else if (!input.note.trim()) {
        throw invalid('OPS_NOTE_REQUIRED', '不予批准须说明理由', { field: 'note' });
      }
      const updated = await tx
        .update(opsRetirements)
        .set({
          status: input.decision,
          decidedBy: caller.userId,
          decidedAt: caller.now,
          decisionNote: input.note,
          withdrawnResources: input.decision === 'approved' ? withdrawn : null,
          version: retirement.version + 1,
        })
        .where(and(eq(opsRetirements.id, retirement.id), eq(opsRetirements.version, retirement.version)))
        .returning({ id: opsRetirements.id });
      if (updated.length === 0) throw versionConflict();
      audit.details = { decision: input.decision, systemId: system.id, withdrawnResources: withdrawn };
      return { withdrawnResources: withdrawn };
    },
  );
}
