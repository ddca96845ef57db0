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
import { checkResourceCode, checkUscc, foldCode, foldUscc } from './codes.ts';
import { normaliseName } from './dedupe.ts';
import {
  type CatalogProblem,
  CLOUD_MIGRATION_STATUSES,
  CLOUD_SERVICE_CATEGORIES,
  CLOUD_SERVICE_FIELD_LABELS,
  type CloudServiceInput,
  type CodeOf,
  DATA_ITEM_FIELD_LABELS,
  DATA_ITEM_TYPES,
  type DataItemInput,
  DEPLOYMENTS,
  type EnumList,
  FORMAT_CLASSES,
  GOVERNMENT_CLOUDS,
  LENGTH_REQUIRED_TYPES,
  labelOf,
  labelsOf,
  NETWORKS,
  OPENNESS_TYPES,
  RESOURCE_CATEGORIES,
  RESOURCE_FIELD_LABELS,
  type ResourceInput,
  SHARING_METHODS,
  SHARING_METHODS_BY_FORMAT,
  SHARING_TYPES,
  SYSTEM_FIELD_LABELS,
  SYSTEM_STATUSES,
  type SystemCatalogRules,
  type SystemInput,
  UPDATE_CYCLES,
} from './model.ts';

export interface CheckResult<T> {
  /** The typed, trimmed value; null when there is a problem. */
  value: T | null;
  problems: CatalogProblem[];
}

/** Length limits (characters). */
export const LIMITS = {
  code: 64,
  name: 200,
  department: 100,
  jurisdiction: 50,
  longText: 2000,
  shortText: 500,
  reference: 100,
  listItems: 200,
  dataItems: 1000,
  dataItemLength: 1_000_000,
  unitPrice: 1_000_000_000,
} as const;

const SYSTEM_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date `YYYY-MM-DD` between 1950 and 2100. */
export function isCatalogDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1950 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when `price` is a finite number ≥ 0 that is exactly a value with at most 2 decimals. */
export function isPrice(price: number): boolean {
  return Number.isFinite(price) && price >= 0 && Number(price.toFixed(2)) === price;
}

