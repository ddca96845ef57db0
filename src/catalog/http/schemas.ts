/**
 * Request and response schemas of the catalog routes. Request bodies accept the catalog fields with
 * their JSON types and reject unknown fields; the values themselves (enumerations, dates, codes,
 * the cross-field rules) are checked by validate.ts, which answers in Chinese with the field and the
 * article — so the enumerations are documented here, not enforced twice.
 */
import { Type } from 'typebox';
import { PG_INT_RANGE, VersionInput } from '../../http/schemas.ts';
import {
  CLOUD_MIGRATION_STATUSES,
  CLOUD_SERVICE_CATEGORIES,
  codesOf,
  DATA_ITEM_TYPES,
  DEPLOYMENTS,
  type EnumList,
  FORMAT_CLASSES,
  NETWORKS,
  OPENNESS_TYPES,
  RESOURCE_CATEGORIES,
  RESOURCE_STATES,
  SHARING_METHODS,
  SHARING_TYPES,
  SYSTEM_STATUSES,
  UPDATE_CYCLES,
} from '../model.ts';

export const strict = { additionalProperties: false } as const;
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const oneOf = (list: EnumList, description: string, maxLength = 40) =>
  Type.String({ maxLength, description: `${description}：${codesOf(list).join(' | ')}` });
const text = (maxLength: number, description: string) => Type.String({ maxLength, description });
const textList = (maxLength: number, description: string) =>
  Type.Array(Type.String({ maxLength }), { maxItems: 200, description });
const optionalText = (maxLength: number, description: string) =>
  Type.Optional(Nullable(text(maxLength, `${description}（null 清除）`)));
const IsoDate = Type.String({ maxLength: 40, description: 'YYYY-MM-DD' });
const Id = Type.String({ format: 'uuid' });

export const VersionBody = VersionInput;

// ---------------------------------------------------------------------------------------------
// Systems

const systemFields = {
  name: text(400, '系统名称'),
  purpose: text(4000, '建设目的及主要功能'),
  functions: Type.Optional(textList(200, '功能清单（每项一个功能）')),
  status: oneOf(SYSTEM_STATUSES, '系统状态'),
  deployment: oneOf(DEPLOYMENTS, '部署方式'),
  networks: Type.Array(oneOf(NETWORKS, '网络类型'), { maxItems: 10 }),
  dedicatedNetworkApproval: optionalText(200, '业务专网批准文号'),
  mlpsLevel: Type.Optional(Nullable(Type.Number({ ...PG_INT_RANGE, description: '等保级别 1–5' }))),
  projectRefs: textList(200, '建设/改造项目编号'),
  resourceCodes: textList(100, '关联信息资源代码（完整代码）'),
  sharedOnPlatform: Type.Boolean({ description: '是否接入共享平台' }),
  sharedResourceCount: Type.Optional(Nullable(Type.Number({ ...PG_INT_RANGE, description: '共享资源数' }))),
  cloudMigration: oneOf(CLOUD_MIGRATION_STATUSES, '上云状态'),
  cloudExemptionReason: optionalText(1000, '不上云理由（XZ-28）'),
  cloudMigrationDate: Type.Optional(Nullable(IsoDate)),
  retirementDate: Type.Optional(Nullable(IsoDate)),
  mergedInto: optionalText(100, '并入系统编码（只合不分）'),
  remarks: optionalText(1000, '备注'),
};

/** Every field optional for the schema: a missing one is reported by validate.ts with its article. */
const allOptional = (fields: Record<string, Parameters<typeof Type.Optional>[0]>) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Type.Optional(v)]));

export const SystemCreateBody = Type.Object(
  {
    ownerOrganisationId: Type.Optional(Id),
    ...allOptional(systemFields),
  },
  {
    ...strict,
    description: '新登记系统；不填 ownerOrganisationId 时为本单位；必填项由目录规则校验（400 列出全部问题）',
  },
);

export const SystemUpdateBody = Type.Object(
  {
    ownerOrganisationId: Type.Optional(Id),
    ...allOptional(systemFields),
    version: VersionBody,
  },
  { ...strict, description: '修改系统：只传要改的字段；null 清除选填字段' },
);

