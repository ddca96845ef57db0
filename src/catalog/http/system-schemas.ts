/** Request and response schemas of the system catalog routes (信息系统目录). */
import { Type } from 'typebox';
import { Nullable, PG_INT_RANGE, pagingQuery, strict } from '../../platform/http/schemas.ts';
import { CLOUD_MIGRATION_STATUSES, DEPLOYMENTS, NETWORKS, SYSTEM_STATUSES } from '../model.ts';
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
    ...pagingQuery({ max: 500, defaultLimit: 50 }),
  },
  strict,
);
