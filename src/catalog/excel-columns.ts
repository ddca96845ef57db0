/**
 * The Excel columns of each catalog: header (the Chinese field label of model.ts), type, width and
 * the instruction shown as header comment, instruction row and input prompt. A `*` after the header
 * marks a required column. Resources have one row per data item: the `dataItems.*` columns.
 */
import {
  ALL_SUB_FORMATS,
  type CatalogKind,
  CLASSIFIED_FLAGS,
  CLOUD_MIGRATION_STATUSES,
  CLOUD_SERVICE_CATEGORIES,
  CLOUD_SERVICE_FIELD_LABELS,
  type CloudServiceInput,
  DATA_ITEM_FIELD_LABELS,
  DATA_ITEM_TYPES,
  type DataItemInput,
  DEPLOYMENTS,
  type EnumList,
  FORMAT_CLASSES,
  NETWORKS,
  OPENNESS_TYPES,
  RESOURCE_CATEGORIES,
  RESOURCE_FIELD_LABELS,
  type ResourceInput,
  SHARING_METHODS,
  SHARING_TYPES,
  SYSTEM_FIELD_LABELS,
  SYSTEM_STATUSES,
  type SystemInput,
  UPDATE_CYCLES,
  YES_NO,
} from './model.ts';

export type ColumnType = 'text' | 'enum' | 'multiEnum' | 'bool' | 'date' | 'integer' | 'decimal' | 'textList';
/** Platform lists offered as drop-downs (names as the users see them). */
export type DynamicList = 'departments' | 'jurisdictions';

export interface ColumnDef {
  /** Field of the input; `dataItems.<field>` for the data-item columns of the resource sheet. */
  field: string;
  header: string;
  required: boolean;
  type: ColumnType;
  /** enum, multiEnum, bool: the list whose labels, codes and aliases are accepted. */
  options?: EnumList;
  /** text: values offered as a drop-down (a platform list, or fixed values with a warning only). */
  dropdown?: DynamicList | readonly string[];
  /** integer / decimal bounds of the Excel validation. */
  min?: number;
  max?: number;
  width: number;
  /** Instruction (header comment, instruction row, input prompt). */
  note: string;
}

export const ITEM_PREFIX = 'dataItems.';
export const isItemColumn = (def: ColumnDef) => def.field.startsWith(ITEM_PREFIX);

type Extra = Partial<Pick<ColumnDef, 'required' | 'options' | 'dropdown' | 'min' | 'max'>>;
type Spec<F extends string> = readonly [field: F, type: ColumnType, width: number, extra?: Extra];

function columns<F extends string>(
  labels: NoInfer<Readonly<Record<F, string>>>,
  notes: Readonly<Record<F, string>>,
  specs: readonly Spec<F>[],
  prefix = '',
): ColumnDef[] {
  return specs.map(([field, type, width, extra = {}]) => ({
    field: prefix + field,
    header: labels[field],
    required: false,
    type,
    width,
    note: notes[field],
    ...extra,
  }));
}

const required = { required: true } as const;

