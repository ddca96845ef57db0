/**
 * Fixtures for the catalog tests: departments with valid 统一社会信用代码, and valid entries of each
 * catalog as a department would enter them.
 */
import { usccCheckChar } from './codes.ts';
import type { CloudServiceInput, ResourceInput, SystemInput } from './model.ts';

/** A valid 统一社会信用代码 of a 机关 (登记管理部门 1, 类别 1) in 大同市 (140200). */
export function departmentUscc(n: number): string {
  const first17 = `11140200${String(n).padStart(8, '0')}0`;
  return first17 + usccCheckChar(first17);
}

export const DEPARTMENTS = [
  { name: '大同市公安局', code: departmentUscc(1) },
  { name: '大同市民政局', code: departmentUscc(2) },
  { name: '大同市市场监督管理局', code: departmentUscc(3) },
  { name: '大同市税务局', code: departmentUscc(4) },
  { name: '大同市交通运输局', code: departmentUscc(5) },
] as const;

export const DEPARTMENT_NAMES = DEPARTMENTS.map((d) => d.name);
export const JURISDICTION_NAMES = ['大同市', '平城区', '云冈区'];

export function validSystem(i: number, overrides: Partial<SystemInput> = {}): SystemInput {
  return {
    name: `业务管理系统${i}`,
    ownerDepartment: DEPARTMENTS[i % DEPARTMENTS.length].name,
    jurisdiction: '大同市',
    purpose: `支撑第 ${i} 项业务的审批和统计`,
    functions: [],
    status: 'in_operation',
    deployment: 'city_cloud',
    networks: ['extranet'],
    mlpsLevel: 2,
    projectRefs: [`DT-2023-${String(i).padStart(3, '0')}`],
    resourceCodes: [`301001001/${String(i + 1).padStart(6, '0')}`],
    sharedOnPlatform: true,
    sharedResourceCount: 3,
    cloudMigration: 'migrated',
    cloudMigrationDate: '2023-06-30',
    ...overrides,
  };
}

export function validResource(i: number, overrides: Partial<ResourceInput> = {}): ResourceInput {
  const department = DEPARTMENTS[i % DEPARTMENTS.length];
  return {
    code: `3${String((i % DEPARTMENTS.length) + 1).padStart(2, '0')}001001/${String(i + 1).padStart(6, '0')}`,
    category: 'department',
    name: `业务登记信息${i}`,
    provider: department.name,
    providerCode: department.code,
    summary: `第 ${i} 类业务的登记信息`,
    formatClass: 'database',
    formatType: '达梦',
    dataItems: [
      { name: '统一社会信用代码', dataType: 'string', length: 18 },
      { name: '企业名称', dataType: 'string', length: 200 },
      { name: '登记日期', dataType: 'date' },
      { name: '注册资本', dataType: 'currency' },
    ],
    sharing: 'conditional',
    sharingConditions: '仅限履职需要，经提供方同意',
    sharingMethods: ['interface'],
    openness: 'none',
    updateCycle: 'daily',
    publishedDate: '2024-01-15',
    relatedCodes: ['102001001/000001'],
    sourceSystem: `业务管理系统${i}`,
    classified: false,
    ...overrides,
  };
}

export function validCloudService(i: number, overrides: Partial<CloudServiceInput> = {}): CloudServiceInput {
  return {
    name: i % 2 === 0 ? '云主机' : '对象存储',
    category: 'iaas',
    spec: `${(i % 16) + 1}核${((i % 16) + 1) * 2}G-${i}`,
    unit: '台·年',
    unitPrice: 1200 + i + 0.5,
    provider: '中国电信股份有限公司大同分公司',
    ...overrides,
  };
}
