import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { type Caller, resolveOwner } from './caller.ts';
import { checkResourceDraft, defaultProviderCode, registerResource } from './resource-support.ts';

/** 注册资源 (DT-10, SC-09b): checked on entry, then the single-source notices (SC-26) recomputed. */
export function registerResourceEntry(
  deps: CommandDeps,
  ctx: CommandContext,
  caller: Caller,
  body: Readonly<Record<string, unknown>> & { providerOrganisationId?: string },
) {
  const { providerOrganisationId, ...draft } = body;
  return runCommand(
    deps,
    ctx,
    { action: 'catalog.resource_register', objectType: 'information_resource' },
    async (tx, audit) => {
      const provider = await resolveOwner(tx, caller, providerOrganisationId, 'providerOrganisationId');
      const providerCode = draft.providerCode ?? (await defaultProviderCode(tx, provider));
      const input = checkResourceDraft({ ...draft, providerCode }, provider);
      const result = await registerResource(tx, caller, provider, input);
      audit.objectId = result.id;
      audit.details = {
        code: result.code,
        name: input.name,
        provider: provider.name,
        singleSource: result.conflicts,
      };
      return result;
    },
  );
}
