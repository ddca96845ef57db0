import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { type Caller, resolveOwner } from './caller.ts';
import { checkSystemDraft, createSystem } from './system-support.ts';

/** 登记系统 (SC-10) as one audited command. */
export function registerSystem(
  deps: CommandDeps,
  ctx: CommandContext,
  caller: Caller,
  body: Readonly<Record<string, unknown>> & { ownerOrganisationId?: string },
) {
  const { ownerOrganisationId, ...draft } = body;
  return runCommand(
    deps,
    ctx,
    { action: 'catalog.system_create', objectType: 'information_system' },
    async (tx, audit) => {
      const owner = await resolveOwner(tx, caller, ownerOrganisationId, 'ownerOrganisationId');
      const input = checkSystemDraft(draft, owner);
      const result = await createSystem(tx, caller, owner, input);
      audit.objectId = result.id;
      audit.details = { code: result.code, name: input.name, owner: owner.name, status: input.status };
      return result;
    },
  );
}
