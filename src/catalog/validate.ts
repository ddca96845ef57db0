/**
 * Entry validation of the three catalogs, pure. A draft is what arrives (JSON body, Excel row): every
 * field may be missing or of the wrong type. `checkX(draft)` returns every problem found (field path,
 * stable code, Chinese message, article) and, when there is none, the typed, trimmed value;
 * `validateX(draft)` returns only the problems. Nothing here knows other catalog rows: name
 * duplicates against the catalog are dedupe.ts's and the repository's business.
 *
 * Rules and their articles:
 * - systems (SC-10 complete catalog): required fields; 业务专网 needs its approval reference (DT-12d);
 *   等保 level 1–5; a system on the government cloud is 已上云 and vice versa, a planned migration has a
 *   date (XZ-08b, XZ-30); 不上云 needs the legal or secrecy reason (XZ-28); the retirement date is given
 *   exactly for 已报废 systems, and only those can be merged into another (只合不分, DT-01); the shared
 *   resource count is 0 when the system is not on the sharing platform (XZ-08b).
 * - resources (DT-10, SC-09b, XZ-08a): source, format, update cycle, sharing and open attributes are
 *   required; the code follows the grammar of codes.ts and its 类 digit agrees with 资源分类; the
 *   provider code is a valid 统一社会信用代码; 不予共享 needs its basis and has no sharing method;
 *   有条件共享 needs its conditions; the sharing methods fit the format class
 *   (`SHARING_METHODS_BY_FORMAT`); 有条件开放 needs 开放条件; what is not shared is not opened; 涉密
 *   resources are neither opened nor unconditionally shared; structured resources (数据库, 电子表格) list
 *   their data items; item names are unique within a resource; 字符型 items have a length.
 * - cloud services (DT-13, SC-12): required fields; the unit price is ≥ 0 with at most 2 decimals.
 */
import { checkResourceCode } from './codes.ts';
import {
  type CatalogProblem,
  CLOUD_MIGRATION_STATUSES,
  CLOUD_SERVICE_CATEGORIES,
  CLOUD_SERVICE_FIELD_LABELS,
  type CloudServiceInput,
  DEPLOYMENTS,
  GOVERNMENT_CLOUDS,
  labelOf,
  NETWORKS,
  SYSTEM_FIELD_LABELS,
  SYSTEM_STATUSES,
  type SystemCatalogRules,
  type SystemInput,
} from './model.ts';
import {
  type CheckResult,
  Fields,
  isBlank,
  isPrice,
  isRecord,
  LIMITS,
  notAnObject,
  result,
  SYSTEM_CODE,
} from './validate-fields.ts';

export { type CheckResult, isCatalogDate, isPrice, LIMITS, toCents } from './validate-fields.ts';
export { checkResource, validateResource } from './validate-resource.ts';

// ---------------------------------------------------------------------------------------------

/**
 * The jurisdiction's own catalog rules (from its rulebook, `Rulebook.catalog`) on a checked system:
 * the 业务专网 approval and who gives it (DT 第十二条 市政务信息化主管部门, SC 第十一条 区人民政府,
 * XZ 第十条 市政务信息管理局并经市政府; JC sets none), the clouds that count as 已上云 (XZ 第二十八条:
 * the 市级政务云 only) and the ground an off-cloud system must state (XZ 第二十八条 only).
 */
export function checkSystemRules(input: SystemInput, rules: SystemCatalogRules | null): CatalogProblem[] {
  if (!rules) return [];
  const problems: CatalogProblem[] = [];
  const dedicated = rules.dedicatedNetwork;
  if (dedicated && input.networks.includes('dedicated') && input.dedicatedNetworkApproval === undefined) {
    problems.push({
      field: 'dedicatedNetworkApproval',
      code: 'DEDICATED_NETWORK_APPROVAL_REQUIRED',
      message: `使用业务专网的系统须填写业务专网的批准文号（新建业务专网须有法律法规依据并经${dedicated.consent}同意）`,
      article: dedicated.articles[0],
    });
  }
  const ground = rules.cloudExemptionGround;
  if (ground && input.cloudMigration === 'exempt' && input.cloudExemptionReason === undefined) {
    problems.push({
      field: 'cloudExemptionReason',
      code: 'CLOUD_EXEMPTION_REASON_REQUIRED',
      message: '不上云须说明法律法规依据或特殊保密要求（上云为常态，不上云为例外）',
      article: ground.articles[0],
    });
  }
  const clouds: readonly string[] = rules.governmentClouds;
  const counts = clouds.includes(input.deployment);
  const cloudArticle = rules.cloudArticles[0];
  if (GOVERNMENT_CLOUDS.includes(input.deployment) && counts !== (input.cloudMigration === 'migrated')) {
    const label = labelOf(DEPLOYMENTS, input.deployment);
    problems.push({
      field: 'cloudMigration',
      code: 'CLOUD_STATUS_DEPLOYMENT_MISMATCH',
      message: counts
        ? `部署在${label}的系统上云状态应为“已上云”`
        : `本辖区只有${clouds.map((c) => labelOf(DEPLOYMENTS, c)).join('、')}计为已上云：部署在${label}的系统上云状态不能为“已上云”`,
      ...(cloudArticle ? { article: cloudArticle } : {}),
    });
  }
  return problems;
}

