/**
 * The three catalogs as plain data: the 政务信息系统目录 (system catalog, SC-10, XZ-08b, XZ-30), the
 * 信息资源目录 (resource catalog, DT-10, SC-09b, XZ-08a) and the 政务云服务目录 (cloud service catalog,
 * DT-13, SC-12). Enumerations are `as const` lists of `{ code, label }`: the code is the English name
 * of GLOSSARY.md (what the API and the database store), the label is the Chinese shown to users and
 * written into Excel. `aliases` are extra spellings accepted when reading a user's workbook.
 *
 * The input types are what a department enters (form or Excel row), before the platform adds ids,
 * lifecycle state and timestamps. Dates are calendar dates `YYYY-MM-DD`.
 */

export interface EnumEntry<C extends string = string> {
  readonly code: C;
  readonly label: string;
  readonly aliases?: readonly string[];
}

export type EnumList = readonly EnumEntry[];
export type CodeOf<L extends EnumList> = L[number]['code'];

/** The codes of a list, in order. */
export function codesOf<L extends EnumList>(list: L): CodeOf<L>[] {
  return list.map((entry) => entry.code);
}

/** The labels of a list, in order (the Excel drop-down values). */
export function labelsOf(list: EnumList): string[] {
  return list.map((entry) => entry.label);
}

export function isCode<L extends EnumList>(list: L, value: unknown): value is CodeOf<L> {
  return typeof value === 'string' && list.some((entry) => entry.code === value);
}

/** The Chinese label of a code; the code itself when it is not in the list. */
export function labelOf(list: EnumList, code: string): string {
  return list.find((entry) => entry.code === code)?.label ?? code;
}

const foldEnumText = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** The code whose code, label or alias matches `text` (width, spaces and ASCII case ignored). */
export function codeFromText<L extends EnumList>(list: L, text: string): CodeOf<L> | undefined {
  const folded = foldEnumText(text);
  if (folded === '') return undefined;
  const hit = list.find(
    (entry) =>
      foldEnumText(entry.code) === folded ||
      foldEnumText(entry.label) === folded ||
      (entry.aliases ?? []).some((alias) => foldEnumText(alias) === folded),
  );
  return hit?.code;
}

// ---------------------------------------------------------------------------------------------
// System catalog (政务信息系统目录)

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

// ---------------------------------------------------------------------------------------------
// Resource catalog (信息资源目录), after the national 政务信息资源目录编制指南

/** 资源分类 (类): the first digit of the resource code. */
export const RESOURCE_CATEGORIES = [
  { code: 'basic', label: '基础信息资源', aliases: ['基础', '基础类'] },
  { code: 'subject', label: '主题信息资源', aliases: ['主题', '主题类'] },
  { code: 'department', label: '部门信息资源', aliases: ['部门', '部门类'] },
] as const satisfies EnumList;
export type ResourceCategory = CodeOf<typeof RESOURCE_CATEGORIES>;
export const CATEGORY_DIGITS: Readonly<Record<ResourceCategory, '1' | '2' | '3'>> = {
  basic: '1',
  subject: '2',
  department: '3',
};

/**
 * 格式分类 with the accepted 格式类型 of each. Where `formats` is non-empty and `formatRequired` is
 * true, the sub-format must be given and be one of them; where `formats` is non-empty but not required
 * it is checked only when given; where it is empty the sub-format is free text (e.g. 达梦, MySQL).
 */