const SYSTEM_NOTES: Readonly<Record<keyof SystemInput, string>> = {
  code: '新增系统留空，由平台分配；修改已有系统时填写其编码（可先导出目录再修改后上传）',
  name: '系统正式名称，不超过 200 字；同一部门内不得重名（忽略空格和标点）',
  ownerDepartment: '系统的责任部门全称，从下拉列表选择',
  jurisdiction: '系统所属的市、区（县）或局，从下拉列表选择',
  purpose: '简述建设目的和主要功能，不超过 2000 字',
  functions: '功能清单：每项一个功能，多个用“、”分隔，每项不超过 100 字（用于查重）',
  status: '在建、运行、停用、已报废',
  deployment: '部署在市级或区级政务云的，上云状态填“已上云”',
  networks: '可多选，用“、”分隔，如：政务外网、互联网',
  dedicatedNetworkApproval: '网络类型含业务专网时必填（新建业务专网须有法律法规依据并经同意）',
  mlpsLevel: '网络安全等级保护级别，1–5 的整数；尚未定级的留空',
  projectRefs: '建设或改造该系统的项目编号，多个用“、”分隔',
  resourceCodes: '完整资源代码，如 301001001/000123，多个用“、”分隔',
  sharedOnPlatform: '是或否',
  sharedResourceCount: '已在共享平台共享的资源数；未接入的留空或填 0',
  cloudMigration: '不上云须填写不上云理由；计划上云须填写计划日期',
  cloudExemptionReason: '上云状态为“不上云（例外）”时必填：法律法规依据或特殊保密要求',
  cloudMigrationDate: '已上云填上云日期，计划上云填计划日期，格式 YYYY-MM-DD',
  retirementDate: '系统状态为“已报废”时必填，其他状态留空，格式 YYYY-MM-DD',
  mergedInto: '因整合并入其他系统而报废的，填写并入系统的编码',
  remarks: '选填，不超过 500 字',
};

export const SYSTEM_COLUMNS: readonly ColumnDef[] = columns(SYSTEM_FIELD_LABELS, SYSTEM_NOTES, [
  ['code', 'text', 16],
  ['name', 'text', 28, required],
  ['ownerDepartment', 'text', 22, { ...required, dropdown: 'departments' }],
  ['jurisdiction', 'text', 12, { ...required, dropdown: 'jurisdictions' }],
  ['purpose', 'text', 36, required],
  ['status', 'enum', 10, { ...required, options: SYSTEM_STATUSES }],
  ['deployment', 'enum', 12, { ...required, options: DEPLOYMENTS }],
  ['networks', 'multiEnum', 16, { ...required, options: NETWORKS }],
  ['dedicatedNetworkApproval', 'text', 20],
  ['mlpsLevel', 'integer', 8, { min: 1, max: 5 }],
  ['projectRefs', 'textList', 20],
  ['resourceCodes', 'textList', 24],
  ['sharedOnPlatform', 'bool', 10, { ...required, options: YES_NO }],
  ['sharedResourceCount', 'integer', 10, { min: 0, max: 1_000_000 }],
  ['cloudMigration', 'enum', 12, { ...required, options: CLOUD_MIGRATION_STATUSES }],
  ['cloudExemptionReason', 'text', 24],
  ['cloudMigrationDate', 'date', 14],
  ['retirementDate', 'date', 12],
  ['mergedInto', 'text', 16],
  ['remarks', 'text', 20],
  ['functions', 'textList', 36],
]);

const RESOURCE_NOTES: Readonly<Record<Exclude<keyof ResourceInput, 'dataItems'>, string>> = {
  code: '完整代码如 301001001/000123；新资源可只填 9 位前段码（类1位+项2位+目3位+细目3位），顺序码由平台分配；首位须与资源分类一致：1 基础、2 主题、3 部门',
  category: '基础信息资源、主题信息资源或部门信息资源',
  name: '资源名称，同一提供方内不得重名（忽略空格和标点）',
  provider: '提供资源的部门全称，从下拉列表选择',
  providerCode: '提供方的 18 位统一社会信用代码',
  summary: '资源内容的简要说明，不超过 2000 字',
  formatClass: '电子文件、电子表格、数据库、图形图像、流媒体或自描述格式',
  formatType:
    '电子文件：OFD/WPS/XML/TXT/DOC/DOCX/HTML/PDF/PPT；电子表格：ET/XLS/XLSX（这两类必填）；数据库可填产品名',
  sharing: '无条件共享、有条件共享或不予共享',
  sharingConditions: '有条件共享须填共享条件；不予共享须写明法律、行政法规或政策依据',
  sharingMethods:
    '可多选。数据库：接口服务、库表交换；电子表格：库表交换、文件下载；其他格式：文件下载、接口服务。不予共享的留空',
  openness: '无条件开放、有条件开放或不予开放；涉密资源不予开放',
  openConditions: '有条件开放时必填',
  updateCycle: '实时、每日、每周、每月、每季度或每年',
  publishedDate: '格式 YYYY-MM-DD',
  relatedCodes: '该资源在基础或主题资源目录中的完整代码，多个用“、”分隔',
  sourceSystem: '产生该资源的信息系统编码或名称',
  classified: '涉密或非涉密；涉密资源不得开放、不得无条件共享',
};

