/**
 * The money module as plain data and pure functions (issue 13): kinds of funds, co-building levels,
 * validation of a budget review, the publicity window, the facts a disbursement adds to the
 * project's, the gate results with overrides, the ledger rows and the 预算审定意见 document.
 * No I/O, no clock.
 */
import type { OfficialDocument } from '../platform/documents/official.ts';
import { invalid } from '../platform/errors.ts';
import type { GateResult, Rulebook, Step } from '../rules/index.ts';

export const FUND_KINDS = [
  { code: 'construction', label: '建设资金' },
  { code: 'om', label: '运维经费' },
] as const;
export type FundKind = (typeof FUND_KINDS)[number]['code'];
export const FUND_KIND_CODES = FUND_KINDS.map((k) => k.code);

/** DT-16, SC-14, JC-05-3: the levels that share a co-built project. */
export const SHARE_LEVELS = [
  { code: 'national', label: '国家' },
  { code: 'province', label: '省级' },
  { code: 'city', label: '市级' },
  { code: 'county', label: '县（区）级' },
  { code: 'district', label: '区级' },
] as const;
export type ShareLevel = (typeof SHARE_LEVELS)[number]['code'];
export const SHARE_LEVEL_CODES = SHARE_LEVELS.map((k) => k.code);

export const kindLabel = (code: string) => FUND_KINDS.find((k) => k.code === code)?.label ?? code;
export const levelLabel = (code: string) => SHARE_LEVELS.find((k) => k.code === code)?.label ?? code;

/** Which gated action a disbursement of this kind is. */
export const disbursementAction = (kind: FundKind) =>
  kind === 'construction' ? ('disburse_construction' as const) : ('disburse_om' as const);

// ---- the budget stage of a rulebook ------------------------------------------------------------

function budgetSteps(rulebook: Rulebook): Step[] {
  return rulebook.workflow.stages.find((s) => s.code === 'budget')?.steps ?? [];
}

/** The budget review step: the budget stage's first step (its actor is the reviewing body). */
export function budgetReviewStep(rulebook: Rulebook): Step | undefined {
  return budgetSteps(rulebook)[0];
}

/** The publicity step (DT-15, SC-13): the budget step whose outcome is `allocation_published`. */
export function publicityStep(rulebook: Rulebook): Step | undefined {
  return budgetSteps(rulebook).find((s) => s.outcomes.some((o) => o.event === 'allocation_published'));
}

/**
 * The budget step that arranges the money: the step whose action is `allocate_budget` (DT/SC 安排经费
 * after the 公示, XZ 预算审定, JC 资金落实). No payment is requested before it is done.
 */
export function fundsArrangedStep(rulebook: Rulebook): Step | undefined {
  return budgetSteps(rulebook).find((s) => s.action === 'allocate_budget');
}

/** The other budget steps (安排经费, 上报预算): neither the review nor the publicity. */
export function otherBudgetSteps(rulebook: Rulebook): Step[] {
  const review = budgetReviewStep(rulebook);
  const publicity = publicityStep(rulebook);
  return budgetSteps(rulebook).filter((s) => s !== review && s !== publicity);
}

// ---- budget review -----------------------------------------------------------------------------

export interface ReviewLine {
  year: number;
  costItem: string;
  kind: FundKind;
  requestedFen: bigint;
  approvedFen: bigint;
  cutReason: string | null;
}

export interface ReviewShare {
  level: ShareLevel;
  kind: FundKind;
  amountFen: bigint;
  carriedBy: string;
}

/**
 * Checks a budget review against the application (DT-09a: multi-year projects keep the total and
 * the yearly split): each line's year is one of the application's years, the requested amounts of
 * a year add up to what was applied for that year, nothing is approved above the request, a cut
 * (核减) carries its reason, and co-building shares (DT-16, SC-14, JC-05-3) add up to the approved
 * amount of their kind. Throws the first problem at its field.
 */
