/**
 * The resource catalog (信息资源目录, DT-10, SC-09b, XZ-08a), after the national 政务信息资源目录编制指南,
 * as plain data; re-exported by model.ts.
 */
import type { CodeOf, EnumEntry, EnumList } from './model-enums.ts';

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

// Chinese field labels: used in problem messages and as the Excel column headers.
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