export const FORMAT_CLASSES = [
  {
    code: 'document',
    label: '电子文件',
    aliases: ['电子文件类', '文件'],
    formats: ['OFD', 'WPS', 'XML', 'TXT', 'DOC', 'DOCX', 'HTML', 'PDF', 'PPT'],
    formatRequired: true,
  },
  {
    code: 'spreadsheet',
    label: '电子表格',
    aliases: ['电子表格类', '表格'],
    formats: ['ET', 'XLS', 'XLSX'],
    formatRequired: true,
  },
  { code: 'database', label: '数据库', aliases: ['数据库类'], formats: [], formatRequired: false },
  {
    code: 'image',
    label: '图形图像',
    aliases: ['图形图像类', '图片'],
    formats: ['JPG', 'PNG', 'GIF', 'BMP', 'TIFF'],
    formatRequired: false,
  },
  {
    code: 'streaming',
    label: '流媒体',
    aliases: ['流媒体类', '音视频'],
    formats: ['MP4', 'FLV', 'AVI', 'MP3', 'SWF'],
    formatRequired: false,
  },
  {
    code: 'self_describing',
    label: '自描述格式',
    aliases: ['自描述', '自描述格式类'],
    formats: [],
    formatRequired: false,
  },
] as const satisfies readonly (EnumEntry & { formats: readonly string[]; formatRequired: boolean })[];
export type FormatClass = CodeOf<typeof FORMAT_CLASSES>;

/** Every listed sub-format once (the Excel drop-down of 格式类型). */
export const ALL_SUB_FORMATS: readonly string[] = [...new Set(FORMAT_CLASSES.flatMap((c) => c.formats))];

export const SHARING_TYPES = [
  { code: 'unconditional', label: '无条件共享', aliases: ['无条件'] },
  { code: 'conditional', label: '有条件共享', aliases: ['有条件'] },
  { code: 'none', label: '不予共享', aliases: ['不共享'] },
] as const satisfies EnumList;
export type SharingType = CodeOf<typeof SHARING_TYPES>;

export const SHARING_METHODS = [
  { code: 'interface', label: '接口服务', aliases: ['接口', '接口调用', 'API', '服务接口'] },
  { code: 'table_exchange', label: '库表交换', aliases: ['库表', '数据库交换'] },
  { code: 'file_download', label: '文件下载', aliases: ['文件', '下载'] },
] as const satisfies EnumList;
export type SharingMethod = CodeOf<typeof SHARING_METHODS>;

/**
 * Which 共享方式 fit which 格式分类 (the "format class agrees with the sharing method" rule):
 * - 数据库: structured rows → 接口服务 or 库表交换 (a database is not shared as a downloaded file);
 * - 电子表格: 库表交换 (loaded into tables) or 文件下载;
 * - 电子文件: 文件下载, or 接口服务 (e.g. 电子证照 served by an API) — never 库表交换;
 * - 图形图像, 流媒体, 自描述格式: 接口服务 or 文件下载 — never 库表交换.
 */
export const SHARING_METHODS_BY_FORMAT: Readonly<Record<FormatClass, readonly SharingMethod[]>> = {
  database: ['interface', 'table_exchange'],
  spreadsheet: ['table_exchange', 'file_download'],
  document: ['file_download', 'interface'],
  image: ['file_download', 'interface'],
  streaming: ['interface', 'file_download'],
  self_describing: ['interface', 'file_download'],
};

/** 开放属性: whether and how the resource is opened to society; `conditional` needs 开放条件. */
export const OPENNESS_TYPES = [
  { code: 'unconditional', label: '无条件开放' },
  { code: 'conditional', label: '有条件开放' },
  { code: 'none', label: '不予开放', aliases: ['不开放', '否'] },
] as const satisfies EnumList;
export type Openness = CodeOf<typeof OPENNESS_TYPES>;

export const UPDATE_CYCLES = [
  { code: 'realtime', label: '实时' },
  { code: 'daily', label: '每日', aliases: ['日', '每天', '按日'] },
  { code: 'weekly', label: '每周', aliases: ['周', '按周'] },
  { code: 'monthly', label: '每月', aliases: ['月', '按月'] },
  { code: 'quarterly', label: '每季度', aliases: ['季度', '每季', '按季度'] },
  { code: 'yearly', label: '每年', aliases: ['年', '每年度', '按年'] },
] as const satisfies EnumList;
export type UpdateCycle = CodeOf<typeof UPDATE_CYCLES>;

