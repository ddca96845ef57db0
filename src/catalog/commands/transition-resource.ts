import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import type { ResourceAction } from '../access.ts';
import type { Caller } from './caller.ts';
import { moveResource, visibleResource } from './resource-support.ts';

const ACTION_AUDIT = {
  submit: 'catalog.resource_submit',
  publish: 'catalog.resource_publish',
  return: 'catalog.resource_return',
  withdraw: 'catalog.resource_withdraw',
} as const;

/** 提交审核 / 审核 / 下架 as one audited command. */
export function transitionResource(
  deps: CommandDeps,
  ctx: CommandContext,
  caller: Caller,
  id: string,
  action: ResourceAction,
  version: number,
  note?: string,
) {
  return runCommand(
    deps,
    ctx,
    { action: ACTION_AUDIT[action], objectType: 'information_resource', objectId: id },
    async (tx, audit) => {
      const current = await visibleResource(tx, caller, id);
      audit.details = { code: current.code, from: current.state, ...(note ? { note } : {}) };
      const result = await moveResource(tx, caller, current, action, version, note);
      audit.details = { ...audit.details, to: result.to, singleSource: result.conflicts };
    },
  );
}
