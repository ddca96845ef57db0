/**
 * Pure rules of the yearly evaluation (issue 14): the default indicator set with weights, a
 * project's weighted score, the roll-up into a department score and grade, and the efficacy
 * evaluation's five dimensions. The jurisdiction differences (who spot-checks, which articles) are
 * data in each rulebook's evaluation section; nothing here tests a jurisdiction code.
 */
import type { EvaluationRules } from './evaluation-model.ts';
import { DT_EVALUATION } from './jurisdictions/dt.ts';
import { SC_EVALUATION } from './jurisdictions/sc.ts';
import { XZ_EVALUATION } from './jurisdictions/xz.ts';

export type { EvaluationRules } from './evaluation-model.ts';

const BY_RULEBOOK: Readonly<Record<string, EvaluationRules>> = {
  DT: DT_EVALUATION,
  SC: SC_EVALUATION,
  XZ: XZ_EVALUATION,
};

/**
 * The evaluation rules of a rulebook (a derived one, DT-37, by the id it derives from). Null where
 * the text has no yearly evaluation (JC) or no rulebook applies.
 */
export function evaluationRulesFor(
  rulebookCode: string | null,
  derivedFrom?: string | null,
): EvaluationRules | null {
  if (rulebookCode && BY_RULEBOOK[rulebookCode]) return BY_RULEBOOK[rulebookCode];
  if (derivedFrom && BY_RULEBOOK[derivedFrom]) return BY_RULEBOOK[derivedFrom];
  return null;
}

/** 建设中 / 运行中 (DT-07: 建设中项目和运行中项目). */
export const PROJECT_PHASES = ['construction', 'operation'] as const;
export type ProjectPhase = (typeof PROJECT_PHASES)[number];
export const PHASE_LABELS: Readonly<Record<ProjectPhase, string>> = {
  construction: '建设中',
  operation: '运行中',
};

export interface Indicator {
  /** Stable code within the set (`funds`, `outputs` …). */
  code: string;
  name: string;
  /** Weight in percent; the weights of a set add up to 100. */
  weight: number;
  /** The phases the indicator is scored for. */
  phases: ProjectPhase[];
}

/**
 * The default indicator set: the dimensions DT 第二十八条 (SC 第二十二条, XZ 第二十三条) names. The
 * operation-only ones (应用效率, 技术维护, 运维机制, 停用报废 …) are not scored for projects still in
 * construction; a project's score is weighted over the indicators of its phase.
 */
export const DEFAULT_INDICATORS: readonly Indicator[] = [
  { code: 'funds', name: '资金使用', weight: 15, phases: ['construction', 'operation'] },
  { code: 'outputs', name: '产出与效果', weight: 15, phases: ['construction', 'operation'] },
  { code: 'efficiency', name: '应用效率', weight: 10, phases: ['operation'] },
  { code: 'service', name: '服务', weight: 10, phases: ['operation'] },
  { code: 'ease', name: '便捷性', weight: 10, phases: ['operation'] },
  { code: 'satisfaction', name: '满意度', weight: 10, phases: ['operation'] },
  { code: 'maintenance', name: '技术维护', weight: 10, phases: ['construction', 'operation'] },
  { code: 'sharing', name: '数据共享', weight: 10, phases: ['construction', 'operation'] },
  { code: 'om', name: '运维机制', weight: 5, phases: ['operation'] },
  { code: 'retirement', name: '停用报废', weight: 5, phases: ['operation'] },
];

export const SCORE_MIN = 0;
export const SCORE_MAX = 100;

export interface Problem {
  field: string;
  code: string;
  message: string;
}

