/** Request and response schemas of the operations routes (TypeBox): strict bodies, no unknown fields. */

import { type TSchema, Type } from 'typebox';
import { Paging, Uuid, VersionInput } from '../http/schemas.ts';

export const strict = { additionalProperties: false } as const;

const Text = (max: number, description?: string) =>
  Type.String({ minLength: 1, maxLength: max, ...(description ? { description } : {}) });
export const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
export const Instant = Type.String({ format: 'date-time', description: 'ISO 8601 时间（含时区）' });
const Version = VersionInput;

export const IdParams = Type.Object({ id: Uuid }, strict);
export const ProductParams = Type.Object({ id: Uuid, productId: Uuid }, strict);
export const KindParams = Type.Object(
  {
    kind: Type.Union(
      ['natural_person', 'legal_person', 'spatial', 'certificate', 'credit', 'macro_economy'].map((k) =>
        Type.Literal(k),
      ),
    ),
  },
  strict,
);

export const Created = Type.Object({ id: Type.String() }, strict);
export const Ok = Type.Object({ ok: Type.Literal(true) }, strict);

export const ListQuery = Type.Object(
  {
    organisationId: Type.Optional(Uuid),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    includeRetired: Type.Optional(Type.Boolean()),
    ...Paging,
  },
  strict,
);
export const IncidentQuery = Type.Object(
  {
    status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])),
    organisationId: Type.Optional(Uuid),
    ...Paging,
  },
  strict,
);
export const RetirementQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Union([Type.Literal('requested'), Type.Literal('approved'), Type.Literal('rejected')]),
    ),
    ...Paging,
  },
  strict,
);
export const OrgQuery = Type.Object({ organisationId: Type.Optional(Uuid), ...Paging }, strict);

export const GradingBody = Type.Object(
  {
    level: Type.Integer({ minimum: 1, maximum: 5, description: '安全保护等级' }),
    filingNumber: Text(100, '备案证明编号'),
    filingDate: IsoDate,
    criticalInfrastructure: Type.Boolean({ description: '关键信息基础设施' }),
    version: Type.Optional(Version),
  },
  strict,
);

export const AssessmentBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('mlps'), Type.Literal('crypto'), Type.Literal('risk')]),
    assessedOn: IsoDate,
    result: Type.Union([Type.Literal('pass'), Type.Literal('basic_pass'), Type.Literal('fail')]),
    reportNumber: Text(100),
    assessor: Text(200),
    contractorOrganisationId: Type.Optional(Uuid),
    findings: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  strict,
);

export const ProductBody = Type.Object(
  {
    category: Type.Union(
      ['cpu', 'server', 'os', 'database', 'middleware', 'network', 'security', 'office', 'other'].map((c) =>
        Type.Literal(c),
      ),
    ),
    name: Text(200),
    vendor: Text(200),
    productVersion: Type.Optional(Type.String({ maxLength: 100 })),
    controllable: Type.Boolean({ description: '是否自主可控' }),
  },
  strict,
);

const planVersionFields = {
  documentNumber: Text(100, '文号'),
  summary: Text(4000),
  adoptedOn: IsoDate,
  contractorOrganisationId: Type.Optional(Uuid),
};
export const PlanBody = Type.Object(
  {
    title: Text(200),
    systemId: Type.Optional(Uuid),
    organisationId: Type.Optional(Uuid),
    ...planVersionFields,
  },
  strict,
);
export const PlanVersionBody = Type.Object({ ...planVersionFields, version: Version }, strict);
export const DrillBody = Type.Object({ plannedOn: IsoDate, scenario: Text(1000) }, strict);
export const DrillHeldBody = Type.Object(
  { version: Version, heldOn: IsoDate, participants: Text(2000), findings: Text(4000) },
  strict,
);

export const IncidentBody = Type.Object(
  {
    title: Text(200),
    description: Text(4000),
    incidentClass: Type.Union([
      Type.Literal('general'),
      Type.Literal('major'),
      Type.Literal('serious'),
      Type.Literal('critical'),
    ]),
    foundAt: Instant,
    systemIds: Type.Array(Uuid, { minItems: 1, maxItems: 50 }),
    criticalInfrastructure: Type.Optional(Type.Boolean()),
    cause: Type.Optional(
      Type.Union([
        Type.Literal('weak_password'),
        Type.Literal('stolen_password'),
        Type.Literal('technical'),
        Type.Literal('other'),
      ]),
    ),
  },
  strict,
);
export const EntryBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('handling'), Type.Literal('report'), Type.Literal('correction')]),
    at: Instant,
    text: Text(4000),
    recipient: Type.Optional(Text(200)),
    correctsEntryId: Type.Optional(Uuid),
  },
  strict,
);
export const FilingBody = Type.Object({ at: Instant, text: Text(4000) }, strict);
export const CloseBody = Type.Object({ version: Version, text: Text(4000) }, strict);

