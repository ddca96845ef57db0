/**
 * Pure helpers of the project pages: labels (the options come from GET /api/projects/meta), money in yuan strings added exactly in
 * fen, the application form's values to and from the API, how a diff value is shown. No React.
 */
import { fenToYuan, groupThousands, yuanToFen } from '../../../../shared/money.ts';
import type { ApplicationInput, ProjectDetail } from './types.ts';

export interface Option {
  value: string;
  label: string;
}

/** Project states as a value enum for tables (Badge status). */
export const STATE_BADGE: Record<string, 'default' | 'processing' | 'success' | 'error' | 'warning'> = {
  draft: 'default',
  returned: 'warning',
  withdrawn: 'warning',
  in_review: 'processing',
  in_approval: 'processing',
  established: 'success',
  recorded: 'success',
  refused: 'error',
};

export const PLAN_STATUS_BADGE: Record<string, 'default' | 'processing' | 'success' | 'warning'> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  filed: 'success',
  returned: 'warning',
  refused: 'warning',
};

export const labelOf = (options: readonly Option[], value: string | null | undefined): string =>
  options.find((o) => o.value === value)?.label ?? value ?? '';

// ---- money (exact, in fen: shared/money.ts, the server's own helpers) ---------------------------

/** What the form accepts: at most 13 digits of yuan and two decimals, blanks around it ignored. */
const YUAN = /^(0|[1-9]\d{0,12})(\.\d{1,2})?$/;

export function isYuan(value: string): boolean {
  return YUAN.test(value.trim());
}

/** Exact fen of a yuan string; null when not an amount. */
export function toFen(value: string): bigint | null {
  return isYuan(value) ? yuanToFen(value.trim()) : null;
}

export const fromFen = fenToYuan;

/** `1,280,000.50 元`. */
export function formatYuan(value: string): string {
  const fen = toFen(value);
  if (fen === null) return value;
  const [whole, cents] = fenToYuan(fen).split('.');
  return `${groupThousands(whole)}.${cents} 元`;
}

/** `128.00 万元` for a yuan amount (the unit people think in); null when not an amount. */
export function wanHint(value: string | undefined | null): string | null {
  const fen = value ? toFen(String(value)) : null;
  if (fen === null) return null;
  // 1 万元 = 1,000,000 fen; four decimals of 万元 show every 元 (a hint: the field keeps the fen).
  const whole = fen / 1_000_000n;
  const frac = (fen % 1_000_000n).toString().padStart(6, '0').slice(0, 4).replace(/0+$/, '');
  return `合 ${whole}${frac ? `.${frac}` : ''} 万元`;
}

/** The running total of the yearly amounts (valid ones), as yuan. */
export function yearsTotal(years: readonly { amount?: string | null }[] | undefined): string {
  let sum = 0n;
  for (const y of years ?? []) {
    const fen = y?.amount ? toFen(String(y.amount)) : null;
    if (fen !== null) sum += fen;
  }
  return fromFen(sum);
}

/** The problem with a budget by year against the total (DT-09a), or null when it adds up. */
export function budgetProblem(
  total: string,
  years: readonly { year: number; amount: string }[],
): string | null {
  if (years.length === 0) return null;
  const totalFen = toFen(total);
  if (totalFen === null) return '请填写有效的项目总预算';
  let sum = 0n;
  const seen = new Set<number>();
  for (const y of years) {
    if (seen.has(y.year)) return `${y.year} 年度重复`;
    seen.add(y.year);
    const fen = toFen(y.amount);
    if (fen === null) return `${y.year} 年度金额无效`;
    sum += fen;
  }
  return sum === totalFen ? null : `分年度预算之和 ${fromFen(sum)} 元与总预算 ${fromFen(totalFen)} 元不一致`;
}

// ---- the application form ----------------------------------------------------------------------

export const EMPTY_APPLICATION: ApplicationInput = {
  name: '',
  type: 'new',
  category: 'application_system',
  fundingMode: 'government_investment',
  summary: '',
  planEntryId: null,
  parentProjectId: null,
  shareOfParent: null,
  coBuilderIds: [],
  totalBudget: '',
  budgetByYear: [],
  systems: [],
  resources: [],
  cloudServices: [],
  dedicatedNetwork: false,
  dedicatedNetworkBasis: null,
  classified: false,
  projectOwner: null,
  performanceTargets: [],
  declarations: {},
};

/** The form's values from a project (the phone is never sent back masked: it is left empty). */
export function applicationFromProject(p: ProjectDetail): ApplicationInput {
  return {
    name: p.name,
    type: p.type,
    category: p.category,
    fundingMode: p.fundingMode,
    summary: p.summary,
    planEntryId: p.plan?.entryId ?? null,
    parentProjectId: p.parent?.id ?? null,
    shareOfParent: p.shareOfParent,
    coBuilderIds: p.coBuilders.map((c) => c.id),
    totalBudget: p.totalBudget,
    budgetByYear: p.budgetByYear,
    systems: p.systems.map((s) => ({
      systemId: s.systemId,
      name: s.systemId ? null : s.name,
      relation: s.relation,
    })),
    resources: p.resources.map((r) => ({ resourceId: r.resourceId, relation: r.relation })),
    cloudServices: p.cloudServices,
    dedicatedNetwork: p.dedicatedNetwork,
    dedicatedNetworkBasis: p.dedicatedNetworkBasis,
    classified: p.classified,
    projectOwner: p.projectOwner
      ? { name: p.projectOwner.name, title: p.projectOwner.title, phone: '' }
      : null,
    performanceTargets: p.performanceTargets,
    declarations: p.declarations,
  };
}

/**
 * The body to send: trimmed strings, empty rows dropped, amounts normalised. When editing, an empty
 * phone means "unchanged": the stored phone is never sent back to the browser in clear.
 */
export function applicationBody(values: ApplicationInput, editing: boolean): Partial<ApplicationInput> {
  const body: Partial<ApplicationInput> = {
    ...values,
    name: values.name.trim(),
    summary: values.summary.trim(),
    totalBudget: values.totalBudget.trim(),
    budgetByYear: values.budgetByYear
      .filter((y) => y.amount.trim() !== '')
      .map((y) => ({ ...y, amount: y.amount.trim() })),
    systems: values.systems.filter((s) => s.systemId || (s.name ?? '').trim()),
    performanceTargets: values.performanceTargets.filter((t) => t.indicator.trim() && t.target.trim()),
    cloudServices: values.cloudServices.filter((c) => c.name.trim()),
    dedicatedNetworkBasis: values.dedicatedNetwork
      ? (values.dedicatedNetworkBasis ?? '').trim() || null
      : null,
    shareOfParent: values.parentProjectId ? values.shareOfParent : null,
  };
  if (values.projectOwner && !values.projectOwner.name.trim()) body.projectOwner = null;
  // Editing with the phone left empty keeps the stored (encrypted) phone: the owner is not sent then.
  if (editing && values.projectOwner && values.projectOwner.phone === '') delete body.projectOwner;
  return body;
}

/** A diff value as text: amounts and booleans in Chinese, objects as `key：value` pairs. */
export function diffValueText(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (value === true) return '是';
  if (value === false) return '否';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(diffValueText).join('；');
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('fileName' in o) return `${String(o.fileName)}（SM3 ${String(o.sm3 ?? '').slice(0, 12)}…）`;
    if ('name' in o) return String(o.name);
    return Object.entries(o)
      .map(([k, v]) => `${k}：${diffValueText(v)}`)
      .join('，');
  }
  return String(value);
}

/** Material size for people. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