export const SystemRetireBody = Type.Object(
  {
    retirementDate: IsoDate,
    mergedInto: Type.Optional(text(100, '并入系统编码：因整合并入其他系统而报废时填写')),
    remarks: Type.Optional(text(1000, '说明')),
    version: VersionBody,
  },
  strict,
);

const NearDuplicate = Type.Object(
  {
    id: Type.String(),
    code: Type.String(),
    name: Type.String(),
    organisationName: Type.String(),
    score: Type.Number(),
  },
  strict,
);

export const SystemItem = Type.Object(
  {
    id: Type.String(),
    code: Type.String(),
    name: Type.String(),
    ownerOrganisationId: Type.String(),
    ownerOrganisationName: Type.String(),
    jurisdictionId: Type.String(),
    jurisdictionName: Type.String(),
    purpose: Type.String(),
    functions: Type.Array(Type.String()),
    status: Type.String(),
    deployment: Type.String(),
    networks: Type.Array(Type.String()),
    dedicatedNetworkApproval: Nullable(Type.String()),
    mlpsLevel: Nullable(Type.Integer()),
    projectRefs: Type.Array(Type.String()),
    resourceCodes: Type.Array(Type.String()),
    sharedOnPlatform: Type.Boolean(),
    sharedResourceCount: Type.Integer(),
    cloudMigration: Type.String(),
    cloudExemptionReason: Nullable(Type.String()),
    cloudMigrationDate: Nullable(Type.String()),
    retirementDate: Nullable(Type.String()),
    mergedInto: Nullable(Type.String({ description: '并入系统编码' })),
    mergedIntoName: Nullable(Type.String()),
    remarks: Nullable(Type.String()),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    version: Type.Integer(),
    canEdit: Type.Boolean({ description: '当前用户能否修改' }),
  },
  strict,
);

export const SystemDetail = Type.Object(
  {
    system: SystemItem,
    history: Type.Array(
      Type.Object(
        {
          status: Type.String(),
          fromStatus: Nullable(Type.String()),
          at: Type.String(),
          effectiveDate: Nullable(Type.String()),
          mergedInto: Nullable(Type.String()),
          actorName: Nullable(Type.String()),
          note: Nullable(Type.String()),
        },
        strict,
      ),
    ),
    resources: Type.Array(
      Type.Object(
        { code: Type.String(), name: Nullable(Type.String()), state: Nullable(Type.String()) },
        { ...strict, description: '关联资源：本辖区目录中有的给出名称和状态' },
      ),
    ),
    nearDuplicates: Type.Array(NearDuplicate, { description: '本辖区其他单位名称相近的系统（查重）' }),
  },
  strict,
);

