/**
 * What every evaluation command and query needs: the caller's scope (the catalog's: a department
 * sees its own organisation, the authority and the oversight roles their jurisdiction), the round
 * with its jurisdiction's evaluation rules, and the checks on who may act.
 */
import { eq, sql } from 'drizzle-orm';
import { canManage, canRead, catalogScope } from '../catalog/index.ts';
import type { Actor } from '../platform/actor.ts';
import { chinaDate } from '../platform/clock.ts';
import type { CommandContext, CommandDeps } from '../platform/command.ts';
import type { Queryable } from '../platform/db/client.ts';
import { jurisdictions, rulebookVersions } from '../platform/db/core.ts';
import { conflict, forbidden, notFound, unauthenticated } from '../platform/errors.ts';
import { type EvaluationRules, evaluationRulesFor } from '../rules/index.ts';
import { evalRounds } from './tables.ts';

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

/** The rulebook a jurisdiction's rulebook derives from (DT-37), as SQL over `jurisdictions`. */
const derivedFromCode = sql<string | null>`(
  select ${rulebookVersions.derivedFromCode} from ${rulebookVersions}
  where ${rulebookVersions.code} = ${jurisdictions.rulebookCode}
  order by ${rulebookVersions.version} desc limit 1)`;

export interface JurisdictionRules {
  jurisdictionId: string;
  jurisdictionName: string;
  rulebookCode: string | null;
  baseCode: string | null;
  rules: EvaluationRules | null;
}

export async function jurisdictionRules(
  q: Queryable,
  jurisdictionId: string,
): Promise<JurisdictionRules | null> {
  const [row] = await q
    .select({
      name: jurisdictions.name,
      rulebookCode: jurisdictions.rulebookCode,
      derivedFrom: derivedFromCode,
    })
    .from(jurisdictions)
    .where(eq(jurisdictions.id, jurisdictionId));
  if (!row) return null;
  const rules = evaluationRulesFor(row.rulebookCode, row.derivedFrom);
  return {
    jurisdictionId,
    jurisdictionName: row.name,
    rulebookCode: row.rulebookCode,
    baseCode: row.rulebookCode && evaluationRulesFor(row.rulebookCode) ? row.rulebookCode : row.derivedFrom,
    rules,
  };
}

export function requireRules(j: JurisdictionRules): EvaluationRules {
  if (!j.rules) throw conflict('EVAL_NOT_IN_RULEBOOK', '本辖区的办法未规定年度自评价和绩效考核');
  return j.rules;
}

export type RoundRow = typeof evalRounds.$inferSelect;
export interface RoundContext extends JurisdictionRules {
  round: RoundRow;
  evaluationRules: EvaluationRules;
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

/** A round: absent or outside the caller's jurisdictions is the same 404; `manage` needs the authority. */
export async function loadRound(
  q: Queryable,
  caller: EvalCaller,
  id: string,
  access: 'read' | 'manage',
  lock = false,
): Promise<RoundContext> {
  const base = q.select().from(evalRounds).where(eq(evalRounds.id, id));
  const [round] = lock ? await base.for('update') : await base;
  if (!round || !readsJurisdiction(caller, round.jurisdictionId)) throw notFound('考核年度不存在或无权查看');
  if (access === 'manage' && !managesJurisdiction(caller, round.jurisdictionId))
    throw forbidden('年度考核由本辖区主管部门组织', 'EVAL_AUTHORITY_ONLY');
  const j = await jurisdictionRules(q, round.jurisdictionId);
  if (!j) throw notFound('考核年度不存在或无权查看');
  return { ...j, round, evaluationRules: requireRules(j) };
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
