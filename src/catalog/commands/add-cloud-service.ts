import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { forbidden } from '../../platform/errors.ts';
import { jurisdictionsByIds } from '../store/lookups.ts';
import type { Caller } from './caller.ts';
import { checkCloudDraft, createCloudService } from './cloud-support.ts';

/** 新增目录条目 (the authority compiles; draft until approved) as one audited command; answers its id. */
export function addCloudService(
  deps: CommandDeps,
  ctx: CommandContext,
  caller: Caller,
  body: Readonly<Record<string, unknown>> & { jurisdictionId?: string },
): Promise<string> {
  const { jurisdictionId, ...draft } = body;
  return runCommand(
    deps,
    ctx,
    { action: 'catalog.cloud_create', objectType: 'cloud_service' },
    async (tx, audit) => {
      const target = jurisdictionId ?? caller.scope.manageJurisdictions[0];
      const [jurisdiction] =
        target && caller.scope.manageJurisdictions.includes(target)
          ? await jurisdictionsByIds(tx, [target])
          : [];
      if (!jurisdiction) throw forbidden('云服务目录由本辖区主管部门编制', 'CATALOG_ACTION_FORBIDDEN');
      const input = checkCloudDraft(draft);
      const created = await createCloudService(tx, caller, jurisdiction, input);
      audit.objectId = created.id;
      audit.details = {
        code: created.code,
        name: input.name,
        spec: input.spec,
        unitPrice: input.unitPrice,
      };
      return created.id;
    },
  );
}