export const SystemListQuery = Type.Object(
  {
    keyword: Type.Optional(Type.String({ maxLength: 100 })),
    status: Type.Optional(Type.String({ maxLength: 40 })),
    deployment: Type.Optional(Type.String({ maxLength: 40 })),
    cloudMigration: Type.Optional(Type.String({ maxLength: 40 })),
    ownerOrganisationId: Type.Optional(Id),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  strict,
);

// ---------------------------------------------------------------------------------------------
// Resources

const DataItem = Type.Object(
  {
    name: text(200, '信息项名称'),
    dataType: oneOf(DATA_ITEM_TYPES, '数据类型'),
    length: Type.Optional(Nullable(Type.Number({ ...PG_INT_RANGE, description: '数据长度' }))),
  },
  strict,
);

const resourceFields = {
  code: text(100, '资源代码：完整代码，或新资源只填 9 位前段码由平台分配顺序码'),
  category: oneOf(RESOURCE_CATEGORIES, '资源分类'),
  name: text(400, '资源名称'),
  providerCode: Type.Optional(text(100, '提供方统一社会信用代码；不填时取本单位已登记的代码')),
  summary: text(4000, '资源摘要'),
  formatClass: oneOf(FORMAT_CLASSES, '格式分类'),
  formatType: optionalText(100, '格式类型'),
  dataItems: Type.Array(DataItem, { maxItems: 1000 }),
  sharing: oneOf(SHARING_TYPES, '共享属性'),
  sharingConditions: optionalText(4000, '共享条件；不予共享时为依据（SC-09b）'),
  sharingMethods: Type.Array(oneOf(SHARING_METHODS, '共享方式'), { maxItems: 10 }),
  openness: oneOf(OPENNESS_TYPES, '开放属性'),
  openConditions: optionalText(4000, '开放条件'),
  updateCycle: oneOf(UPDATE_CYCLES, '更新周期'),
  publishedDate: Type.Optional(Nullable(IsoDate)),
  relatedCodes: textList(100, '关联资源代码'),
  sourceSystem: optionalText(200, '来源系统'),
  classified: Type.Boolean({ description: '涉密属性' }),
};

export const ResourceCreateBody = Type.Object(
  { providerOrganisationId: Type.Optional(Id), ...allOptional(resourceFields) },
  { ...strict, description: '注册资源；不填 providerOrganisationId 时为本单位；必填项由目录规则校验' },
);

export const ResourceUpdateBody = Type.Object(
  {
    ...allOptional(resourceFields),
    version: VersionBody,
  },
  { ...strict, description: '修改资源（已注册或已下架时）：只传要改的字段' },
);

export const TransitionBody = Type.Object(
  { version: VersionBody, note: Type.Optional(Type.String({ maxLength: 1000, description: '说明' })) },
  strict,
);

export const ReviewBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('publish'), Type.Literal('return')], {
      description: 'publish 审核通过并发布；return 退回修改',
    }),
    version: VersionBody,
    note: Type.Optional(Type.String({ maxLength: 1000, description: '审核意见（退回时说明原因）' })),
  },
  strict,
);

const ConflictEntry = Type.Object(
  {
    resourceId: Type.String(),
    resourceCode: Type.String(),
    resourceName: Type.String(),
    provider: Type.String(),
    itemName: Type.String(),
    registeredAt: Type.String(),
  },
  strict,
);

export const ConflictItem = Type.Object(
  {
    id: Type.String(),
    article: Type.Literal('SC-26'),
    itemName: Type.String(),
    subjects: Type.Array(Type.String()),
    proposedSource: ConflictEntry,
    departments: Type.Array(Type.String()),
    entries: Type.Array(ConflictEntry),
    score: Type.Number(),
    message: Type.String(),
    status: Type.String({ description: 'open 待处理；resolved 已消除' }),
    detectedAt: Type.String(),
    resolvedAt: Nullable(Type.String()),
  },
  strict,
);

export const ResourceItem = Type.Object(
  {
    id: Type.String(),
    code: Type.String(),
    category: Type.String(),
    name: Type.String(),
    providerOrganisationId: Type.String(),
    providerName: Type.String(),
    jurisdictionId: Type.String(),
    jurisdictionName: Type.String(),
    providerCode: Type.String(),
    summary: Type.String(),
    formatClass: Type.String(),
    formatType: Nullable(Type.String()),
    dataItems: Type.Array(
      Type.Object({ name: Type.String(), dataType: Type.String(), length: Nullable(Type.Integer()) }, strict),
    ),
    sharing: Type.String(),
    sharingConditions: Nullable(Type.String()),
    sharingMethods: Type.Array(Type.String()),
    openness: Type.String(),
    openConditions: Nullable(Type.String()),
    updateCycle: Type.String(),
    publishedDate: Nullable(Type.String()),
    relatedCodes: Type.Array(Type.String()),
    sourceSystem: Nullable(Type.String()),
    classified: Type.Boolean(),
    state: Type.String({ description: codesOf(RESOURCE_STATES).join(' | ') }),
    registeredAt: Type.String(),
    submittedAt: Nullable(Type.String()),
    reviewedAt: Nullable(Type.String()),
    reviewNote: Nullable(Type.String()),
    publishedAt: Nullable(Type.String()),
    updatedAt: Type.String(),
    version: Type.Integer(),
    canEdit: Type.Boolean(),
    actions: Type.Array(Type.String(), {
      description: '当前用户可办理的操作：submit、publish、return、withdraw',
    }),
  },
  strict,
);

