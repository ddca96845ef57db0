import { and, eq } from 'drizzle-orm';
import { systemResources } from '../../catalog/index.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { callerOfContext } from '../policy.ts';
import { loadSystem } from '../queries/context.ts';
import { notFuture } from '../rules.ts';
import { opsMonitoringEntries } from '../tables/index.ts';

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
