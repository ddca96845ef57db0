/**
 * Small builders shared by the four rulebooks. They only assemble plain data, so every rulebook
 * stays serializable.
 */
import type { ArticleRef, Material, MaterialRequirement, Predicate, RoleDef } from '../model.ts';
import { any, isNotTrue, isTrue } from '../predicate.ts';

/** `[['DT-19', '第十九条'], …]` → the rulebook's article table. */
export function articleTable(rows: ReadonlyArray<readonly [string, string]>): ArticleRef[] {
  return rows.map(([id, label]) => ({ id, label }));
}

/** The three administrator roles (三员分立); the regulations do not name them. */
export const ADMIN_ROLES: RoleDef[] = [
  { code: 'sys_admin', name: '系统管理员', articles: [] },
  { code: 'sec_admin', name: '安全保密管理员', articles: [] },
  { code: 'audit_admin', name: '安全审计员', articles: [] },
];

/** 新设立部门或未纳入规划的项目 (DT 第十二条, SC 第十一条). An unknown `planned` counts as unplanned. */
export const UNPLANNED_OR_NEW_DEPARTMENT: Predicate = any(isNotTrue('planned'), isTrue('newDepartment'));
/** 未纳入规划的项目 (XZ 第十条 has no new-department clause). */
export const UNPLANNED: Predicate = isNotTrue('planned');

export function material(
  code: string,
  name: string,
  requirement: MaterialRequirement,
  articles: string[],
  summary: string,
  condition?: Predicate,
): Material {
  return condition === undefined
    ? { code, name, requirement, articles, summary }
    : { code, name, requirement, articles, summary, condition };
}

/** 分年度实施的项目：总预算和分年度预算 (DT 第九条, SC 第八条, XZ 第七条). */
export function multiYearBudget(articles: string[]): Material {
  return material(
    'multi_year_budget',
    '项目总预算和分年度预算',
    'conditional',
    articles,
    'Multi-year projects state the total budget and the budget of each year.',
    isTrue('multiYear'),
  );
}

/** 跨部门、跨地域、跨层级项目：项目整体方案 (DT 第九条, SC 第八条, XZ 第七条). */
export function jointPlan(articles: string[]): Material {
  return material(
    'joint_plan',
    '项目整体方案（牵头部门会同共建部门编制）',
    'conditional',
    articles,
    'Cross-department, cross-region or cross-level projects submit one joint plan by the lead department.',
    isTrue('crossDepartment'),
  );
}
