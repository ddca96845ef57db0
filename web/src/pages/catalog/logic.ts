/**
 * Pure helpers of the catalog pages (no React, no DOM; tested under Node in logic.test.ts): labels
 * of codes, the server's entry problems mapped onto form fields, the changes of an edit, and file
 * names from Content-Disposition.
 */
import type { ApiError } from '../../api/client.ts';
import type { CatalogProblem, CloudServiceItem, ImportResult, Option } from './types.ts';

/** The Chinese label of a code; the code itself when unknown. */
export function labelOf(options: readonly Option[] | undefined, code: string | null | undefined): string {
  if (!code) return '—';
  return options?.find((o) => o.code === code)?.label ?? code;
}

export function labelsOf(options: readonly Option[] | undefined, codes: readonly string[]): string {
  return codes.length === 0 ? '—' : codes.map((c) => labelOf(options, c)).join('、');
}

/** `dataItems[2].name` → `['dataItems', 2, 'name']`, the name path of an antd Form field. */
export function fieldPath(field: string): (string | number)[] {
  const path: (string | number)[] = [];
  for (const part of field.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) {
      path.push(part);
      continue;
    }
    if (match[1]) path.push(match[1]);
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) path.push(Number(index[1]));
  }
  return path;
}

const isProblem = (value: unknown): value is CatalogProblem =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as CatalogProblem).field === 'string' &&
  typeof (value as CatalogProblem).message === 'string';

/** Every problem of a 400: the server's list, or the one field of the error contract. */
export function problemsOf(error: ApiError): CatalogProblem[] {
  const listed = (error.problems ?? []).filter(isProblem);
  if (listed.length > 0) return listed;
  if (error.status === 400 || error.status === 409) {
    return error.field
      ? [
          {
            field: error.field,
            code: error.code,
            message: error.message,
            ...(error.article ? { article: error.article } : {}),
          },
        ]
      : [];
  }
  return [];
}

export interface FieldError {
  name: (string | number)[];
  errors: string[];
}

/**
 * The problems as antd `form.setFields` entries, grouped per field (the article in brackets), and
 * those whose field is not on the form (shown above it).
 */
export function fieldErrors(
  problems: readonly CatalogProblem[],
  formFields: readonly string[],
): { fields: FieldError[]; other: string[] } {
  const byField = new Map<string, string[]>();
  const other: string[] = [];
  for (const p of problems) {
    const text = p.article ? `${p.message}（${p.article}）` : p.message;
    const root = String(fieldPath(p.field)[0] ?? '');
    if (p.field === '' || !formFields.includes(root)) {
      other.push(text);
      continue;
    }
    byField.set(p.field, [...(byField.get(p.field) ?? []), text]);
  }
  return {
    fields: [...byField].map(([field, errors]) => ({ name: fieldPath(field), errors })),
    other,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields of `values` that differ from `initial` (an edit sends only those); '' counts as cleared. */
export function changes<T extends object>(initial: Partial<T>, values: Partial<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(values) as (keyof T)[]) {
    const value = values[key] === '' ? null : values[key];
    if (!same(initial[key], value))
      (out as Record<keyof T, unknown>)[key] = value === undefined ? null : value;
  }
  return out;
}

export { fileNameFromDisposition } from '../../api/download.ts';

export function importSummary(result: ImportResult): string {
  const parts = [`读取 ${result.rows} 行`, `新增 ${result.created} 条`, `更新 ${result.updated} 条`];
  if (result.conflictsOpen) parts.push(`本辖区待处理一数一源提示 ${result.conflictsOpen} 条`);
  return `导入成功：${parts.join('，')}`;
}

export function rejectedUploadMessage(errorRows: number): string {
  return `${errorRows} 行有错误，已下载标注文件`;
}

/** Where an item of the cloud catalog stands in its approval (SC-12: authority with finance). */
export function cloudApprovalText(
  item: Pick<CloudServiceItem, 'status' | 'approvalsRequired' | 'authorityApprovedAt' | 'financeApprovedAt'>,
): string {
  if (item.status === 'published') return '已发布';
  if (item.status === 'approved') return '已审定，待发布';
  const waiting = item.approvalsRequired.filter((who) =>
    who === 'authority' ? !item.authorityApprovedAt : !item.financeApprovedAt,
  );
  const names: Record<string, string> = { authority: '主管部门', finance: '财政部门' };
  if (waiting.length === item.approvalsRequired.length)
    return `待${waiting.map((w) => names[w]).join('、')}审定`;
  return `待${waiting.map((w) => names[w]).join('、')}审定（${item.approvalsRequired
    .filter((w) => !waiting.includes(w))
    .map((w) => names[w])
    .join('、')}已审定）`;
}