export function validateReview(
  lines: readonly ReviewLine[],
  shares: readonly ReviewShare[],
  appliedYears: readonly { year: number; amountFen: bigint }[],
): void {
  if (lines.length === 0) throw invalid('LINES_REQUIRED', '请至少录入一项费用', { field: 'lines' });
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    const key = `${line.year}|${line.costItem.trim()}|${line.kind}`;
    if (seen.has(key))
      throw invalid('LINE_DUPLICATE', '同一年度、同一费用项目重复', { field: `lines[${i}].costItem` });
    seen.add(key);
    if (appliedYears.length > 0 && !appliedYears.some((y) => y.year === line.year))
      throw invalid('YEAR_NOT_APPLIED', `${line.year}年不在项目申报的分年度预算中`, {
        field: `lines[${i}].year`,
      });
    if (line.approvedFen > line.requestedFen)
      throw invalid('APPROVED_ABOVE_REQUEST', '审定金额不得超过申报金额', { field: `lines[${i}].approved` });
    if (line.approvedFen < line.requestedFen && (line.cutReason ?? '').trim() === '')
      throw invalid('CUT_REASON_REQUIRED', '核减的费用须说明核减理由', { field: `lines[${i}].cutReason` });
  });
  for (const applied of appliedYears) {
    const requested = lines.filter((l) => l.year === applied.year).reduce((s, l) => s + l.requestedFen, 0n);
    if (requested !== applied.amountFen)
      throw invalid(
        'REQUEST_MISMATCH',
        `${applied.year}年申报金额合计应为项目申请的该年度预算（${formatFen(applied.amountFen)}元）`,
        { field: 'lines' },
      );
  }
  const levels = new Set<string>();
  shares.forEach((share, i) => {
    const key = `${share.level}|${share.kind}`;
    if (levels.has(key)) throw invalid('SHARE_DUPLICATE', '同一层级重复', { field: `shares[${i}].level` });
    levels.add(key);
    if (share.carriedBy.trim() === '')
      throw invalid('SHARE_CARRIER_REQUIRED', '请说明列入哪一级财政预算', {
        field: `shares[${i}].carriedBy`,
      });
  });
  for (const kind of FUND_KIND_CODES) {
    const ofKind = shares.filter((s) => s.kind === kind);
    if (ofKind.length === 0) continue;
    const shared = ofKind.reduce((s, x) => s + x.amountFen, 0n);
    const approved = lines.filter((l) => l.kind === kind).reduce((s, l) => s + l.approvedFen, 0n);
    if (shared !== approved)
      throw invalid('SHARES_MISMATCH', `各级分担的${kindLabel(kind)}合计应等于审定的${kindLabel(kind)}`, {
        field: 'shares',
      });
  }
}

/**
 * The facts a budget review adds for its `review_budget` gates (SC-14, JC-05-3): whether the shares
 * state the district's part with the budget that carries it (需区级承担的资金列入本级财政预算).
 */
export function reviewFacts(shares: readonly ReviewShare[]): Record<string, boolean> {
  return {
    districtShareBudgeted: shares.some((s) => s.level === 'district' && s.carriedBy.trim() !== ''),
  };
}

