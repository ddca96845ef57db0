import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { forbidden } from '../../platform/errors.ts';
import { canEdit } from '../access.ts';
import { organisationInfo } from '../store/lookups.ts';
import type { Caller } from './caller.ts';
import { changedResource, updateResource, visibleResource } from './resource-support.ts';

/** Changes a resource of the caller's organisation (optimistic lock). */
export function editResource(
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
    { action: 'catalog.resource_update', objectType: 'information_resource', objectId: id },
    async (tx, audit) => {
      const current = await visibleResource(tx, caller, id);
      const placement = {
        organisationId: current.providerOrganisationId,
        jurisdictionId: current.jurisdictionId,
      };
      if (!canEdit(caller.scope, placement)) {
        throw forbidden('只能修改本单位的资源', 'CATALOG_OUT_OF_SCOPE');
      }
      const provider = (await organisationInfo(tx, current.providerOrganisationId))!;
      const input = changedResource(current, changes, provider);
      const result = await updateResource(tx, caller, current, input, version);
      audit.details = { code: result.code, fields: Object.keys(changes), singleSource: result.conflicts };
    },
  );
}
