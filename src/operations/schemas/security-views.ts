/** Response schemas of the operations routes: incidents, the security overview, system archives, retirements. */
import { Type } from 'typebox';
import { strict } from '../../platform/http/schemas.ts';
import { Int, N, paged, S, Time } from './atoms.ts';

export const IncidentView = Type.Object(
  {
    id: S,
    organisationId: S,
    organisationName: S,
    title: S,
    description: S,
    incidentClass: S,
    criticalInfrastructure: Type.Boolean(),
    foundAt: Time,
    reportDueAt: N(Time),
    firstReportAt: N(Time),
    cause: N(S),
    liableParty: N(S),
    liabilityArticle: N(S),
    authorityFilingRequired: Type.Boolean(),
    authorityFilingArticle: N(S),
    authorityFiledAt: N(Time),
    status: S,
    closedAt: N(Time),
    recordedAt: Time,
    version: Int,
    systems: Type.Array(Type.Object({ id: S, code: S, name: S }, strict)),
    reportingHours: N(Int),
    reportOverdue: Type.Boolean({ description: '报告时限已过而未报告，或首次报告晚于时限' }),
    authorityFilingMissing: Type.Boolean({ description: '规则集要求向主管部门报备而尚未报备（DT-36）' }),
  },
  strict,
);
export const IncidentPage = paged(IncidentView);
export const IncidentDetail = Type.Object(
  {
    incident: IncidentView,
    entries: Type.Array(
      Type.Object(
        {
          id: S,
          seq: Int,
          kind: S,
          at: Time,
          text: S,
          recipient: N(S),
          correctsEntryId: N(S),
          recordedByName: S,
          recordedAt: Time,
        },
        strict,
      ),
    ),
    reportTo: N(S),
    incidentArticles: Type.Array(S),
    authorityFilingWording: N(S),
  },
  strict,
);
const DueStatus = Type.Union([Type.Literal('overdue'), Type.Literal('due_soon'), Type.Literal('ok')]);
export const OverviewView = Type.Object(
  {
    today: S,
    assessments: Type.Array(
      Type.Object(
        {
          systemId: S,
          systemCode: S,
          systemName: S,
          organisationName: S,
          kind: S,
          level: Int,
          lastAssessedOn: N(S),
          dueDate: S,
          status: DueStatus,
          article: N(S),
        },
        strict,
      ),
    ),
    upcomingAssessments: Int,
    drills: Type.Array(
      Type.Object(
        {
          id: S,
          planId: S,
          planTitle: S,
          organisationName: S,
          plannedOn: S,
          scenario: S,
          status: DueStatus,
          articles: Type.Array(S),
        },
        strict,
      ),
    ),
    incidents: Type.Array(IncidentView),
    counts: Type.Object(
      {
        gradedSystems: Int,
        overdueAssessments: Int,
        overdueDrills: Int,
        openIncidents: Int,
        missedReports: Int,
        missingFilings: Int,
      },
      strict,
    ),
  },
  strict,
);
const Assessed = N(Type.Object({ assessedOn: S, result: S, nextDue: N(S), overdue: Type.Boolean() }, strict));
export const SecuritySystemPage = paged(
  Type.Object(
    {
      id: S,
      code: S,
      name: S,
      status: S,
      deployment: S,
      organisationId: S,
      organisationName: S,
      grading: N(
        Type.Object(
          { level: Int, filingNumber: S, filingDate: S, criticalInfrastructure: Type.Boolean() },
          strict,
        ),
      ),
      mlps: Assessed,
      crypto: Assessed,
      risk: Assessed,
      products: Int,
      uncontrollableProducts: Int,
    },
    strict,
  ),
);
export const RetirementPage = paged(
  Type.Object(
    {
      id: S,
      systemId: S,
      systemCode: S,
      systemName: S,
      organisationName: S,
      reason: S,
      retirementDate: S,
      dataDisposition: S,
      dataDestination: S,
      dataConfirmedAt: N(Time),
      status: S,
      requestedBy: S,
      requestedByName: S,
      requestedAt: Time,
      decidedAt: N(Time),
      decisionNote: N(S),
      withdrawnResources: N(Int),
      version: Int,
      mine: Type.Boolean(),
    },
    strict,
  ),
);
export const AssessmentRecorded = Type.Object({ id: S, nextDue: N(S) }, strict);
export const RetirementDecided = Type.Object({ withdrawnResources: Int }, strict);
export const PlanRevised = Type.Object({ number: Int }, strict);

const Joint = Type.Object(
  { contractorRequired: Type.Boolean(), articles: Type.Array(S), wording: S },
  strict,
);
export const SystemDetailView = Type.Object(
  {
    system: Type.Object(
      {
        id: S,
        code: S,
        name: S,
        status: S,
        deployment: S,
        cloudMigration: S,
        organisationId: S,
        organisationName: S,
      },
      strict,
    ),
    rules: N(
      Type.Object(
        {
          assessmentArticles: Type.Array(S),
          riskAssessmentJoint: Joint,
          emergencyPlanJoint: Joint,
          cloudArticles: Type.Array(S),
          omHandoverRequired: Type.Boolean(),
          countsAsCloud: Type.Boolean(),
        },
        strict,
      ),
    ),
    grading: N(
      Type.Object(
        { level: Int, filingNumber: S, filingDate: S, criticalInfrastructure: Type.Boolean(), version: Int },
        strict,
      ),
    ),
    assessments: Type.Array(
      Type.Object(
        {
          id: S,
          kind: S,
          assessedOn: S,
          result: S,
          reportNumber: S,
          assessor: S,
          level: N(Int),
          nextDue: N(S),
          contractorOrganisationName: N(S),
          findings: N(S),
          article: S,
          recordedAt: Time,
        },
        strict,
      ),
    ),
    products: Type.Array(
      Type.Object(
        {
          id: S,
          category: S,
          name: S,
          vendor: S,
          productVersion: N(S),
          controllable: Type.Boolean(),
        },
        strict,
      ),
    ),
    exemptions: Type.Array(
      Type.Object(
        {
          id: S,
          ground: S,
          reason: S,
          status: S,
          requestedAt: Time,
          requestedBy: S,
          decidedAt: N(Time),
          decisionNote: N(S),
          version: Int,
        },
        strict,
      ),
    ),
    handovers: Type.Array(
      Type.Object(
        { id: S, fromOrganisationName: S, toOrganisationName: S, handedOverOn: S, note: N(S) },
        strict,
      ),
    ),
    retirements: Type.Array(
      Type.Object(
        {
          id: S,
          reason: S,
          retirementDate: S,
          dataDisposition: S,
          dataDestination: S,
          dataConfirmedAt: N(Time),
          status: S,
          requestedAt: Time,
          requestedBy: S,
          requestedByName: S,
          decidedAt: N(Time),
          decisionNote: N(S),
          withdrawnResources: N(Int),
          version: Int,
        },
        strict,
      ),
    ),
    plans: Type.Array(Type.Object({ id: S, title: S, currentVersion: Int }, strict)),
    incidents: Type.Array(
      Type.Object({ id: S, title: S, incidentClass: S, status: S, foundAt: Time }, strict),
    ),
  },
  strict,
);