export function checkSystem(draft: unknown): CheckResult<SystemInput> {
  if (!isRecord(draft)) return { value: null, problems: notAnObject() };
  const problems: CatalogProblem[] = [];
  const f = new Fields(draft, SYSTEM_FIELD_LABELS, problems);
  const catalog = { required: true, article: 'SC-10' };

  const code = f.text('code', LIMITS.code);
  if (code !== undefined && !SYSTEM_CODE.test(code)) {
    f.add('code', 'CODE_INVALID', '系统编码只能由字母、数字和 . _ - 组成');
  }
  const name = f.text('name', LIMITS.name, catalog);
  const ownerDepartment = f.text('ownerDepartment', LIMITS.department, catalog);
  const jurisdiction = f.text('jurisdiction', LIMITS.jurisdiction, catalog);
  const purpose = f.text('purpose', LIMITS.longText, catalog);
  const functions = f.texts('functions', LIMITS.reference);
  const status = f.oneOf('status', SYSTEM_STATUSES, catalog);
  const deployment = f.oneOf('deployment', DEPLOYMENTS, catalog);
  const networks = f.someOf('networks', NETWORKS, catalog);

  // Who must consent to a 业务专网, whether an off-cloud system needs its ground and which clouds
  // count as 已上云 are the jurisdiction's rules: checkSystemRules applies them.
  const dedicatedNetworkApproval = f.text('dedicatedNetworkApproval', LIMITS.reference);
  if (!networks.includes('dedicated') && dedicatedNetworkApproval !== undefined && networks.length > 0) {
    f.add(
      'dedicatedNetworkApproval',
      'DEDICATED_NETWORK_APPROVAL_UNEXPECTED',
      '未使用业务专网时不应填写专网批准文号',
    );
  }

  const mlpsLevel = f.number('mlpsLevel', { min: 1, max: 5, integer: true });
  const projectRefs = f.texts('projectRefs', LIMITS.reference);
  const resourceCodes = f.texts('resourceCodes', LIMITS.code);
  resourceCodes.forEach((raw) => {
    problems.push(...checkResourceCode(raw, 'resourceCodes', { requireSequence: true, article: 'DT-10' }));
  });

  const sharedOnPlatform = f.bool('sharedOnPlatform', { required: true, article: 'XZ-08b' });
  const sharedResourceCount =
    f.number('sharedResourceCount', { min: 0, max: 1_000_000, integer: true }, { article: 'XZ-08b' }) ?? 0;
  if (sharedOnPlatform === false && sharedResourceCount > 0) {
    f.add(
      'sharedResourceCount',
      'SHARED_COUNT_WITHOUT_PLATFORM',
      '未接入共享平台的系统共享资源数应为 0',
      'XZ-08b',
    );
  }

  const cloudMigration = f.oneOf('cloudMigration', CLOUD_MIGRATION_STATUSES, {
    required: true,
    article: 'XZ-30',
  });
  const cloudExemptionReason = f.text('cloudExemptionReason', LIMITS.shortText);
  const cloudMigrationDate = f.date('cloudMigrationDate');
  if (deployment && cloudMigration === 'migrated' && !GOVERNMENT_CLOUDS.includes(deployment)) {
    // No text counts 其他云平台 or 自建机房 as 已上云.
    f.add(
      'cloudMigration',
      'CLOUD_STATUS_DEPLOYMENT_MISMATCH',
      `部署方式为“${labelOf(DEPLOYMENTS, deployment)}”的系统上云状态不能为“已上云”`,
      'XZ-30',
    );
  }
  if (cloudMigration === 'planned' && cloudMigrationDate === undefined && !f.has('cloudMigrationDate')) {
    f.add(
      'cloudMigrationDate',
      'CLOUD_MIGRATION_DATE_REQUIRED',
      '计划上云的系统须填写计划上云日期',
      'XZ-08b',
    );
  }

  const retirementDate = f.date('retirementDate', { article: 'DT-01' });
  if (status === 'retired' && !f.has('retirementDate')) {
    f.add('retirementDate', 'RETIREMENT_DATE_REQUIRED', '已报废的系统须填写报废日期', 'DT-01');
  }
  if (status && status !== 'retired' && f.has('retirementDate')) {
    f.add('retirementDate', 'RETIREMENT_DATE_UNEXPECTED', '未报废的系统不应填写报废日期', 'DT-01');
  }
  const mergedInto = f.text('mergedInto', LIMITS.code);
  if (mergedInto !== undefined && status && status !== 'retired') {
    f.add(
      'mergedInto',
      'MERGED_INTO_NOT_RETIRED',
      '只有已报废（并入其他系统）的系统才能填写并入系统编码',
      'DT-01',
    );
  }
  if (mergedInto !== undefined && code !== undefined && mergedInto === code) {
    f.add('mergedInto', 'MERGED_INTO_SELF', '系统不能并入自身', 'DT-01');
  }
  const remarks = f.text('remarks', LIMITS.shortText);

  return result<SystemInput>(
    {
      ...(code !== undefined ? { code } : {}),
      name: name ?? '',
      ownerDepartment: ownerDepartment ?? '',
      jurisdiction: jurisdiction ?? '',
      purpose: purpose ?? '',
      functions,
      status: status ?? 'in_operation',
      deployment: deployment ?? 'city_cloud',
      networks,
      ...(dedicatedNetworkApproval !== undefined ? { dedicatedNetworkApproval } : {}),
      ...(mlpsLevel !== undefined ? { mlpsLevel } : {}),
      projectRefs,
      resourceCodes,
      sharedOnPlatform: sharedOnPlatform ?? false,
      sharedResourceCount,
      cloudMigration: cloudMigration ?? 'not_started',
      ...(cloudExemptionReason !== undefined ? { cloudExemptionReason } : {}),
      ...(cloudMigrationDate !== undefined ? { cloudMigrationDate } : {}),
      ...(retirementDate !== undefined ? { retirementDate } : {}),
      ...(mergedInto !== undefined ? { mergedInto } : {}),
      ...(remarks !== undefined ? { remarks } : {}),
    },
    problems,
  );
}

