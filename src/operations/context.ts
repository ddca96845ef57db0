/**
 * What every operations command and query needs: the caller (with the catalog scope — operations
 * records follow the system catalog's visibility) and the system, plan or incident it touches, with
 * the operations rules of its jurisdiction's rulebook.
 */
import { and, eq } from 'drizzle-orm';
import { type Caller, callerOf, canEdit, canManage, canRead, informationSystems } from '../catalog/index.ts';
import { chinaDate } from '../platform/clock.ts';
import type { CommandContext, CommandDeps } from '../platform/command.ts';
import type { Queryable } from '../platform/db/client.ts';
import { jurisdictions, organisations } from '../platform/db/core.ts';
import { forbidden, invalid, notFound, refused, unauthenticated } from '../platform/errors.ts';
import { derivedFromCode } from '../rulebooks/index.ts';
import { type OperationsRules, operationsRulesFor } from '../rules/index.ts';

export type { Caller };

export function callerOfContext(deps: CommandDeps, ctx: CommandContext): Caller {
  if (!ctx.actor) throw unauthenticated();
  return callerOf(ctx.actor, deps.clock.now());
}

/** The rulebook a jurisdiction's rulebook was derived from (DT-37), as SQL over `jurisdictions` (src/rulebooks). */
export { derivedFromCode };

export interface Placement {
  organisationId: string;
  jurisdictionId: string;
  rules: OperationsRules | null;
}

export interface SystemContext extends Placement {
  id: string;
  code: string;
  name: string;
  status: string;
  deployment: string;
  cloudMigration: string;
  version: number;
  organisationName: string;
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

export async function loadSystem(
  q: Queryable,
  caller: Caller,
  id: string,
  access: Access,
): Promise<SystemContext> {
  const [row] = await q
    .select({
      id: informationSystems.id,
      code: informationSystems.code,
      name: informationSystems.name,
      status: informationSystems.status,
      deployment: informationSystems.deployment,
      cloudMigration: informationSystems.cloudMigration,
      version: informationSystems.version,
      organisationId: informationSystems.ownerOrganisationId,
      organisationName: organisations.name,
      jurisdictionId: informationSystems.jurisdictionId,
      rulebookCode: jurisdictions.rulebookCode,
      derivedFrom: derivedFromCode,
    })
    .from(informationSystems)
    .innerJoin(organisations, eq(organisations.id, informationSystems.ownerOrganisationId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, informationSystems.jurisdictionId))
    .where(eq(informationSystems.id, id));
  if (!row) throw notFound('系统不存在或无权查看');
  checkAccess(caller, row, access);
  const { rulebookCode, derivedFrom, ...rest } = row;
  return { ...rest, rules: operationsRulesFor(rulebookCode, derivedFrom) };
}

/** The rules of a jurisdiction by id. */
export async function rulesOfJurisdiction(
  q: Queryable,
  jurisdictionId: string,
): Promise<OperationsRules | null> {
  const [row] = await q
    .select({ rulebookCode: jurisdictions.rulebookCode, derivedFrom: derivedFromCode })
    .from(jurisdictions)
    .where(eq(jurisdictions.id, jurisdictionId));
  return row ? operationsRulesFor(row.rulebookCode, row.derivedFrom) : null;
}

/** Operations rules are required to record anything rule-dependent. */
export function requireRules(rules: OperationsRules | null): OperationsRules {
  if (!rules) {
    throw refused('OPS_NO_RULEBOOK', '本辖区尚未适用规则集，不能登记运行安全记录', 'DT-37');
  }
  return rules;
}

export interface OrganisationRef {
  id: string;
  name: string;
  kind: string;
  jurisdictionId: string;
}

/**
 * An organisation named in a record (a contractor, a responsible body): it must exist in the same
 * jurisdiction, and be of `kinds` when given. The organisation directory is public to every
 * signed-in user (GET /api/organisations), so naming the problem reveals nothing.
 */
export async function organisationIn(
  q: Queryable,
  id: string,
  jurisdictionId: string,
  field: string,
  kinds?: readonly string[],
): Promise<OrganisationRef> {
  const [row] = await q
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      jurisdictionId: organisations.jurisdictionId,
    })
    .from(organisations)
    .where(and(eq(organisations.id, id), eq(organisations.jurisdictionId, jurisdictionId)));
  if (!row) throw invalid('OPS_ORGANISATION_UNKNOWN', '所选单位不属于本辖区', { field });
  if (kinds && !kinds.includes(row.kind)) {
    throw invalid('OPS_ORGANISATION_KIND', '所选单位的类型不符', { field });
  }
  return row;
}

/** A date the caller enters for something that happened: not in the future (China time). */
export function notFuture(date: string, now: Date, field: string): void {
  if (date > chinaDate(now)) throw invalid('OPS_DATE_IN_FUTURE', '日期不能晚于今天', { field });
}

export function notFutureInstant(at: Date, now: Date, field: string): void {
  if (at.getTime() > now.getTime()) throw invalid('OPS_TIME_IN_FUTURE', '时间不能晚于当前时间', { field });
}

export { versionConflict } from '../platform/errors.ts';
