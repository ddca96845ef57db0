/** A jurisdiction with its rulebook's evaluation rules (DT-37: a derived rulebook keeps its base's). */

import { eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { jurisdictions } from '../../platform/db/core.ts';
import { derivedFromCode } from '../../rulebooks/index.ts';
import { type EvaluationRules, evaluationRulesFor } from '../../rules/index.ts';

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