export const ResourceDetail = Type.Object(
  {
    resource: ResourceItem,
    conflicts: Type.Array(ConflictItem, { description: '涉及本资源的一数一源提示（SC-26）' }),
    nearDuplicates: Type.Array(NearDuplicate, { description: '本辖区其他单位名称相近的资源（查重）' }),
  },
  strict,
);

export const ResourceListQuery = Type.Object(
  {
    keyword: Type.Optional(Type.String({ maxLength: 100 })),
    state: Type.Optional(Type.String({ maxLength: 40 })),
    category: Type.Optional(Type.String({ maxLength: 40 })),
    sharing: Type.Optional(Type.String({ maxLength: 40 })),
    openness: Type.Optional(Type.String({ maxLength: 40 })),
    providerOrganisationId: Type.Optional(Id),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  strict,
);

// ---------------------------------------------------------------------------------------------
// Cloud services

const cloudFields = {
  name: text(200, '服务名称'),
  category: oneOf(CLOUD_SERVICE_CATEGORIES, '服务类别'),
  spec: text(400, '规格'),
  unit: text(40, '计量单位'),
  unitPrice: Type.Number({ ...PG_INT_RANGE, description: '单价（元），最多 2 位小数' }),
  provider: text(200, '服务商'),
  remarks: optionalText(1000, '备注'),
};

export const CloudCreateBody = Type.Object(
  { jurisdictionId: Type.Optional(Id), ...allOptional(cloudFields) },
  {
    ...strict,
    description: '不填 jurisdictionId 时为本人主管的辖区；必填项由目录规则校验（400 列出全部问题）',
  },
);
export const CloudUpdateBody = Type.Object(
  {
    ...allOptional(cloudFields),
    version: VersionBody,
  },
  strict,
);

export const CloudBatchBody = Type.Object(
  {
    items: Type.Array(Type.Object({ id: Id, version: VersionBody }, strict), { minItems: 1, maxItems: 500 }),
  },
  strict,
);

export const CloudServiceItem = Type.Object(
  {
    id: Type.String(),
    code: Type.String(),
    jurisdictionId: Type.String(),
    jurisdictionName: Type.String(),
    name: Type.String(),
    category: Type.String(),
    spec: Type.String(),
    unit: Type.String(),
    unitPrice: Type.Number({ ...PG_INT_RANGE, description: '单价（元）' }),
    provider: Type.String(),
    remarks: Nullable(Type.String()),
    status: Type.String({ description: 'draft 待审定 | approved 已审定 | published 已发布' }),
    approvalsRequired: Type.Array(Type.String(), { description: 'authority、finance（SC-12）' }),
    authorityApprovedAt: Nullable(Type.String()),
    authorityApproverName: Nullable(Type.String()),
    financeApprovedAt: Nullable(Type.String()),
    financeApproverName: Nullable(Type.String()),
    publishedAt: Nullable(Type.String()),
    updatedAt: Type.String(),
    version: Type.Integer(),
  },
  strict,
);

export const CloudListQuery = Type.Object(
  {
    jurisdiction: Type.Optional(
      Type.String({ pattern: '^[A-Z][A-Z0-9-]{1,15}$', description: '行政区划代码' }),
    ),
    keyword: Type.Optional(Type.String({ maxLength: 100 })),
    category: Type.Optional(Type.String({ maxLength: 40 })),
    status: Type.Optional(Type.String({ maxLength: 40 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  strict,
);

// ---------------------------------------------------------------------------------------------
// Shared

export const CatalogProblem = Type.Object(
  {
    field: Type.String(),
    code: Type.String(),
    message: Type.String(),
    article: Type.Optional(Type.String()),
  },
  strict,
);

/** 400 of a catalog entry: the first problem as the error contract, and every problem. */
export const ProblemsErrorBody = Type.Object(
  {
    code: Type.String(),
    message: Type.String(),
    field: Type.Optional(Type.String()),
    article: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    problems: Type.Optional(Type.Array(CatalogProblem)),
  },
  strict,
);

export const Xlsx = Type.Unsafe<Buffer>({
  type: 'string',
  format: 'binary',
  description: 'Excel 工作簿（.xlsx）',
});

export const Paged = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer() }, strict);
