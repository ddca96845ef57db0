/**
 * Who may touch an operations record, as pure functions of the caller: the caller with the catalog
 * scope (operations records follow the system catalog's visibility) and the access check of a read,
 * an edit or an authority decision on a record's placement.
 */
import { type Caller, callerOf, canEdit, canManage, canRead } from '../catalog/index.ts';
import type { CommandContext, CommandDeps } from '../platform/command.ts';
import { forbidden, notFound, unauthenticated } from '../platform/errors.ts';

export function callerOfContext(deps: CommandDeps, ctx: CommandContext): Caller {
  if (!ctx.actor) throw unauthenticated();
  return callerOf(ctx.actor, deps.clock.now());
}

/** Read: absent or outside the caller's scope is the same 404. Edit: readable but not editable is 403. */
export type Access = 'read' | 'edit' | 'manage';

export function checkAccess(
  caller: Caller,
  place: { organisationId: string; jurisdictionId: string },
  access: Access,
) {
  if (!canRead(caller.scope, place) && !canEdit(caller.scope, place)) throw notFound();
  if (access === 'edit' && !canEdit(caller.scope, place)) {
    throw forbidden('只有本单位或本辖区主管部门可以登记', 'OPS_NOT_EDITABLE');
  }
  if (access === 'manage' && !canManage(caller.scope, place.jurisdictionId)) {
    throw forbidden('由本辖区主管部门办理', 'OPS_AUTHORITY_ONLY');
  }
}
