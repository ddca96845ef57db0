import { and, eq } from 'drizzle-orm';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { invalid, versionConflict } from '../../platform/errors.ts';
import { callerOfContext } from '../policy.ts';
import { loadSystem } from '../queries/context.ts';
import { notFuture } from '../rules.ts';
import { opsIndustryClouds } from '../tables/index.ts';

export interface IndustryCloudInput {
  cloudName: string;
  operatorName: string;
  state: 'planned' | 'in_progress' | 'brought_under';
  plannedBy: string;
  completedOn?: string;
  note?: string;
  /** The current version when the record exists (optimistic concurrency). */
  version?: number;
}

/** A system on an industry cloud and the plan and state of bringing it under the city cloud (XZ-30). */
export async function setIndustryCloud(
  deps: CommandDeps,
  ctx: CommandContext,
  systemId: string,
  input: IndustryCloudInput,
): Promise<void> {
  const caller = callerOfContext(deps, ctx);
  await runCommand(
    deps,
    ctx,
    {
      action: 'ops.industry_cloud_set',
      objectType: 'information_system',
      objectId: systemId,
      details: { state: input.state },
    },
    async (tx, audit) => {
      const system = await loadSystem(tx, caller, systemId, 'edit');
      const article = system.rules?.industryClouds?.articles[0];
      const done = input.state === 'brought_under';
      if (done !== (input.completedOn !== undefined)) {
        throw invalid(
          'OPS_INDUSTRY_CLOUD_COMPLETION',
          done ? '已纳入市级政务云统一管理的，须填写完成日期' : '尚未完成纳管的，不填写完成日期',
          { field: 'completedOn', ...(article ? { article } : {}) },
        );
      }
      if (input.completedOn) notFuture(input.completedOn, caller.now, 'completedOn');
      const values = {
        cloudName: input.cloudName,
        operatorName: input.operatorName,
        state: input.state,
        plannedBy: input.plannedBy,
        completedOn: input.completedOn ?? null,
        note: input.note ?? null,
        recordedBy: caller.userId,
        updatedAt: caller.now,
      };
      audit.details = { ...audit.details, article: article ?? null };
      const [current] = await tx
        .select({ id: opsIndustryClouds.id, version: opsIndustryClouds.version })
        .from(opsIndustryClouds)
        .where(eq(opsIndustryClouds.systemId, system.id));
      if (!current) {
        await tx.insert(opsIndustryClouds).values({ ...values, systemId: system.id });
        return;
      }
      if (input.version === undefined || input.version !== current.version) throw versionConflict();
      const updated = await tx
        .update(opsIndustryClouds)
        .set({ ...values, version: current.version + 1 })
        .where(and(eq(opsIndustryClouds.id, current.id), eq(opsIndustryClouds.version, current.version)))
        .returning({ id: opsIndustryClouds.id });
      if (updated.length === 0) throw versionConflict();
    },
  );
}
