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
import type { CodeOf, EnumList } from './model-enums.ts';
import type { ResourceInput } from './model-resources.ts';
import type { SystemInput } from './model-systems.ts';

export * from './model-enums.ts';
export * from './model-resources.ts';
export * from './model-systems.ts';

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
