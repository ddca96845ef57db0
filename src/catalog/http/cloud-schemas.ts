/** Request and response schemas of the cloud-service catalog routes (云服务目录). */
import { Type } from 'typebox';
import { Nullable, PG_INT_RANGE, pagingQuery, strict } from '../../platform/http/schemas.ts';
import { CLOUD_SERVICE_CATEGORIES } from '../model.ts';
import { allOptional, Id, oneOf, optionalText, text, VersionBody } from './schema-atoms.ts';

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
    ...pagingQuery({ max: 500, defaultLimit: 100 }),
  },
  strict,
);
