/**
 * Security records of the systems the caller reads: visibility, filters and paging in SQL; the
 * records of a page come in a fixed number of statements (no per-row queries).
 */
import { and, asc, count, desc, eq, ilike, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import { type Caller, containsPattern, informationSystems, visibleWhere } from '../../catalog/index.ts';
import { users } from '../../identity/index.ts';
import { chinaDate } from '../../platform/clock.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { organisations } from '../../platform/db/core.ts';
import {
  opsAssessments,
  opsCloudExemptions,
  opsEmergencyPlans,
  opsGradings,
  opsIncidentSystems,
  opsIncidents,
  opsKeyProducts,
  opsOmHandovers,
  opsRetirements,
} from '../tables/index.ts';
import { loadSystem } from './context.ts';

export interface SystemFilter {
  organisationId?: string;
  q?: string;
  includeRetired?: boolean;
  limit: number;
  offset: number;
}

export function systemsVisible(
  caller: Caller,
  filter: Omit<SystemFilter, 'limit' | 'offset'>,
): SQL | undefined {
  const parts: (SQL | undefined)[] = [
    visibleWhere(caller.scope, informationSystems.ownerOrganisationId, informationSystems.jurisdictionId),
  ];
  if (filter.organisationId) parts.push(eq(informationSystems.ownerOrganisationId, filter.organisationId));
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    parts.push(or(ilike(informationSystems.name, pattern), ilike(informationSystems.code, pattern)));
  }
  if (!filter.includeRetired) parts.push(ne(informationSystems.status, 'retired'));
  return and(...parts.filter((p): p is SQL => p !== undefined));
}

interface LatestAssessment {
  systemId: string;
  kind: string;
  assessedOn: string;
  result: string;
  nextDue: string | null;
}

/** The latest assessment of each kind for each of `systemIds`. */
export async function latestAssessments(q: Queryable, systemIds: string[]): Promise<LatestAssessment[]> {
  if (systemIds.length === 0) return [];
  return q
    .selectDistinctOn([opsAssessments.systemId, opsAssessments.kind], {
      systemId: opsAssessments.systemId,
      kind: opsAssessments.kind,
      assessedOn: opsAssessments.assessedOn,
      result: opsAssessments.result,
      nextDue: opsAssessments.nextDue,
    })
    .from(opsAssessments)
    .where(inArray(opsAssessments.systemId, systemIds))
    .orderBy(
      opsAssessments.systemId,
      opsAssessments.kind,
      desc(opsAssessments.assessedOn),
      desc(opsAssessments.recordedAt),
    );
}

export async function listSecuritySystems(q: Queryable, caller: Caller, filter: SystemFilter) {
  const where = systemsVisible(caller, filter);
  const [{ total }] = await q.select({ total: count() }).from(informationSystems).where(where);
  const rows = await q
    .select({
      id: informationSystems.id,
      code: informationSystems.code,
      name: informationSystems.name,
      status: informationSystems.status,
      deployment: informationSystems.deployment,
      organisationId: informationSystems.ownerOrganisationId,
      organisationName: organisations.name,
      level: opsGradings.level,
      filingNumber: opsGradings.filingNumber,
      filingDate: opsGradings.filingDate,
      criticalInfrastructure: opsGradings.criticalInfrastructure,
      products: sql<number>`(select count(*) from ${opsKeyProducts} where ${opsKeyProducts.systemId} = ${informationSystems.id})`,
      uncontrollable: sql<number>`(select count(*) from ${opsKeyProducts} where ${opsKeyProducts.systemId} = ${informationSystems.id} and not ${opsKeyProducts.controllable})`,
    })
    .from(informationSystems)
    .innerJoin(organisations, eq(organisations.id, informationSystems.ownerOrganisationId))
    .leftJoin(opsGradings, eq(opsGradings.systemId, informationSystems.id))
    .where(where)
    .orderBy(asc(informationSystems.code))
    .limit(filter.limit)
    .offset(filter.offset);
  const latest = await latestAssessments(
    q,
    rows.map((r) => r.id),
  );
  const today = chinaDate(caller.now);
  const items = rows.map((row) => {
    const of = (kind: string) => {
      const found = latest.find((a) => a.systemId === row.id && a.kind === kind);
      return found
        ? {
            assessedOn: found.assessedOn,
            result: found.result,
            nextDue: found.nextDue,
            overdue: found.nextDue !== null && found.nextDue < today,
          }
        : null;
    };
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      status: row.status,
      deployment: row.deployment,
      organisationId: row.organisationId,
      organisationName: row.organisationName,
      grading:
        row.level === null
          ? null
          : {
              level: row.level,
              filingNumber: row.filingNumber ?? '',
              filingDate: row.filingDate ?? '',
              criticalInfrastructure: row.criticalInfrastructure ?? false,
            },
      mlps: of('mlps'),
      crypto: of('crypto'),
      risk: of('risk'),
      products: Number(row.products),
      uncontrollableProducts: Number(row.uncontrollable),
    };
  });
  return { items, total, limit: filter.limit, offset: filter.offset };
}