const DATA_ITEM_NOTES: Readonly<Record<keyof DataItemInput, string>> = {
  name: '每行一个信息项；数据库、电子表格类资源至少一个信息项',
  dataType: '字符型、数值型、整型、货币型、日期型、日期时间型、逻辑型、备注型或二进制型',
  length: '正整数；字符型必填',
};

export const RESOURCE_COLUMNS: readonly ColumnDef[] = [
  ...columns(RESOURCE_FIELD_LABELS, RESOURCE_NOTES, [
    ['code', 'text', 20, required],
    ['category', 'enum', 14, { ...required, options: RESOURCE_CATEGORIES }],
    ['name', 'text', 26, required],
    ['provider', 'text', 20, { ...required, dropdown: 'departments' }],
    ['providerCode', 'text', 22, required],
    ['summary', 'text', 30, required],
    ['formatClass', 'enum', 12, { ...required, options: FORMAT_CLASSES }],
    ['formatType', 'text', 10, { dropdown: ALL_SUB_FORMATS }],
    ['sharing', 'enum', 12, { ...required, options: SHARING_TYPES }],
    ['sharingConditions', 'text', 24],
    ['sharingMethods', 'multiEnum', 16, { options: SHARING_METHODS }],
    ['openness', 'enum', 12, { ...required, options: OPENNESS_TYPES }],
    ['openConditions', 'text', 20],
    ['updateCycle', 'enum', 10, { ...required, options: UPDATE_CYCLES }],
    ['publishedDate', 'date', 12],
    ['relatedCodes', 'textList', 22],
    ['sourceSystem', 'text', 18],
    ['classified', 'bool', 10, { ...required, options: CLASSIFIED_FLAGS }],
  ]),
  ...columns(
    DATA_ITEM_FIELD_LABELS,
    DATA_ITEM_NOTES,
    [
      ['name', 'text', 20],
      ['dataType', 'enum', 12, { options: DATA_ITEM_TYPES }],
      ['length', 'integer', 10, { min: 1, max: 1_000_000 }],
    ],
    ITEM_PREFIX,
  ),
];

const CLOUD_SERVICE_NOTES: Readonly<Record<keyof CloudServiceInput, string>> = {
  code: '新增服务留空，由平台分配；修改已有服务时填写其编码',
  name: '如 云主机、对象存储、数据库服务',
  category: 'IaaS、PaaS 或 SaaS',
  spec: '如 4核8G、1TB',
  unit: '如 台·年、TB·月',
  unitPrice: '不小于 0，最多 2 位小数',
  provider: '云服务商全称',
  remarks: '选填，不超过 500 字',
};

export const CLOUD_SERVICE_COLUMNS: readonly ColumnDef[] = columns(
  CLOUD_SERVICE_FIELD_LABELS,
  CLOUD_SERVICE_NOTES,
  [
    ['code', 'text', 14],
    ['name', 'text', 20, required],
    ['category', 'enum', 10, { ...required, options: CLOUD_SERVICE_CATEGORIES }],
    ['spec', 'text', 20, required],
    ['unit', 'text', 10, required],
    ['unitPrice', 'decimal', 12, { ...required, min: 0 }],
    ['provider', 'text', 22, required],
    ['remarks', 'text', 20],
  ],
);

export const CATALOG_COLUMNS: Readonly<Record<CatalogKind, readonly ColumnDef[]>> = {
  systems: SYSTEM_COLUMNS,
  resources: RESOURCE_COLUMNS,
  cloudServices: CLOUD_SERVICE_COLUMNS,
};
