/**
 * `projectCommand`: the preamble and ending every write on one project repeats. It runs the body in
 * one audited transaction (runCommand), locks the project row and loads the caller's view of it
 * (absent and invisible alike answer 404), and afterwards re-evaluates the project (state, open
 * steps, arrival notices, version). N parallel calls on one step serialise on the row lock, so one
 * makes the transition and the others find the step done.
 */

import type { Actor } from '../platform/actor.ts';
import { type AuditDraft, type CommandContext, type CommandDeps, runCommand } from '../platform/command.ts';
import type { Tx } from '../platform/db/client.ts';
import { type ProjectContext, type Relation, visibleContext, type WorkflowEnv } from '../projects/index.ts';
import { refreshProject } from './context.ts';

/** The role an audit row names: an assignment, or a role the rulebook resolved for the caller. */
export interface ActingRole {
  role: string;
  organisationId: string;
  jurisdictionId: string;
}

export interface ProjectScope {
  tx: Tx;
  actor: Actor;
  pc: ProjectContext;
  relation: Relation;
  audit: AuditDraft;
  /** The audit row names the role the caller acts in (and its jurisdiction when asked). */
  actingAs(role: ActingRole, options?: { jurisdiction?: boolean }): void;
  /** Nothing changed (an idempotent replay): the project is not re-evaluated. */
  unchanged(): void;
}

export interface ProjectCommandOptions {
  /** Lock the project row (default true); a comment reads without it. */
  lock?: boolean;
  /** Re-evaluate the project afterwards (default true); 催办 and comments change no state. */
  refresh?: boolean;
}

export async function projectCommand<T>(
  deps: CommandDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  projectId: string,
  draft: AuditDraft,
  body: (scope: ProjectScope) => Promise<T>,
  options: ProjectCommandOptions = {},
): Promise<T> {
  const actor = ctx.actor!;
  return runCommand(deps, ctx, draft, async (tx, audit) => {
    const { pc, relation } = await visibleContext(tx, env, actor, projectId, {
      lock: options.lock ?? true,
    });
    let changed = options.refresh ?? true;
    const result = await body({
      tx,
      actor,
      pc,
      relation,
      audit,
      actingAs(role, opts) {
        audit.role = role.role;
        audit.organisationId = role.organisationId;
        if (opts?.jurisdiction) audit.jurisdictionId = role.jurisdictionId;
      },
      unchanged() {
        changed = false;
      },
    });
    if (changed) await refreshProject(tx, env, projectId);
    return result;
  });
}