/** The price in 分 (integer), for storage. */
export function toCents(price: number): number {
  return Math.round(price * 100);
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

interface FieldOptions {
  required?: boolean;
  article?: string;
}

/** Reads the fields of one draft object, collecting problems under `prefix` (e.g. `dataItems[2].`). */
class Fields {
  constructor(
    private readonly draft: Readonly<Record<string, unknown>>,
    private readonly labels: Readonly<Record<string, string>>,
    readonly problems: CatalogProblem[],
    private readonly prefix = '',
  ) {}

  path(field: string): string {
    return this.prefix + field;
  }

  label(field: string): string {
    return this.labels[field] ?? field;
  }

  add(field: string, code: string, message: string, article?: string): void {
    this.problems.push({ field: this.path(field), code, message, ...(article ? { article } : {}) });
  }

  has(field: string): boolean {
    return !isBlank(this.draft[field]);
  }

  private missing(field: string, options: FieldOptions): undefined {
    if (options.required) this.add(field, 'REQUIRED', `${this.label(field)}未填写`, options.article);
    return undefined;
  }

  text(field: string, max: number, options: FieldOptions = {}): string | undefined {
    const value = this.draft[field];
    if (isBlank(value)) return this.missing(field, options);
    if (typeof value !== 'string') {
      this.add(field, 'INVALID_TYPE', `${this.label(field)}应为文字`, options.article);
      return undefined;
    }
    const text = value.trim();
    if ([...text].length > max) {
      this.add(field, 'TOO_LONG', `${this.label(field)}不能超过 ${max} 个字`, options.article);
    }
    return text;
  }

  oneOf<L extends EnumList>(field: string, list: L, options: FieldOptions = {}): CodeOf<L> | undefined {
    const value = this.draft[field];
    if (isBlank(value)) return this.missing(field, options);
    const hit = list.find((entry) => entry.code === value);
    if (!hit) {
      this.add(
        field,
        'INVALID_OPTION',
        `${this.label(field)}“${String(value)}”无效，应为：${labelsOf(list).join('、')}`,
        options.article,
      );
      return undefined;
    }
    return hit.code;
  }

  /** A list of codes of `list`, duplicates removed, in the order given. */
  someOf<L extends EnumList>(field: string, list: L, options: FieldOptions = {}): CodeOf<L>[] {
    const values = this.array(field, options);
    const codes: CodeOf<L>[] = [];
    for (const value of values) {
      const hit = list.find((entry) => entry.code === value);
      if (!hit) {
        this.add(
          field,
          'INVALID_OPTION',
          `${this.label(field)}“${String(value)}”无效，应为：${labelsOf(list).join('、')}`,
          options.article,
        );
      } else if (!codes.includes(hit.code)) {
        codes.push(hit.code);
      }
    }
    return codes;
  }

  /** A list of non-empty texts, trimmed, duplicates removed. */
  texts(field: string, max: number, options: FieldOptions = {}): string[] {
    const result: string[] = [];
    for (const value of this.array(field, options)) {
      if (typeof value !== 'string') {
        this.add(field, 'INVALID_TYPE', `${this.label(field)}应为文字`, options.article);
        continue;
      }
      const text = value.trim();
      if (text === '' || result.includes(text)) continue;
      if ([...text].length > max) {
        this.add(field, 'TOO_LONG', `${this.label(field)}中的“${text}”超过 ${max} 个字`, options.article);
      }
      result.push(text);
    }
    return result;
  }

  array(field: string, options: FieldOptions = {}): readonly unknown[] {
    const value = this.draft[field];
    if (value === undefined || value === null) {
      this.missing(field, options);
      return [];
    }
    if (!Array.isArray(value)) {
      this.add(field, 'INVALID_TYPE', `${this.label(field)}应为列表`, options.article);
      return [];
    }
    if (value.length > LIMITS.dataItems) {
      this.add(field, 'TOO_MANY', `${this.label(field)}不能超过 ${LIMITS.dataItems} 项`, options.article);
      return value.slice(0, LIMITS.dataItems);
    }
    if (options.required && value.length === 0) this.missing(field, options);
    return value;
  }

  bool(field: string, options: FieldOptions = {}): boolean | undefined {
    const value = this.draft[field];
    if (value === undefined || value === null || value === '') return this.missing(field, options);
    if (typeof value !== 'boolean') {
      this.add(field, 'INVALID_OPTION', `${this.label(field)}应为“是”或“否”`, options.article);
      return undefined;
    }
    return value;
  }

  number(
    field: string,
    range: { min: number; max: number; integer: boolean },
    options: FieldOptions = {},
  ): number | undefined {
    const value = this.draft[field];
    if (isBlank(value)) return this.missing(field, options);
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.add(field, 'INVALID_NUMBER', `${this.label(field)}“${String(value)}”不是数字`, options.article);
      return undefined;
    }
    if (range.integer && !Number.isInteger(value)) {
      this.add(field, 'INVALID_NUMBER', `${this.label(field)}应为整数`, options.article);
      return undefined;
    }
    if (value < range.min || value > range.max) {
      this.add(
        field,
        'OUT_OF_RANGE',
        `${this.label(field)}应在 ${range.min} 到 ${range.max} 之间`,
        options.article,
      );
      return undefined;
    }
    return value;
  }

  date(field: string, options: FieldOptions = {}): string | undefined {
    const value = this.draft[field];
    if (isBlank(value)) return this.missing(field, options);
    if (typeof value !== 'string' || !isCatalogDate(value.trim())) {
      this.add(
        field,
        'INVALID_DATE',
        `${this.label(field)}“${String(value)}”不是有效日期（应为 YYYY-MM-DD）`,
        options.article,
      );
      return undefined;
    }
    return value.trim();
  }
}

function notAnObject(): CatalogProblem[] {
  return [{ field: '', code: 'INVALID_TYPE', message: '数据应为一个对象' }];
}

const result = <T>(value: T, problems: CatalogProblem[]): CheckResult<T> =>
  problems.length === 0 ? { value, problems } : { value: null, problems };

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