export const DATA_ITEM_TYPES = [
  { code: 'string', label: '字符型', aliases: ['字符', '字符串', '文本', 'varchar', 'char'] },
  { code: 'numeric', label: '数值型', aliases: ['数值', '数字', 'number', 'decimal'] },
  { code: 'integer', label: '整型', aliases: ['整数', 'int'] },
  { code: 'currency', label: '货币型', aliases: ['货币', '金额'] },
  { code: 'date', label: '日期型', aliases: ['日期'] },
  { code: 'datetime', label: '日期时间型', aliases: ['日期时间', '时间戳', 'timestamp'] },
  { code: 'boolean', label: '逻辑型', aliases: ['布尔', '布尔型'] },
  { code: 'text', label: '备注型', aliases: ['长文本', 'clob'] },
  { code: 'binary', label: '二进制型', aliases: ['二进制', 'blob'] },
] as const satisfies EnumList;
export type DataItemType = CodeOf<typeof DATA_ITEM_TYPES>;
/** Types whose 数据长度 is required. */
export const LENGTH_REQUIRED_TYPES: readonly DataItemType[] = ['string'];

export interface DataItemInput {
  /** 信息项名称 */
  name: string;
  dataType: DataItemType;
  /** 数据长度 */
  length?: number;
}

export interface ResourceInput {
  /**
   * 资源代码: the full code `301001001/000123`, or only the 前段码 `301001001` for a new resource
   * whose 顺序码 the platform assigns (`nextSequenceCode`). See codes.ts for the grammar.
   */
  code: string;
  category: ResourceCategory;
  name: string;
  /** 资源提供方 (department name) */
  provider: string;
  /** 提供方代码: the provider's 统一社会信用代码 (GB 32100). */
  providerCode: string;
  /** 资源摘要 */
  summary: string;
  formatClass: FormatClass;
  /** 格式类型, e.g. `XLSX` (see FORMAT_CLASSES). */
  formatType?: string;
  dataItems: DataItemInput[];
  sharing: SharingType;
  /** 共享条件; for `none` the legal or policy basis of not sharing (SC-09b). */
  sharingConditions?: string;
  /** 共享方式; empty for `none`. */
  sharingMethods: SharingMethod[];
  openness: Openness;
  /** 开放条件, required for `conditional` openness. */
  openConditions?: string;
  updateCycle: UpdateCycle;
  /** 发布日期 */
  publishedDate?: string;
  /** 关联资源代码: codes of this resource in the 基础 / 主题 catalogues (full codes). */
  relatedCodes: string[];
  /** 来源系统 (system code or name) */
  sourceSystem?: string;
  /** 涉密属性: true for 涉密 */
  classified: boolean;
}

/** Resource lifecycle: 注册 → 审核 → 发布 → 下架. */
export const RESOURCE_STATES = [
  { code: 'registered', label: '已注册' },
  { code: 'under_review', label: '审核中' },
  { code: 'published', label: '已发布' },
  { code: 'withdrawn', label: '已下架' },
] as const satisfies EnumList;
export type ResourceState = CodeOf<typeof RESOURCE_STATES>;

export interface ResourceTransition {
  readonly from: ResourceState;
  readonly to: ResourceState;
  /** The verb shown on the button. */
  readonly label: string;
}

/** The allowed moves, as data: submit, approve, return, withdraw, resubmit. */
export const RESOURCE_TRANSITIONS: readonly ResourceTransition[] = [
  { from: 'registered', to: 'under_review', label: '提交审核' },
  { from: 'under_review', to: 'published', label: '审核通过并发布' },
  { from: 'under_review', to: 'registered', label: '退回修改' },
  { from: 'published', to: 'withdrawn', label: '下架' },
  { from: 'withdrawn', to: 'under_review', label: '重新提交审核' },
];