export const ResponsibilityBody = Type.Object(
  {
    collectorOrganisationId: Type.Optional(Uuid),
    checkerOrganisationId: Type.Optional(Uuid),
    providerOrganisationId: Type.Optional(Uuid),
    usageNote: Type.Optional(Type.String({ maxLength: 2000 })),
    version: Type.Optional(Version),
  },
  strict,
);
export const InternalRuleBody = Type.Object(
  {
    organisationId: Type.Optional(Uuid),
    kind: Type.Union(
      [
        'decision',
        'application',
        'procurement',
        'construction',
        'acceptance',
        'application_use',
        'data_sharing',
        'security',
        'retirement',
      ].map((k) => Type.Literal(k)),
    ),
    title: Text(200),
    documentNumber: Type.Optional(Type.String({ maxLength: 100 })),
    issuedOn: IsoDate,
    version: Type.Optional(Version),
  },
  strict,
);
export const BaseLibraryBody = Type.Object(
  {
    jurisdictionId: Type.Optional(Uuid),
    responsibleOrganisationId: Uuid,
    resourceIds: Type.Array(Uuid, { maxItems: 1000 }),
    version: Type.Optional(Version),
  },
  strict,
);

export const ExemptionBody = Type.Object(
  { ground: Type.Union([Type.Literal('legal'), Type.Literal('secrecy')]), reason: Text(2000) },
  strict,
);
export const DecisionBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('approved'), Type.Literal('rejected')]),
    note: Type.String({ maxLength: 2000 }),
    version: Version,
  },
  strict,
);
export const HandoverBody = Type.Object(
  {
    fromOrganisationId: Uuid,
    toOrganisationId: Uuid,
    handedOverOn: IsoDate,
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  strict,
);

export const RetirementBody = Type.Object(
  {
    reason: Text(2000),
    retirementDate: IsoDate,
    dataDisposition: Type.Union([Type.Literal('archived'), Type.Literal('migrated')]),
    dataDestination: Text(500, '归档位置或迁移去向'),
  },
  strict,
);
export const VersionBody = Type.Object({ version: Version }, strict);

// ---- responses ---------------------------------------------------------------------------------
const S = Type.String();
const N = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
/** A stored time: a Date from the database, serialized as ISO 8601 (fast-json-stringify). */
const Time = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
const Int = Type.Integer();
const paged = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Int, limit: Int, offset: Int }, strict);

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
export const PlanPage = paged(
  Type.Object(
    {
      id: S,
      title: S,
      organisationId: S,
      organisationName: S,
      systemId: N(S),
      systemName: N(S),
      currentVersion: Int,
      updatedAt: Time,
      version: Int,
      versions: Type.Array(
        Type.Object(
          { number: Int, documentNumber: S, summary: S, adoptedOn: S, contractorOrganisationName: N(S) },
          strict,
        ),
      ),
      drills: Type.Array(
        Type.Object(
          {
            id: S,
            plannedOn: S,
            scenario: S,
            heldOn: N(S),
            participants: N(S),
            findings: N(S),
            version: Int,
            overdue: Type.Boolean(),
          },
          strict,
        ),
      ),
    },
    strict,
  ),
);
export const ResponsibilityPage = paged(
  Type.Object(
    {
      resourceId: S,
      code: S,
      name: S,
      state: S,
      providerOrganisationName: S,
      collectorOrganisationId: N(S),
      collectorOrganisationName: N(S),
      checkerOrganisationId: N(S),
      checkerOrganisationName: N(S),
      responsibleOrganisationId: N(S),
      responsibleOrganisationName: N(S),
      usageNote: N(S),
      version: N(Int),
      principle: N(S),
      articles: Type.Array(S),
      required: Type.Array(S),
      missing: Type.Array(S),
    },
    strict,
  ),
);
export const InternalRulesView = Type.Object(
  {
    labels: Type.Record(S, S),
    items: Type.Array(
      Type.Object(
        {
          id: S,
          name: S,
          articles: Type.Array(S),
          rules: Type.Array(
            Type.Object({ kind: S, title: S, documentNumber: N(S), issuedOn: S, version: Int }, strict),
          ),
          missing: Type.Array(S),
        },
        strict,
      ),
    ),
  },
  strict,
);
export const BaseLibrariesView = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          jurisdictionId: S,
          jurisdictionName: S,
          kind: S,
          label: S,
          articles: Type.Array(S),
          responsibleOrganisationId: N(S),
          responsibleOrganisationName: N(S),
          resources: Type.Array(Type.Object({ id: S, code: S, name: S }, strict)),
          version: N(Int),
        },
        strict,
      ),
    ),
  },
  strict,
);
export const CloudView = Type.Object(
  {
    departments: Type.Array(
      Type.Object(
        {
          organisationId: S,
          organisationName: S,
          systems: Int,
          onCloud: Int,
          exempt: Int,
          pendingExemption: Int,
          handedOver: Int,
          toMigrate: Int,
        },
        strict,
      ),
    ),
    exemptions: Type.Array(
      Type.Object(
        {
          id: S,
          systemId: S,
          systemCode: S,
          systemName: S,
          organisationName: S,
          ground: S,
          reason: S,
          status: S,
          requestedAt: Time,
          requestedBy: S,
          requestedByName: S,
          decisionNote: N(S),
          version: Int,
          mine: Type.Boolean(),
        },
        strict,
      ),
    ),
  },
  strict,
);

