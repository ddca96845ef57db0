import { and, eq } from 'drizzle-orm';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { notFound } from '../../platform/errors.ts';
import { cloudVisibleWhere, findCloudServices } from '../store/cloud.ts';
import { cloudServices } from '../tables.ts';
import type { Caller } from './caller.ts';
import { changedCloudService, updateCloudService } from './cloud-support.ts';

/** Changes a draft entry (optimistic lock) as one audited command. */
export function editCloudService(
  deps: CommandDeps,
  ctx: CommandContext,
  caller: Caller,
  id: string,
  version: number,
  changes: Readonly<Record<string, unknown>>,
) {
  return runCommand(
    deps,
    ctx,
    { action: 'catalog.cloud_update', objectType: 'cloud_service', objectId: id },
    async (tx, audit) => {
      const [current] = await findCloudServices(
        tx,
        and(eq(cloudServices.id, id), cloudVisibleWhere(caller.scope))!,
      );
      if (!current) throw notFound('云服务目录条目不存在或无权查看');
      const input = changedCloudService(current, changes);
      await updateCloudService(tx, caller, current, input, version);
      audit.details = { code: current.code, fields: Object.keys(changes) };
    },
  );
}