export function formatFen(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

// ---- publicity ---------------------------------------------------------------------------------

export type PublicityPhase = 'draft' | 'scheduled' | 'current' | 'ended';

/** Where a notice stands on `today`: only `current` accepts objections; the public sees current and ended. */
export function publicityPhase(
  notice: { status: string; startsOn: string; endsOn: string },
  today: string,
): PublicityPhase {
  if (notice.status !== 'published') return 'draft';
  if (today < notice.startsOn) return 'scheduled';
  if (today > notice.endsOn) return 'ended';
  return 'current';
}

// ---- disbursement gates ------------------------------------------------------------------------

export interface CatalogSystemState {
  deployment: string;
  cloudMigration: string;
  sharedOnPlatform: boolean;
}

/**
 * The facts one disbursement adds to the project's (DT-12c, SC-11c, JC-05-1, XZ-10b, XZ-28): how
 * the project's systems stand in the catalog now — on the cloud (or exempt), sharing on the
 * platform — and whether the 局党组 consented to this payment (XZ-05b). With no catalog system the
 * project's own facts stand.
 */
export function disbursementFacts(
  systems: readonly CatalogSystemState[],
  consent: 'consent' | 'refuse' | null,
): Record<string, boolean> {
  const facts: Record<string, boolean> = { disbursementConsent: consent === 'consent' };
  if (systems.length > 0) {
    const onCloud = (s: CatalogSystemState) =>
      s.deployment === 'city_cloud' || s.cloudMigration === 'migrated';
    facts.onCloud = systems.every(onCloud);
    facts.cloudExempt = systems.every((s) => onCloud(s) || s.cloudMigration === 'exempt') && !facts.onCloud;
    facts.sharingCompliant = systems.every((s) => s.sharedOnPlatform);
  }
  return facts;
}

export interface GateView extends GateResult {
  /** An approved override of this (softened) gate for this disbursement. */
  overridden: boolean;
  /** True when the gate is closed and nothing lifts it. */
  blocking: boolean;
}

/** Gate results with the approved overrides applied: only a softened gate can be lifted. */
export function withOverrides(
  results: readonly GateResult[],
  approvedOverrides: readonly string[],
): GateView[] {
  return results.map((r) => {
    const overridden = !r.passed && r.strength === 'softened' && approvedOverrides.includes(r.gateId);
    return { ...r, overridden, blocking: !r.passed && r.severity === 'block' && !overridden };
  });
}

// ---- ledger ------------------------------------------------------------------------------------

export interface LedgerRow {
  year: number;
  budgetedFen: bigint;
  approvedConstructionFen: bigint;
  approvedOmFen: bigint;
  disbursedConstructionFen: bigint;
  disbursedOmFen: bigint;
  pendingFen: bigint;
}

type Sum = { year: number; kind?: string; fen: bigint };

/** Merges the per-year sums (budgeted, approved by kind, disbursed by kind, pending) into rows by year. */
export function ledgerRows(input: {
  budgeted: readonly Sum[];
  approved: readonly Sum[];
  disbursed: readonly Sum[];
  pending: readonly Sum[];
}): LedgerRow[] {
  const rows = new Map<number, LedgerRow>();
  const row = (year: number) => {
    let r = rows.get(year);
    if (!r) {
      r = {
        year,
        budgetedFen: 0n,
        approvedConstructionFen: 0n,
        approvedOmFen: 0n,
        disbursedConstructionFen: 0n,
        disbursedOmFen: 0n,
        pendingFen: 0n,
      };
      rows.set(year, r);
    }
    return r;
  };
  for (const s of input.budgeted) row(s.year).budgetedFen += s.fen;
  for (const s of input.approved) {
    if (s.kind === 'om') row(s.year).approvedOmFen += s.fen;
    else row(s.year).approvedConstructionFen += s.fen;
  }
  for (const s of input.disbursed) {
    if (s.kind === 'om') row(s.year).disbursedOmFen += s.fen;
    else row(s.year).disbursedConstructionFen += s.fen;
  }
  for (const s of input.pending) row(s.year).pendingFen += s.fen;
  return [...rows.values()].sort((a, b) => a.year - b.year);
}

// ---- 预算审定意见 --------------------------------------------------------------------------------

export interface BudgetOpinionInput {
  number: string;
  projectName: string;
  projectCode: string;
  department: string;
  reviewer: string;
  opinion: string;
  date: string;
  lines: readonly ReviewLine[];
  shares: readonly ReviewShare[];
}

/** The 预算审定意见 as an official document (rendered to .docx by src/platform/documents). */
export function budgetOpinionDocument(input: BudgetOpinionInput): OfficialDocument {
  const requested = input.lines.reduce((s, l) => s + l.requestedFen, 0n);
  const approved = input.lines.reduce((s, l) => s + l.approvedFen, 0n);
  const blocks: OfficialDocument['blocks'][number][] = [
    {
      kind: 'fields',
      rows: [
        { label: '项目名称', value: input.projectName },
        { label: '项目编号', value: input.projectCode },
        { label: '建设单位', value: input.department },
        { label: '申报金额', value: `${formatFen(requested)}元` },
        { label: '审定金额', value: `${formatFen(approved)}元` },
        { label: '核减金额', value: `${formatFen(requested - approved)}元` },
      ],
    },
    { kind: 'heading', text: '一、分年度、分项审定情况' },
    {
      kind: 'table',
      columns: [
        { header: '年度', weight: 1, align: 'center' },
        { header: '费用项目', weight: 3, align: 'left' },
        { header: '类别', weight: 1.4, align: 'center' },
        { header: '申报（元）', weight: 2, align: 'center' },
        { header: '审定（元）', weight: 2, align: 'center' },
        { header: '核减理由', weight: 3, align: 'left' },
      ],
      rows: input.lines.map((l) => [
        String(l.year),
        l.costItem,
        kindLabel(l.kind),
        formatFen(l.requestedFen),
        formatFen(l.approvedFen),
        l.cutReason ?? '',
      ]),
    },
  ];
  if (input.shares.length > 0) {
    blocks.push(
      { kind: 'heading', text: '二、各级分担' },
      {
        kind: 'table',
        columns: [
          { header: '层级', weight: 1.5, align: 'center' },
          { header: '类别', weight: 1.5, align: 'center' },
          { header: '金额（元）', weight: 2, align: 'center' },
          { header: '列入预算', weight: 3, align: 'left' },
        ],
        rows: input.shares.map((s) => [
          levelLabel(s.level),
          kindLabel(s.kind),
          formatFen(s.amountFen),
          s.carriedBy,
        ]),
      },
    );
  }
  blocks.push(
    { kind: 'heading', text: input.shares.length > 0 ? '三、审定意见' : '二、审定意见' },
    { kind: 'paragraph', text: input.opinion },
  );
  return {
    titleLines: ['政务信息化项目', '预算审定意见'],
    number: input.number,
    blocks,
    issuer: input.reviewer,
    date: input.date,
    footerLines: [],
    info: { title: '预算审定意见', subject: input.projectName, keywords: '预算评审' },
  };
}
