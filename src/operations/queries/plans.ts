/** Emergency plans the caller reads, with their versions and drills (overdue drills flagged). */
import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { type Caller, informationSystems, visibleWhere } from '../../catalog/index.ts';
import { chinaDate } from '../../platform/clock.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { organisations } from '../../platform/db/core.ts';
import { opsDrills, opsEmergencyPlans, opsEmergencyPlanVersions } from '../tables/index.ts';

export function plansVisible(caller: Caller, organisationId?: string): SQL | undefined {
  const parts: SQL[] = [
    visibleWhere(caller.scope, opsEmergencyPlans.organisationId, opsEmergencyPlans.jurisdictionId),
  ];
  if (organisationId) parts.push(eq(opsEmergencyPlans.organisationId, organisationId));
  return and(...parts);
}

export async function listPlans(
  q: Queryable,
  caller: Caller,
  filter: { organisationId?: string; limit: number; offset: number },
) {
  const where = plansVisible(caller, filter.organisationId);
  const [{ total }] = await q.select({ total: count() }).from(opsEmergencyPlans).where(where);
  const plans = await q
    .select({
      id: opsEmergencyPlans.id,
      title: opsEmergencyPlans.title,
      organisationId: opsEmergencyPlans.organisationId,
      organisationName: organisations.name,
      systemId: opsEmergencyPlans.systemId,
      systemName: informationSystems.name,
      currentVersion: opsEmergencyPlans.currentVersion,
      updatedAt: opsEmergencyPlans.updatedAt,
      version: opsEmergencyPlans.version,
    })
    .from(opsEmergencyPlans)
    .innerJoin(organisations, eq(organisations.id, opsEmergencyPlans.organisationId))
    .leftJoin(informationSystems, eq(informationSystems.id, opsEmergencyPlans.systemId))
    .where(where)
    .orderBy(desc(opsEmergencyPlans.updatedAt), desc(opsEmergencyPlans.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const ids = plans.map((p) => p.id);
  const versions =
    ids.length === 0
      ? []
      : await q
          .select({
            planId: opsEmergencyPlanVersions.planId,
            number: opsEmergencyPlanVersions.number,
            documentNumber: opsEmergencyPlanVersions.documentNumber,
            summary: opsEmergencyPlanVersions.summary,
            adoptedOn: opsEmergencyPlanVersions.adoptedOn,
            contractorOrganisationName: organisations.name,
          })
          .from(opsEmergencyPlanVersions)
          .leftJoin(organisations, eq(organisations.id, opsEmergencyPlanVersions.contractorOrganisationId))
          .where(inArray(opsEmergencyPlanVersions.planId, ids))
          .orderBy(desc(opsEmergencyPlanVersions.number));
  const drills =
    ids.length === 0
      ? []
      : await q
          .select({
            id: opsDrills.id,
            planId: opsDrills.planId,
            plannedOn: opsDrills.plannedOn,
            scenario: opsDrills.scenario,
            heldOn: opsDrills.heldOn,
            participants: opsDrills.participants,
            findings: opsDrills.findings,
            version: opsDrills.version,
          })
          .from(opsDrills)
          .where(inArray(opsDrills.planId, ids))
          .orderBy(asc(opsDrills.plannedOn), asc(opsDrills.id));
  const today = chinaDate(caller.now);
  return {
    items: plans.map((plan) => ({
      ...plan,
      versions: versions.filter((v) => v.planId === plan.id).map(({ planId: _p, ...v }) => v),
      drills: drills
        .filter((d) => d.planId === plan.id)
        .map(({ planId: _p, ...d }) => ({ ...d, overdue: d.heldOn === null && d.plannedOn < today })),
    })),
    total,
    limit: filter.limit,
    offset: filter.offset,
  };
}