export function canTransition(from: ResourceState, to: ResourceState): boolean {
  return RESOURCE_TRANSITIONS.some((move) => move.from === from && move.to === to);
}

// ---------------------------------------------------------------------------------------------
// Cloud service catalog (政务云服务目录)

export const CLOUD_SERVICE_CATEGORIES = [
  { code: 'iaas', label: 'IaaS', aliases: ['基础设施即服务', '基础设施服务'] },
  { code: 'paas', label: 'PaaS', aliases: ['平台即服务', '平台服务'] },
  { code: 'saas', label: 'SaaS', aliases: ['软件即服务', '软件服务'] },
] as const satisfies EnumList;
export type CloudServiceCategory = CodeOf<typeof CLOUD_SERVICE_CATEGORIES>;

export interface CloudServiceInput {
  /** 服务编码: assigned by the platform; absent for a new item. */
  code?: string;
  name: string;
  category: CloudServiceCategory;
  /** 规格, e.g. `4核8G` */
  spec: string;
  /** 计量单位, e.g. `台·年` */
  unit: string;
  /** 单价（元）, ≥ 0 with at most 2 decimals; stored as integer 分 (`toCents`). */
  unitPrice: number;
  /** 服务商 */
  provider: string;
  remarks?: string;
}

// ---------------------------------------------------------------------------------------------

export const CATALOG_KINDS = [
  { code: 'systems', label: '政务信息系统目录' },
  { code: 'resources', label: '信息资源目录' },
  { code: 'cloudServices', label: '政务云服务目录' },
] as const satisfies EnumList;
export type CatalogKind = CodeOf<typeof CATALOG_KINDS>;

export interface CatalogInputs {
  systems: SystemInput;
  resources: ResourceInput;
  cloudServices: CloudServiceInput;
}

/** A catalog problem: the field path (`dataItems[2].name`), a stable code, a Chinese message. */
export interface CatalogProblem {
  field: string;
  code: string;
  message: string;
  /** Requirement id of the rule, e.g. `SC-09b`. */
  article?: string;
}

export const YES_NO = [
  { code: 'yes', label: '是', aliases: ['y', 'yes', 'true', '1', '有', '已接入'] },
  { code: 'no', label: '否', aliases: ['n', 'no', 'false', '0', '无', '未接入'] },
] as const satisfies EnumList;

export const CLASSIFIED_FLAGS = [
  { code: 'yes', label: '涉密', aliases: ['是'] },
  { code: 'no', label: '非涉密', aliases: ['否', '不涉密'] },
] as const satisfies EnumList;

// ---------------------------------------------------------------------------------------------
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

export const RESOURCE_FIELD_LABELS: Readonly<Record<keyof ResourceInput, string>> = {
  code: '资源代码',
  category: '资源分类',
  name: '资源名称',
  provider: '资源提供方',
  providerCode: '提供方代码',
  summary: '资源摘要',
  formatClass: '格式分类',
  formatType: '格式类型',
  dataItems: '信息项',
  sharing: '共享属性',
  sharingConditions: '共享条件',
  sharingMethods: '共享方式',
  openness: '开放属性',
  openConditions: '开放条件',
  updateCycle: '更新周期',
  publishedDate: '发布日期',
  relatedCodes: '关联资源代码',
  sourceSystem: '来源系统',
  classified: '涉密属性',
};

export const DATA_ITEM_FIELD_LABELS: Readonly<Record<keyof DataItemInput, string>> = {
  name: '信息项名称',
  dataType: '数据类型',
  length: '数据长度',
};

export const CLOUD_SERVICE_FIELD_LABELS: Readonly<Record<keyof CloudServiceInput, string>> = {
  code: '服务编码',
  name: '服务名称',
  category: '服务类别',
  spec: '规格',
  unit: '计量单位',
  unitPrice: '单价（元）',
  provider: '服务商',
  remarks: '备注',
};
