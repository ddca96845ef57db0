/**
 * SC-27 daily monitoring of data resources (政务信息资源的日常监测) and XZ-30 industry clouds (其他已建
 * 行业云要全部纳入市级政务云平台统一管理). Both are recorded per system in the catalog's scope; which
 * jurisdiction flags a missing day or an unplanned industry cloud is rulebook data.
 */
import { and, eq } from 'drizzle-orm';
import { systemResources } from '../../catalog/index.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { callerOfContext, loadSystem, notFuture, versionConflict } from '../context.ts';
import { opsIndustryClouds, opsMonitoringEntries } from '../tables/index.ts';

export interface MonitoringInput {
  monitoredOn: string;
  status: 'normal' | 'abnormal';
  resourceCode?: string;
  finding?: string;
  handler: string;
}

/** One day's monitoring of a system's data resources: a filed entry, one per system and day. */
export async function recordMonitoring(
  deps: CommandDeps,
  ctx: CommandContext,
  systemId: string,
  input: MonitoringInput,
): Promise<{ id: string }> {
  const caller = callerOfContext(deps, ctx);
  return runCommand(
    deps,
    ctx,
    {
      action: 'ops.monitoring_record',
      objectType: 'information_system',
      objectId: systemId,
      details: { monitoredOn: input.monitoredOn, status: input.status },
    },
    async (tx, audit) => {
      const system = await loadSystem(tx, caller, systemId, 'edit');
      const article = system.rules?.dailyMonitoring?.articles[0];
      notFuture(input.monitoredOn, caller.now, 'monitoredOn');
      if (input.status === 'abnormal' && !input.finding?.trim()) {
        throw invalid('OPS_MONITORING_FINDING_REQUIRED', '监测异常须写明发现的问题', {
          field: 'finding',
          ...(article ? { article } : {}),
        });
      }
      if (input.resourceCode) {
        const [linked] = await tx
          .select({ code: systemResources.resourceCode })
          .from(systemResources)
          .where(
            and(
              eq(systemResources.systemId, system.id),
              eq(systemResources.resourceCode, input.resourceCode),
            ),
          );
        if (!linked) {
          throw invalid('OPS_RESOURCE_NOT_OF_SYSTEM', '所填资源不是该系统的信息资源', {
            field: 'resourceCode',
          });
        }
      }
      const [existing] = await tx
        .select({ id: opsMonitoringEntries.id })
        .from(opsMonitoringEntries)
        .where(
          and(
            eq(opsMonitoringEntries.systemId, system.id),
            eq(opsMonitoringEntries.monitoredOn, input.monitoredOn),
          ),
        );
      if (existing) {
        throw conflict('OPS_MONITORING_EXISTS', '该系统当日的监测记录已登记（已登记的记录不可修改）', {
          field: 'monitoredOn',
        });
      }
      const [row] = await tx
        .insert(opsMonitoringEntries)
        .values({
          systemId: system.id,
          monitoredOn: input.monitoredOn,
          status: input.status,
          resourceCode: input.resourceCode ?? null,
          finding: input.finding?.trim() || null,
          handler: input.handler,
          recordedBy: caller.userId,
          recordedAt: caller.now,
        })
        .returning({ id: opsMonitoringEntries.id });
      audit.details = { ...audit.details, article: article ?? null };
      return { id: row.id };
    },
  );
}

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