function checkDataItems(raw: readonly unknown[], problems: CatalogProblem[]): DataItemInput[] {
  const items: DataItemInput[] = [];
  const seen = new Map<string, number>();
  raw.forEach((draft, index) => {
    const prefix = `dataItems[${index}].`;
    if (!isRecord(draft)) {
      problems.push({
        field: `dataItems[${index}]`,
        code: 'INVALID_TYPE',
        message: `第 ${index + 1} 个信息项应为一个对象`,
      });
      return;
    }
    const f = new Fields(draft, DATA_ITEM_FIELD_LABELS, problems, prefix);
    const name = f.text('name', LIMITS.reference, { required: true, article: 'DT-10' });
    const dataType = f.oneOf('dataType', DATA_ITEM_TYPES, { required: true, article: 'DT-10' });
    const length = f.number('length', { min: 1, max: LIMITS.dataItemLength, integer: true });
    if (dataType && LENGTH_REQUIRED_TYPES.includes(dataType) && length === undefined && !f.has('length')) {
      f.add(
        'length',
        'DATA_ITEM_LENGTH_REQUIRED',
        `${labelOf(DATA_ITEM_TYPES, dataType)}信息项须填写数据长度`,
        'DT-10',
      );
    }
    if (name !== undefined) {
      const key = normaliseName(name);
      const first = seen.get(key);
      if (first !== undefined) {
        f.add('name', 'DUPLICATE_DATA_ITEM', `信息项“${name}”与第 ${first + 1} 个信息项重复`, 'DT-10');
      } else if (key !== '') {
        seen.set(key, index);
      }
    }
    items.push({
      name: name ?? '',
      dataType: dataType ?? 'string',
      ...(length !== undefined ? { length } : {}),
    });
  });
  return items;
}

