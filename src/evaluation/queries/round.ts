/** A round with its jurisdiction's evaluation rules, for the commands and reads that act on it. */

import { eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import type { EvaluationRules } from '../../rules/index.ts';
import { type EvalCaller, managesJurisdiction, readsJurisdiction, requireRules } from '../rules.ts';
import { evalRounds } from '../tables.ts';
import { type JurisdictionRules, jurisdictionRules } from './jurisdiction-rules.ts';

export type RoundRow = typeof evalRounds.$inferSelect;

export interface RoundContext extends JurisdictionRules {
  round: RoundRow;
  evaluationRules: EvaluationRules;
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