export function validateSystem(draft: unknown): CatalogProblem[] {
  return checkSystem(draft).problems;
}

// ---------------------------------------------------------------------------------------------

export function checkCloudService(draft: unknown): CheckResult<CloudServiceInput> {
  if (!isRecord(draft)) return { value: null, problems: notAnObject() };
  const problems: CatalogProblem[] = [];
  const f = new Fields(draft, CLOUD_SERVICE_FIELD_LABELS, problems);
  const catalog = { required: true, article: 'DT-13' };

  const code = f.text('code', LIMITS.code);
  if (code !== undefined && !SYSTEM_CODE.test(code)) {
    f.add('code', 'CODE_INVALID', '服务编码只能由字母、数字和 . _ - 组成');
  }
  const name = f.text('name', LIMITS.reference, catalog);
  const category = f.oneOf('category', CLOUD_SERVICE_CATEGORIES, catalog);
  const spec = f.text('spec', LIMITS.name, catalog);
  const unit = f.text('unit', 20, catalog);
  const provider = f.text('provider', LIMITS.department, catalog);
  const remarks = f.text('remarks', LIMITS.shortText);
  let unitPrice: number | undefined;
  const price = draft.unitPrice;
  if (isBlank(price)) {
    f.add('unitPrice', 'REQUIRED', '单价（元）未填写', 'DT-13');
  } else if (typeof price !== 'number' || !Number.isFinite(price)) {
    f.add('unitPrice', 'INVALID_NUMBER', `单价“${String(price)}”不是数字`, 'DT-13');
  } else if (price < 0) {
    f.add('unitPrice', 'PRICE_NEGATIVE', '单价不能为负数', 'DT-13');
  } else if (price > LIMITS.unitPrice) {
    f.add('unitPrice', 'PRICE_TOO_LARGE', `单价不能超过 ${LIMITS.unitPrice} 元`, 'DT-13');
  } else if (!isPrice(price)) {
    f.add('unitPrice', 'PRICE_PRECISION', '单价最多保留 2 位小数（精确到分）', 'DT-13');
  } else {
    unitPrice = price;
  }

  return result<CloudServiceInput>(
    {
      ...(code !== undefined ? { code } : {}),
      name: name ?? '',
      category: category ?? 'iaas',
      spec: spec ?? '',
      unit: unit ?? '',
      unitPrice: unitPrice ?? 0,
      provider: provider ?? '',
      ...(remarks !== undefined ? { remarks } : {}),
    },
    problems,
  );
}

export function validateCloudService(draft: unknown): CatalogProblem[] {
  return checkCloudService(draft).problems;
}
