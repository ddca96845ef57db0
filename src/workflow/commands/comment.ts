/** 发表意见: anyone who may see the project adds a comment to its history. */

import type { CommandContext } from '../../platform/command.ts';
import type { WorkflowEnv } from '../../projects/index.ts';
import { insertAction } from '../actions.ts';
import type { ProjectDeps } from '../deps.ts';
import { projectCommand } from '../project-command.ts';

export async function addComment(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  id: string,
  text: string,
): Promise<void> {
  await projectCommand(
    deps,
    ctx,
    env,
    id,
    { action: 'project.comment', objectType: 'project', objectId: id },
    async ({ tx, actor }) => {
      await insertAction(tx, env, actor, id, { kind: 'comment', opinion: text });
    },
    { lock: false, refresh: false },
  );
}
