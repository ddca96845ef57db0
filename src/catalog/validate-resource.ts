/**
 * Entry validation of the resource catalog (DT-10, SC-09b, XZ-08a), pure; the rules are listed in
 * validate.ts, which re-exports `checkResource` and `validateResource`.
 */
import { checkResourceCode, checkUscc, foldCode, foldUscc } from './codes.ts';
import { normaliseName } from './dedupe.ts';
import {
  type CatalogProblem,
  DATA_ITEM_FIELD_LABELS,
  DATA_ITEM_TYPES,
  type DataItemInput,
  FORMAT_CLASSES,
  LENGTH_REQUIRED_TYPES,
  labelOf,
  OPENNESS_TYPES,
  RESOURCE_CATEGORIES,
  RESOURCE_FIELD_LABELS,
  type ResourceInput,
  SHARING_METHODS,
  SHARING_METHODS_BY_FORMAT,
  SHARING_TYPES,
  UPDATE_CYCLES,
} from './model.ts';
import { type CheckResult, Fields, isRecord, LIMITS, notAnObject, result } from './validate-fields.ts';

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
