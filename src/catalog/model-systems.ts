/** The system catalog (政务信息系统目录, SC-10, XZ-08b, XZ-30) as plain data; re-exported by model.ts. */
import type { CodeOf, EnumList } from './model-enums.ts';

export const SYSTEM_STATUSES = [
  { code: 'under_construction', label: '在建', aliases: ['建设中', '在建设'] },
  { code: 'in_operation', label: '运行', aliases: ['运行中', '在用', '在运行'] },
  { code: 'suspended', label: '停用', aliases: ['已停用'] },
  { code: 'retired', label: '已报废', aliases: ['报废', '停用报废'] },
] as const satisfies EnumList;
export type SystemStatus = CodeOf<typeof SYSTEM_STATUSES>;

export const DEPLOYMENTS = [
  { code: 'city_cloud', label: '市级政务云', aliases: ['市政务云'] },
  { code: 'district_cloud', label: '区级政务云', aliases: ['区政务云', '县级政务云'] },
  { code: 'other_cloud', label: '其他云平台', aliases: ['其他云', '行业云'] },
  { code: 'own_machine_room', label: '自建机房', aliases: ['本单位机房', '自有机房'] },
] as const satisfies EnumList;
export type Deployment = CodeOf<typeof DEPLOYMENTS>;
/** Deployments on the government cloud: a system there counts as 已上云 (XZ-28, XZ-30). */
export const GOVERNMENT_CLOUDS: readonly Deployment[] = ['city_cloud', 'district_cloud'];

/**
 * A jurisdiction's catalog rules as its rulebook states them (`Rulebook.catalog` in src/rules): the
 * clouds that count as 已上云, whether an off-cloud system states its ground, who consents to a 业务专网.
 */
export interface SystemCatalogRules {
  governmentClouds: readonly string[];
  cloudArticles: readonly string[];
  cloudExemptionGround?: { articles: readonly string[] };
  dedicatedNetwork?: { consent: string; articles: readonly string[] };
  cloudCatalog?: {
    compiler: string;
    approvers: readonly ('authority' | 'finance')[];
    articles: readonly string[];
  };
}

export const NETWORKS = [
  { code: 'extranet', label: '政务外网', aliases: ['电子政务外网'] },
  { code: 'internet', label: '互联网' },
  { code: 'dedicated', label: '业务专网', aliases: ['专网'] },
] as const satisfies EnumList;
export type Network = CodeOf<typeof NETWORKS>;

/** 上云状态 per system (XZ-08b, XZ-30); `exempt` is the 不上云 exception of XZ-28 and needs a reason. */
export const CLOUD_MIGRATION_STATUSES = [
  { code: 'not_started', label: '未上云', aliases: ['未迁移'] },
  { code: 'planned', label: '计划上云', aliases: ['拟上云'] },
  { code: 'migrating', label: '迁移中', aliases: ['上云中'] },
  { code: 'migrated', label: '已上云', aliases: ['已迁移'] },
  { code: 'exempt', label: '不上云（例外）', aliases: ['不上云', '例外'] },
] as const satisfies EnumList;
export type CloudMigrationStatus = CodeOf<typeof CLOUD_MIGRATION_STATUSES>;

export const MLPS_LEVELS = [1, 2, 3, 4, 5] as const;

export interface SystemInput {
  /** 系统编码: assigned by the platform; absent for a new system, present to update one. */
  code?: string;
  /** 系统名称 */
  name: string;
  /** 责任部门 (owner department), by name as in the organisations table. */
  ownerDepartment: string;
  /** 所属辖区, by name or GB/T 2260 code as in the jurisdictions table. */
  jurisdiction: string;
  /** 建设目的及主要功能 */
  purpose: string;
  /** 功能清单: what the system does, one function per item (查重 compares proposals with it). */
  functions: string[];
  status: SystemStatus;
  deployment: Deployment;
  /** 网络类型; at least one. */
  networks: Network[];
  /** 业务专网批准文号: required when `networks` has `dedicated` (DT-12d). */
  dedicatedNetworkApproval?: string;
  /** 等保级别 1–5; absent while not yet graded. */
  mlpsLevel?: number;
  /** 建设或改造该系统的项目编号 */
  projectRefs: string[];
  /** 关联信息资源代码 (full resource codes) */
  resourceCodes: string[];
  /** 是否接入共享平台 */
  sharedOnPlatform: boolean;
  /** 共享资源数 (0 when not on the sharing platform) */
  sharedResourceCount: number;
  cloudMigration: CloudMigrationStatus;
  /** 不上云理由 (法律法规或特殊保密要求), required when `cloudMigration` is `exempt` (XZ-28). */
  cloudExemptionReason?: string;
  /** 上云日期 (done, for `migrated`) or planned date (for `planned` / `migrating`). */
  cloudMigrationDate?: string;
  /** 报废日期: required when and only when `status` is `retired`. */
  retirementDate?: string;
  /** 并入系统编码: the system this one was merged into (只合不分, DT-01); only for retired systems. */
  mergedInto?: string;
  remarks?: string;
}

// Chinese field labels: used in problem messages and as the Excel column headers.
export const SYSTEM_FIELD_LABELS: Readonly<Record<keyof SystemInput, string>> = {
  code: '系统编码',
  name: '系统名称',
  ownerDepartment: '责任部门',
  jurisdiction: '所属辖区',
  purpose: '建设目的及主要功能',
  functions: '功能清单',
  status: '系统状态',
  deployment: '部署方式',
  networks: '网络类型',
  dedicatedNetworkApproval: '业务专网批准文号',
  mlpsLevel: '等保级别',
  projectRefs: '建设/改造项目编号',
  resourceCodes: '关联信息资源代码',
  sharedOnPlatform: '是否接入共享平台',
  sharedResourceCount: '共享资源数',
  cloudMigration: '上云状态',
  cloudExemptionReason: '不上云理由',
  cloudMigrationDate: '上云（计划）日期',
  retirementDate: '报废日期',
  mergedInto: '并入系统编码',
  remarks: '备注',
};
