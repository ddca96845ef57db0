import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { revokeSession } from '../sessions.ts';

/** Ends the actor's session. */
export function logout(deps: CommandDeps, ctx: CommandContext, userId: string, sessionIdHash: string) {
  return runCommand(deps, ctx, { action: 'auth.logout', objectType: 'user', objectId: userId }, (tx) =>
    revokeSession(tx, sessionIdHash, deps.clock.now()),
  );
}