export function checkResource(draft: unknown): CheckResult<ResourceInput> {
  if (!isRecord(draft)) return { value: null, problems: notAnObject() };
  const problems: CatalogProblem[] = [];
  const f = new Fields(draft, RESOURCE_FIELD_LABELS, problems);
  const catalog = { required: true, article: 'DT-10' };
  const sharingRule = { required: true, article: 'SC-09b' };

  const category = f.oneOf('category', RESOURCE_CATEGORIES, catalog);
  const rawCode = f.text('code', LIMITS.code, catalog);
  let code = rawCode;
  if (rawCode !== undefined) {
    const codeProblems = checkResourceCode(rawCode, 'code', { category, article: 'DT-10' });
    problems.push(...codeProblems);
    if (codeProblems.length === 0) code = foldCode(rawCode);
  }
  const name = f.text('name', LIMITS.name, catalog);
  const provider = f.text('provider', LIMITS.department, catalog);
  const providerCode = f.text('providerCode', LIMITS.code, catalog);
  if (providerCode !== undefined) problems.push(...checkUscc(providerCode, 'providerCode'));
  const summary = f.text('summary', LIMITS.longText, catalog);

  const formatClass = f.oneOf('formatClass', FORMAT_CLASSES, catalog);
  const rawFormatType = f.text('formatType', 50);
  const formatType = rawFormatType?.normalize('NFKC').replace(/^\./, '').toUpperCase();
  const formatSpec = FORMAT_CLASSES.find((entry) => entry.code === formatClass);
  if (formatSpec && formatSpec.formats.length > 0) {
    const allowed: readonly string[] = formatSpec.formats;
    if (formatType === undefined && formatSpec.formatRequired) {
      f.add(
        'formatType',
        'FORMAT_TYPE_REQUIRED',
        `${formatSpec.label}须填写格式类型：${allowed.join('/')}`,
        'DT-10',
      );
    } else if (formatType !== undefined && !allowed.includes(formatType)) {
      f.add(
        'formatType',
        'FORMAT_TYPE_MISMATCH',
        `格式类型“${rawFormatType}”不属于${formatSpec.label}，应为：${allowed.join('/')}`,
        'DT-10',
      );
    }
  }

  const dataItems = checkDataItems(f.array('dataItems'), problems);
  if ((formatClass === 'database' || formatClass === 'spreadsheet') && dataItems.length === 0) {
    f.add(
      'dataItems',
      'DATA_ITEMS_REQUIRED',
      `${labelOf(FORMAT_CLASSES, formatClass)}类资源须列出信息项`,
      'DT-10',
    );
  }

  const sharing = f.oneOf('sharing', SHARING_TYPES, sharingRule);
  const sharingConditions = f.text('sharingConditions', LIMITS.longText);
  const problemsBeforeMethods = problems.length;
  const sharingMethods = f.someOf('sharingMethods', SHARING_METHODS);
  const methodsMalformed = problems.length > problemsBeforeMethods;
  if (sharing === 'none') {
    if (sharingConditions === undefined) {
      f.add(
        'sharingConditions',
        'NO_SHARE_REASON_REQUIRED',
        '不予共享的资源须在共享条件中写明不予共享的法律、行政法规或政策依据',
        'SC-09b',
      );
    }
    if (sharingMethods.length > 0) {
      f.add('sharingMethods', 'SHARING_METHOD_FOR_UNSHARED', '不予共享的资源不应填写共享方式', 'SC-09b');
    }
  } else if (sharing) {
    if (sharing === 'conditional' && sharingConditions === undefined) {
      f.add('sharingConditions', 'SHARING_CONDITIONS_REQUIRED', '有条件共享的资源须填写共享条件', 'SC-09b');
    }
    if (sharingMethods.length === 0 && !methodsMalformed) {
      f.add('sharingMethods', 'SHARING_METHOD_REQUIRED', '共享的资源须填写共享方式', 'SC-09b');
    }
    if (formatClass) {
      const fitting = SHARING_METHODS_BY_FORMAT[formatClass];
      const misfits = sharingMethods.filter((method) => !fitting.includes(method));
      if (misfits.length > 0) {
        f.add(
          'sharingMethods',
          'SHARING_METHOD_FORMAT_MISMATCH',
          `${labelOf(FORMAT_CLASSES, formatClass)}类资源不能以“${misfits
            .map((m) => labelOf(SHARING_METHODS, m))
            .join('、')}”方式共享，应为：${fitting.map((m) => labelOf(SHARING_METHODS, m)).join('、')}`,
          'SC-09b',
        );
      }
    }
  }

  const openness = f.oneOf('openness', OPENNESS_TYPES, sharingRule);
  const openConditions = f.text('openConditions', LIMITS.longText);
  if (openness === 'conditional' && openConditions === undefined) {
    f.add('openConditions', 'OPEN_CONDITIONS_REQUIRED', '有条件开放的资源须填写开放条件', 'SC-09b');
  }
  if (sharing === 'none' && openness && openness !== 'none') {
    f.add('openness', 'OPEN_BUT_NOT_SHARED', '不予共享的资源不能向社会开放', 'SC-09b');
  }

  const classified = f.bool('classified', { required: true, article: 'DT-10' });
  if (classified === true) {
    if (openness && openness !== 'none') {
      f.add('openness', 'CLASSIFIED_OPEN', '涉密资源不得向社会开放', 'SC-09b');
    }
    if (sharing === 'unconditional') {
      f.add('sharing', 'CLASSIFIED_UNCONDITIONAL_SHARING', '涉密资源不得无条件共享', 'SC-09b');
    }
  }

  const updateCycle = f.oneOf('updateCycle', UPDATE_CYCLES, catalog);
  const publishedDate = f.date('publishedDate');
  const relatedCodes: string[] = [];
  for (const raw of f.texts('relatedCodes', LIMITS.code)) {
    const codeProblems = checkResourceCode(raw, 'relatedCodes', { requireSequence: true, article: 'DT-10' });
    problems.push(...codeProblems);
    const folded = foldCode(raw);
    if (codeProblems.length === 0 && folded === code) {
      f.add('relatedCodes', 'RELATED_CODE_SELF', '关联资源代码不能是资源自身的代码');
    }
    if (!relatedCodes.includes(folded)) relatedCodes.push(folded);
  }
  const sourceSystem = f.text('sourceSystem', LIMITS.reference);

  return result<ResourceInput>(
    {
      code: code ?? '',
      category: category ?? 'department',
      name: name ?? '',
      provider: provider ?? '',
      providerCode: providerCode === undefined ? '' : foldUscc(providerCode),
      summary: summary ?? '',
      formatClass: formatClass ?? 'database',
      ...(formatType !== undefined ? { formatType } : {}),
      dataItems,
      sharing: sharing ?? 'none',
      ...(sharingConditions !== undefined ? { sharingConditions } : {}),
      sharingMethods,
      openness: openness ?? 'none',
      ...(openConditions !== undefined ? { openConditions } : {}),
      updateCycle: updateCycle ?? 'yearly',
      ...(publishedDate !== undefined ? { publishedDate } : {}),
      relatedCodes,
      ...(sourceSystem !== undefined ? { sourceSystem } : {}),
      classified: classified ?? false,
    },
    problems,
  );
}

export function validateResource(draft: unknown): CatalogProblem[] {
  return checkResource(draft).problems;
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
