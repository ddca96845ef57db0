import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import type { Caller } from './caller.ts';
import { type CloudBatchAction, cloudBatch } from './cloud-support.ts';

const BATCH_AUDIT = {
  approve: 'catalog.cloud_approve',
  publish: 'catalog.cloud_publish',
  reopen: 'catalog.cloud_reopen',
} as const satisfies Record<CloudBatchAction, string>;

/** 审定 / 发布 / 撤回修订 of a batch as one audited command. */
export function runCloudBatch(
  deps: CommandDeps,
  ctx: CommandContext,
  caller: Caller,
  action: CloudBatchAction,
  items: readonly { id: string; version: number }[],
) {
  return runCommand(
    deps,
    ctx,
    { action: BATCH_AUDIT[action], objectType: 'cloud_service', details: { count: items.length } },
    async (tx, audit) => {
      const result = await cloudBatch(tx, caller, action, items);
      audit.objectId = result.codes.length === 1 ? result.codes[0] : null;
      audit.details = { count: result.codes.length, statuses: result.statuses };
    },
  );
}