export async function securitySystemDetail(q: Queryable, caller: Caller, id: string) {
  const system = await loadSystem(q, caller, id, 'read');
  const [grading] = await q
    .select({
      level: opsGradings.level,
      filingNumber: opsGradings.filingNumber,
      filingDate: opsGradings.filingDate,
      criticalInfrastructure: opsGradings.criticalInfrastructure,
      version: opsGradings.version,
    })
    .from(opsGradings)
    .where(eq(opsGradings.systemId, id));
  const assessments = await q
    .select({
      id: opsAssessments.id,
      kind: opsAssessments.kind,
      assessedOn: opsAssessments.assessedOn,
      result: opsAssessments.result,
      reportNumber: opsAssessments.reportNumber,
      assessor: opsAssessments.assessor,
      level: opsAssessments.level,
      nextDue: opsAssessments.nextDue,
      contractorOrganisationName: organisations.name,
      findings: opsAssessments.findings,
      article: opsAssessments.article,
      recordedAt: opsAssessments.recordedAt,
    })
    .from(opsAssessments)
    .leftJoin(organisations, eq(organisations.id, opsAssessments.contractorOrganisationId))
    .where(eq(opsAssessments.systemId, id))
    .orderBy(desc(opsAssessments.assessedOn), desc(opsAssessments.recordedAt), desc(opsAssessments.id));
  const products = await q
    .select({
      id: opsKeyProducts.id,
      category: opsKeyProducts.category,
      name: opsKeyProducts.name,
      vendor: opsKeyProducts.vendor,
      productVersion: opsKeyProducts.productVersion,
      controllable: opsKeyProducts.controllable,
    })
    .from(opsKeyProducts)
    .where(eq(opsKeyProducts.systemId, id))
    .orderBy(asc(opsKeyProducts.recordedAt), asc(opsKeyProducts.id));
  const exemptions = await q
    .select({
      id: opsCloudExemptions.id,
      ground: opsCloudExemptions.ground,
      reason: opsCloudExemptions.reason,
      status: opsCloudExemptions.status,
      requestedAt: opsCloudExemptions.requestedAt,
      requestedBy: opsCloudExemptions.requestedBy,
      decidedAt: opsCloudExemptions.decidedAt,
      decisionNote: opsCloudExemptions.decisionNote,
      version: opsCloudExemptions.version,
    })
    .from(opsCloudExemptions)
    .where(eq(opsCloudExemptions.systemId, id))
    .orderBy(desc(opsCloudExemptions.requestedAt), desc(opsCloudExemptions.id));
  const from = sql`(select name from organisations o where o.id = ${opsOmHandovers.fromOrganisationId})`;
  const to = sql`(select name from organisations o where o.id = ${opsOmHandovers.toOrganisationId})`;
  const handovers = await q
    .select({
      id: opsOmHandovers.id,
      fromOrganisationName: sql<string>`${from}`,
      toOrganisationName: sql<string>`${to}`,
      handedOverOn: opsOmHandovers.handedOverOn,
      note: opsOmHandovers.note,
    })
    .from(opsOmHandovers)
    .where(eq(opsOmHandovers.systemId, id))
    .orderBy(desc(opsOmHandovers.handedOverOn), desc(opsOmHandovers.id));
  const retirements = await q
    .select({
      id: opsRetirements.id,
      reason: opsRetirements.reason,
      retirementDate: opsRetirements.retirementDate,
      dataDisposition: opsRetirements.dataDisposition,
      dataDestination: opsRetirements.dataDestination,
      dataConfirmedAt: opsRetirements.dataConfirmedAt,
      status: opsRetirements.status,
      requestedAt: opsRetirements.requestedAt,
      requestedBy: opsRetirements.requestedBy,
      requestedByName: users.displayName,
      decidedAt: opsRetirements.decidedAt,
      decisionNote: opsRetirements.decisionNote,
      withdrawnResources: opsRetirements.withdrawnResources,
      version: opsRetirements.version,
    })
    .from(opsRetirements)
    .innerJoin(users, eq(users.id, opsRetirements.requestedBy))
    .where(eq(opsRetirements.systemId, id))
    .orderBy(desc(opsRetirements.requestedAt), desc(opsRetirements.id));
  const plans = await q
    .select({
      id: opsEmergencyPlans.id,
      title: opsEmergencyPlans.title,
      currentVersion: opsEmergencyPlans.currentVersion,
    })
    .from(opsEmergencyPlans)
    .where(eq(opsEmergencyPlans.systemId, id))
    .orderBy(desc(opsEmergencyPlans.updatedAt), desc(opsEmergencyPlans.id));
  const incidents = await q
    .select({
      id: opsIncidents.id,
      title: opsIncidents.title,
      incidentClass: opsIncidents.incidentClass,
      status: opsIncidents.status,
      foundAt: opsIncidents.foundAt,
    })
    .from(opsIncidents)
    .innerJoin(opsIncidentSystems, eq(opsIncidentSystems.incidentId, opsIncidents.id))
    .where(eq(opsIncidentSystems.systemId, id))
    .orderBy(desc(opsIncidents.foundAt), desc(opsIncidents.id));
  const rules = system.rules;
  return {
    system: {
      id: system.id,
      code: system.code,
      name: system.name,
      status: system.status,
      deployment: system.deployment,
      cloudMigration: system.cloudMigration,
      organisationId: system.organisationId,
      organisationName: system.organisationName,
    },
    rules: rules
      ? {
          assessmentArticles: rules.assessmentArticles,
          riskAssessmentJoint: rules.riskAssessmentJoint,
          emergencyPlanJoint: rules.emergencyPlanJoint,
          cloudArticles: rules.cloud.articles,
          omHandoverRequired: rules.cloud.omHandover.required,
          countsAsCloud: (rules.cloud.countedDeployments as readonly string[]).includes(system.deployment),
        }
      : null,
    grading: grading ?? null,
    assessments,
    products,
    exemptions,
    handovers,
    retirements,
    plans,
    incidents,
  };
}