// ---- SC-27 daily monitoring, XZ-30 industry clouds ----------------------------------------------
export const MonitoringBody = Type.Object(
  {
    monitoredOn: IsoDate,
    status: Type.Union([Type.Literal('normal'), Type.Literal('abnormal')], { description: '正常 / 异常' }),
    resourceCode: Type.Optional(Text(100, '发现问题的信息资源编码（须为本系统的资源）')),
    finding: Type.Optional(Type.String({ maxLength: 2000, description: '发现的问题（异常时必填）' })),
    handler: Text(100, '处理人'),
  },
  strict,
);
export const MonitoringGapQuery = Type.Object(
  { date: Type.Optional(Type.String({ format: 'date', maxLength: 10, description: '默认昨天' })), ...Paging },
  strict,
);
export const IndustryCloudBody = Type.Object(
  {
    cloudName: Text(200, '行业云名称'),
    operatorName: Text(200, '行业云运营单位'),
    state: Type.Union([Type.Literal('planned'), Type.Literal('in_progress'), Type.Literal('brought_under')], {
      description: '计划纳管 / 纳管中 / 已纳入市级政务云统一管理',
    }),
    plannedBy: IsoDate,
    completedOn: Type.Optional(IsoDate),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    version: Type.Optional(Version),
  },
  strict,
);
export const PageQuery = Type.Object({ ...Paging }, strict);

export const MonitoringView = Type.Object(
  {
    systemId: S,
    systemName: S,
    status: S,
    required: Type.Boolean(),
    articles: Type.Array(S),
    wording: N(S),
    lookbackDays: Int,
    entries: Type.Array(
      Type.Object(
        {
          id: S,
          monitoredOn: S,
          status: S,
          resourceCode: N(S),
          finding: N(S),
          handler: S,
          recordedByName: S,
          recordedAt: Time,
        },
        strict,
      ),
    ),
    missingDays: Type.Array(S),
  },
  strict,
);
export const MonitoringGapPage = Type.Object(
  {
    date: S,
    items: Type.Array(
      Type.Object(
        { id: S, code: S, name: S, organisationId: S, organisationName: S, articles: Type.Array(S) },
        strict,
      ),
    ),
    total: Int,
    limit: Int,
    offset: Int,
  },
  strict,
);
export const IndustryCloudPage = paged(
  Type.Object(
    {
      systemId: S,
      code: S,
      name: S,
      deployment: S,
      organisationId: S,
      organisationName: S,
      id: N(S),
      cloudName: N(S),
      operatorName: N(S),
      state: N(S),
      plannedBy: N(S),
      completedOn: N(S),
      note: N(S),
      version: N(Int),
      required: Type.Boolean(),
      articles: Type.Array(S),
      unplanned: Type.Boolean(),
      overdue: Type.Boolean(),
    },
    strict,
  ),
);
