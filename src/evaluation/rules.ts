/**
 * The evaluation module's pure rules that are not in the rulebook (src/rules/evaluation.ts has those):
 * the caller's scope (the catalog's: a department sees its own organisation, the authority and the
 * oversight roles their jurisdiction), the checks on who may act, and the amount parsing.
 */

import { canManage, canRead, catalogScope } from '../catalog/index.ts';
import type { Actor } from '../platform/actor.ts';
import { chinaDate } from '../platform/clock.ts';
import type { CommandContext, CommandDeps } from '../platform/command.ts';
import { conflict, forbidden, invalid, unauthenticated } from '../platform/errors.ts';
import type { EvaluationRules } from '../rules/index.ts';
import type { JurisdictionRules } from './queries/jurisdiction-rules.ts';

/** "1234.56" yuan → fen; refused (never rounded) when it has more than two decimals. */
export function parseYuan(value: string): bigint {
  const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!m)
    throw invalid('EVAL_AMOUNT_INVALID', '金额须为不超过两位小数的非负数（元）', { field: 'fundsUsed' });
  return BigInt(m[1]) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
}

export interface EvalCaller {
  userId: string;
  displayName: string;
  assignments: Actor['assignments'];
  scope: ReturnType<typeof catalogScope>;
  now: Date;
  today: string;
}

export function evalCaller(actor: Actor | null, now: Date): EvalCaller {
  if (!actor) throw unauthenticated();
  return {
    userId: actor.userId,
    displayName: actor.displayName,
    assignments: actor.assignments,
    scope: catalogScope(actor.assignments),
    now,
    today: chinaDate(now),
  };
}

export const callerOfContext = (deps: CommandDeps, ctx: CommandContext) =>
  evalCaller(ctx.actor, deps.clock.now());

export function requireRules(j: JurisdictionRules): EvaluationRules {
  if (!j.rules) throw conflict('EVAL_NOT_IN_RULEBOOK', '本辖区的办法未规定年度自评价和绩效考核');
  return j.rules;
}

/** The caller reads the round's jurisdiction (own department or oversight role there). */
export function readsJurisdiction(caller: EvalCaller, jurisdictionId: string): boolean {
  return (
    caller.scope.readJurisdictions.includes(jurisdictionId) ||
    caller.assignments.some(
      (a) => a.jurisdictionId === jurisdictionId && caller.scope.ownOrganisations.includes(a.organisationId),
    )
  );
}

export function managesJurisdiction(caller: EvalCaller, jurisdictionId: string): boolean {
  return canManage(caller.scope, jurisdictionId);
}

/** Whether the caller reads an object of `organisationId` in `jurisdictionId`. */
export function readsObject(caller: EvalCaller, place: { organisationId: string; jurisdictionId: string }) {
  return canRead(caller.scope, place);
}

/** Nobody scores, checks or closes what belongs to their own organisation. */
export function notOwnOrganisation(caller: EvalCaller, organisationId: string, article: string): void {
  if (caller.assignments.some((a) => a.organisationId === organisationId)) {
    throw forbidden('不能评价、抽查或核销本单位的项目', 'EVAL_OWN_DEPARTMENT', { article });
  }
}

export { versionConflict } from '../platform/errors.ts';
