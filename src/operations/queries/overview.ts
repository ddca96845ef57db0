/**
 * The authority's security overview (issue 15): assessments due or overdue (等保测评, 密评), drills
 * planned and not held, open incidents with missed reporting deadlines or a missing DT-36 filing —
 * over every system of the caller's scope (a department sees its own). The due dates are the ones
 * stored with each filed assessment; a graded system never assessed is due one interval after its
 * 备案 date.
 */
import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import { type Caller, informationSystems, visibleWhere } from '../../catalog/index.ts';
import { chinaDate } from '../../platform/clock.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { jurisdictions, organisations } from '../../platform/db/core.ts';
import { derivedFromCode } from '../../rulebooks/index.ts';
import { nextAssessmentDue, operationsRulesFor } from '../../rules/index.ts';
import { opsDrills, opsEmergencyPlans, opsGradings } from '../tables/index.ts';
import { listIncidents } from './incidents.ts';
import { latestAssessments } from './systems.ts';

export type DueStatus = 'overdue' | 'due_soon' | 'ok';

const SOON_DAYS = 30;

function dueStatus(due: string, today: string, soon: string): DueStatus {
  if (due < today) return 'overdue';
  return due <= soon ? 'due_soon' : 'ok';
}

export async function securityOverview(q: Queryable, caller: Caller) {
  const today = chinaDate(caller.now);
  const soon = chinaDate(new Date(caller.now.getTime() + SOON_DAYS * 86_400_000));
  const graded = await q
    .select({
      systemId: informationSystems.id,
      code: informationSystems.code,
      name: informationSystems.name,
      organisationName: organisations.name,
      rulebookCode: jurisdictions.rulebookCode,
      derivedFrom: derivedFromCode,
      level: opsGradings.level,
      filingDate: opsGradings.filingDate,
    })
    .from(opsGradings)
    .innerJoin(informationSystems, eq(informationSystems.id, opsGradings.systemId))
    .innerJoin(organisations, eq(organisations.id, informationSystems.ownerOrganisationId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, informationSystems.jurisdictionId))
    .where(
      and(
        visibleWhere(caller.scope, informationSystems.ownerOrganisationId, informationSystems.jurisdictionId),
        ne(informationSystems.status, 'retired'),
      ),
    )
    .orderBy(asc(informationSystems.code));
  const latest = await latestAssessments(
    q,
    graded.map((g) => g.systemId),
  );
  const assessments = graded.flatMap((system) => {
    const rules = operationsRulesFor(system.rulebookCode, system.derivedFrom);
    if (!rules) return [];
    return (['mlps', 'crypto'] as const).flatMap((kind) => {
      const last = latest.find((a) => a.systemId === system.systemId && a.kind === kind);
      const due = last ? last.nextDue : nextAssessmentDue(rules, kind, system.level, system.filingDate);
      if (due === null) return [];
      return [
        {
          systemId: system.systemId,
          systemCode: system.code,
          systemName: system.name,
          organisationName: system.organisationName,
          kind,
          level: system.level,
          lastAssessedOn: last?.assessedOn ?? null,
          dueDate: due,
          status: dueStatus(due, today, soon),
          article: rules.assessmentArticles[0] ?? null,
        },
      ];
    });
  });
  const drills = await q
    .select({
      id: opsDrills.id,
      planId: opsEmergencyPlans.id,
      planTitle: opsEmergencyPlans.title,
      organisationName: organisations.name,
      rulebookCode: jurisdictions.rulebookCode,
      derivedFrom: derivedFromCode,
      plannedOn: opsDrills.plannedOn,
      scenario: opsDrills.scenario,
    })
    .from(opsDrills)
    .innerJoin(opsEmergencyPlans, eq(opsEmergencyPlans.id, opsDrills.planId))
    .innerJoin(organisations, eq(organisations.id, opsEmergencyPlans.organisationId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, opsEmergencyPlans.jurisdictionId))
    .where(
      and(
        visibleWhere(caller.scope, opsEmergencyPlans.organisationId, opsEmergencyPlans.jurisdictionId),
        isNull(opsDrills.heldOn),
      ),
    )
    .orderBy(asc(opsDrills.plannedOn), asc(opsDrills.id))
    .limit(500);
  const incidents = await listIncidents(q, caller, { status: 'open', limit: 500, offset: 0 });
  const drillRows = drills.map(({ rulebookCode, derivedFrom, ...d }) => {
    const rules = operationsRulesFor(rulebookCode, derivedFrom);
    return {
      ...d,
      status: dueStatus(d.plannedOn, today, soon),
      articles: rules?.emergencyPlanJoint.articles ?? [],
    };
  });
  return {
    today,
    assessments: assessments.filter((a) => a.status !== 'ok'),
    upcomingAssessments: assessments.filter((a) => a.status === 'ok').length,
    drills: drillRows,
    incidents: incidents.items,
    counts: {
      gradedSystems: graded.length,
      overdueAssessments: assessments.filter((a) => a.status === 'overdue').length,
      overdueDrills: drillRows.filter((d) => d.status === 'overdue').length,
      openIncidents: incidents.total,
      missedReports: incidents.items.filter((i) => i.reportOverdue).length,
      missingFilings: incidents.items.filter((i) => i.authorityFilingMissing).length,
    },
  };
}
