import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { forbidden } from '../../platform/errors.ts';
import { canEdit } from '../access.ts';
import { organisationInfo } from '../store/lookups.ts';
import { type Caller, resolveOwner } from './caller.ts';
import { changedSystem, updateSystem, visibleSystem } from './system-support.ts';

/** Changes (or retires) a system the caller may edit, as one audited command (optimistic lock). */
export function changeSystem(
  deps: CommandDeps,
  ctx: CommandContext,
  caller: Caller,
  id: string,
  action: 'catalog.system_update' | 'catalog.system_retire',
  changes: Readonly<Record<string, unknown>>,
  version: number,
  ownerOrganisationId: string | undefined,
) {
  return runCommand(
    deps,
    ctx,
    { action, objectType: 'information_system', objectId: id },
    async (tx, audit) => {
      const current = await visibleSystem(tx, caller, id);
      if (
        !canEdit(caller.scope, {
          organisationId: current.ownerOrganisationId,
          jurisdictionId: current.jurisdictionId,
        })
      ) {
        throw forbidden('只能修改本单位的系统；主管部门可更正本辖区的系统', 'CATALOG_OUT_OF_SCOPE');
      }
      const owner =
        ownerOrganisationId && ownerOrganisationId !== current.ownerOrganisationId
          ? await resolveOwner(tx, caller, ownerOrganisationId, 'ownerOrganisationId')
          : (await organisationInfo(tx, current.ownerOrganisationId))!;
      const input = changedSystem(current, changes, owner);
      await updateSystem(
        tx,
        caller,
        current,
        owner,
        input,
        version,
        action === 'catalog.system_retire'
          ? input.mergedInto
            ? `并入 ${input.mergedInto}`
            : '报废'
          : undefined,
      );
      audit.details = {
        code: current.code,
        fields: Object.keys(changes),
        ...(input.status !== current.status ? { status: { from: current.status, to: input.status } } : {}),
        ...(input.mergedInto ? { mergedInto: input.mergedInto } : {}),
      };
    },
  );
}
