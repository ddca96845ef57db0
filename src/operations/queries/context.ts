/**
 * What operations commands and queries load first: the system a record belongs to (checked against
 * the caller's scope) with the operations rules of its jurisdiction's rulebook, and the rules of a
 * jurisdiction by id.
 */
import { eq } from 'drizzle-orm';
import { type Caller, informationSystems } from '../../catalog/index.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { jurisdictions, organisations } from '../../platform/db/core.ts';
import { notFound } from '../../platform/errors.ts';
import { derivedFromCode } from '../../rulebooks/index.ts';
import { type OperationsRules, operationsRulesFor } from '../../rules/index.ts';
import { type Access, checkAccess } from '../policy.ts';

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
