/** Request schemas of the operations routes (TypeBox): strict bodies, no unknown fields. */
import { Type } from 'typebox';
import { Paging, strict, Uuid } from '../../platform/http/schemas.ts';
import { Instant, IsoDate, Text, Version } from './atoms.ts';

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

// SC-27 daily monitoring, XZ-30 industry clouds
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