/** What is wrong with an indicator set: codes unique, weights positive and adding up to 100. */
export function indicatorSetProblems(indicators: readonly Indicator[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  indicators.forEach((ind, i) => {
    if (seen.has(ind.code))
      problems.push({
        field: `indicators.${i}.code`,
        code: 'EVAL_INDICATOR_DUPLICATE',
        message: '指标代码重复',
      });
    seen.add(ind.code);
    if (!Number.isInteger(ind.weight) || ind.weight <= 0 || ind.weight > 100)
      problems.push({
        field: `indicators.${i}.weight`,
        code: 'EVAL_WEIGHT_INVALID',
        message: '权重须为 1 至 100 的整数',
      });
    if (ind.phases.length === 0)
      problems.push({
        field: `indicators.${i}.phases`,
        code: 'EVAL_INDICATOR_PHASE',
        message: '请选择指标适用的项目阶段',
      });
  });
  const total = indicators.reduce((sum, ind) => sum + ind.weight, 0);
  if (problems.length === 0 && total !== 100)
    problems.push({
      field: 'indicators',
      code: 'EVAL_WEIGHTS_TOTAL',
      message: `各项指标权重之和须为 100（当前为 ${total}）`,
    });
  return problems;
}

/**
 * What is wrong with one project's scores: every indicator of the phase scored once, each within
 * 0–100, no indicator outside the set or the phase. Never clamped.
 */
export function scoreProblems(
  indicators: readonly Indicator[],
  phase: ProjectPhase,
  scores: readonly { code: string; score: number }[],
): Problem[] {
  const problems: Problem[] = [];
  const applicable = new Map(indicators.filter((i) => i.phases.includes(phase)).map((i) => [i.code, i]));
  const seen = new Set<string>();
  scores.forEach((s, i) => {
    if (!applicable.has(s.code))
      problems.push({
        field: `scores.${i}.code`,
        code: 'EVAL_INDICATOR_UNKNOWN',
        message: `指标“${s.code}”不在本年度指标体系中或不适用于${PHASE_LABELS[phase]}项目`,
      });
    if (seen.has(s.code))
      problems.push({
        field: `scores.${i}.code`,
        code: 'EVAL_SCORE_DUPLICATE',
        message: '同一指标只能打一次分',
      });
    seen.add(s.code);
    if (!Number.isFinite(s.score) || s.score < SCORE_MIN || s.score > SCORE_MAX)
      problems.push({
        field: `scores.${i}.score`,
        code: 'EVAL_SCORE_OUT_OF_RANGE',
        message: `得分须在 ${SCORE_MIN} 至 ${SCORE_MAX} 之间`,
      });
  });
  for (const code of applicable.keys()) {
    if (!seen.has(code))
      problems.push({
        field: 'scores',
        code: 'EVAL_SCORE_MISSING',
        message: `请为指标“${applicable.get(code)?.name}”打分`,
      });
  }
  return problems;
}

/** Rounds to one decimal (scores are shown and stored in tenths). */
const tenth = (n: number) => Math.round(n * 10) / 10;

/** A project's score: the weighted mean of its phase's indicators (weights renormalised to the phase). */
export function projectScore(
  indicators: readonly Indicator[],
  phase: ProjectPhase,
  scores: readonly { code: string; score: number }[],
): number {
  const byCode = new Map(scores.map((s) => [s.code, s.score]));
  const applicable = indicators.filter((i) => i.phases.includes(phase));
  const weight = applicable.reduce((sum, i) => sum + i.weight, 0);
  if (weight === 0) return 0;
  const total = applicable.reduce((sum, i) => sum + (byCode.get(i.code) ?? 0) * i.weight, 0);
  return tenth(total / weight);
}

export const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type Grade = (typeof GRADES)[number];
export const GRADE_LABELS: Readonly<Record<Grade, string>> = {
  excellent: '优秀',
  good: '良好',
  pass: '合格',
  fail: '不合格',
};

/** 优秀 ≥ 90, 良好 ≥ 75, 合格 ≥ 60, else 不合格. */
export function gradeOf(score: number): Grade {
  if (score >= 90) return 'excellent';
  if (score >= 75) return 'good';
  if (score >= 60) return 'pass';
  return 'fail';
}

export interface ScoredProject {
  organisationId: string;
  phase: ProjectPhase;
  score: number;
}

export interface DepartmentResult {
  organisationId: string;
  /** Whole points 0–100 (department_assessments keeps integers). */
  score: number;
  grade: Grade;
  projects: number;
  construction: number;
  operation: number;
}

/**
 * The roll-up: a department's score is the mean of its projects' scores (construction and
 * operation alike, each project once), rounded to whole points, and its grade. Departments without a
 * scored project get no result. Sorted by score, best first, then by organisation id.
 */
export function rollUp(projects: readonly ScoredProject[]): DepartmentResult[] {
  const byOrg = new Map<string, ScoredProject[]>();
  for (const p of projects) byOrg.set(p.organisationId, [...(byOrg.get(p.organisationId) ?? []), p]);
  const out: DepartmentResult[] = [];
  for (const [organisationId, list] of byOrg) {
    const mean = list.reduce((sum, p) => sum + p.score, 0) / list.length;
    // Project scores are 0–100 (refused otherwise), so their mean is too: nothing to clamp.
    const score = Math.round(mean);
    out.push({
      organisationId,
      score,
      grade: gradeOf(score),
      projects: list.length,
      construction: list.filter((p) => p.phase === 'construction').length,
      operation: list.filter((p) => p.phase === 'operation').length,
    });
  }
  return out.sort((a, b) => b.score - a.score || a.organisationId.localeCompare(b.organisationId));
}

/**
 * The five dimensions of the efficacy evaluation (DT 第三十条, SC 第二十四条, XZ 第二十六条: the same
 * wording in the three texts).
 */
export const EFFICACY_DIMENSIONS = [
  { code: 'support', name: '计算、存储、网络等支撑和适配能力' },
  { code: 'satisfaction', name: '用户满意度' },
  { code: 'efficiency_gain', name: '政务效能提升程度' },
  { code: 'sustainability', name: '应用可持续发展水平' },
  { code: 'security', name: '系统安全可靠程度' },
] as const;
export type EfficacyDimension = (typeof EFFICACY_DIMENSIONS)[number]['code'];
export const EFFICACY_CODES: readonly EfficacyDimension[] = EFFICACY_DIMENSIONS.map((d) => d.code);

export interface EfficacyInput {
  /** 资料审查: a score per dimension (the satisfaction dimension may be left out). */
  documentReview: Partial<Record<EfficacyDimension, number>>;
  /** 第三方评估: a score per dimension. */
  thirdParty: Partial<Record<EfficacyDimension, number>>;
  /** 公众调查问卷: the questionnaire's satisfaction score 0–100, null when none was answered. */
  questionnaire: number | null;
}

export interface EfficacyResult {
  dimensions: { code: EfficacyDimension; name: string; score: number | null }[];
  total: number | null;
}

/**
 * Combines the three sources: each dimension is the mean of the document review and the third
 * party's score; 用户满意度 also counts the questionnaire (the public's answer weighs as much as both
 * others together when present). The total is the mean of the dimensions that have a score.
 */
export function efficacyScore(input: EfficacyInput): EfficacyResult {
  const dimensions = EFFICACY_DIMENSIONS.map((d) => {
    const sources = [input.documentReview[d.code], input.thirdParty[d.code]].filter(
      (v): v is number => typeof v === 'number',
    );
    let score: number | null = sources.length ? sources.reduce((a, b) => a + b, 0) / sources.length : null;
    if (d.code === 'satisfaction' && input.questionnaire !== null) {
      score = score === null ? input.questionnaire : (score + input.questionnaire) / 2;
    }
    return { code: d.code, name: d.name, score: score === null ? null : tenth(score) };
  });
  const scored = dimensions.filter((d) => d.score !== null).map((d) => d.score as number);
  return {
    dimensions,
    total: scored.length ? tenth(scored.reduce((a, b) => a + b, 0) / scored.length) : null,
  };
}

/**
 * What an efficacy evaluation needs before it is recorded (DT 第三十条, SC 第二十四条, XZ 第二十六条:
 * "采取资料审查、第三方评估、公众问卷调查等方式…从…五个方面"): a document review, a third party
 * named and scoring each of the five dimensions, and the public questionnaire's satisfaction.
 * Returns the problems at their fields; none when it may be recorded.
 */
export function efficacyProblems(
  input: EfficacyInput & { evaluatorOrganisationId: string | null },
): { field: string; code: string; message: string }[] {
  const problems: { field: string; code: string; message: string }[] = [];
  if (Object.values(input.documentReview).every((v) => typeof v !== 'number'))
    problems.push({
      field: 'documentReview',
      code: 'EVAL_EFFICACY_NO_DOCUMENT_REVIEW',
      message: '应用效能评估须包含资料审查结果',
    });
  if (!input.evaluatorOrganisationId)
    problems.push({
      field: 'evaluatorOrganisationId',
      code: 'EVAL_EFFICACY_NO_THIRD_PARTY',
      message: '应用效能评估须由第三方评估机构评估，请选择第三方评估机构',
    });
  for (const d of EFFICACY_DIMENSIONS) {
    if (typeof input.thirdParty[d.code] !== 'number')
      problems.push({
        field: `thirdParty.${d.code}`,
        code: 'EVAL_EFFICACY_DIMENSION_MISSING',
        message: `第三方评估缺少“${d.name}”方面的得分`,
      });
  }
  if (input.questionnaire === null)
    problems.push({
      field: 'satisfaction',
      code: 'EVAL_EFFICACY_NO_QUESTIONNAIRE',
      message: '应用效能评估须包含公众问卷调查：该系统本年度尚无问卷评分',
    });
  return problems;
}
