/** Request and response schemas of the resource catalog routes (信息资源目录, with data items and conflicts). */
import { Type } from 'typebox';
import { Nullable, PG_INT_RANGE, pagingQuery, strict } from '../../platform/http/schemas.ts';
import {
  codesOf,
  DATA_ITEM_TYPES,
  FORMAT_CLASSES,
  OPENNESS_TYPES,
  RESOURCE_CATEGORIES,
  RESOURCE_STATES,
  SHARING_METHODS,
  SHARING_TYPES,
  UPDATE_CYCLES,
} from '../model.ts';
import {
  allOptional,
  Id,
  IsoDate,
  NearDuplicate,
  oneOf,
  optionalText,
  text,
  textList,
  VersionBody,
} from './schema-atoms.ts';

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
    ...pagingQuery({ max: 500, defaultLimit: 50 }),
  },
  strict,
);
