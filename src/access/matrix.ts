/**
 * The authorization matrix (SECURITY.md 13): for every API route, which roles may call it and
 * which relation to the object is required. The app refuses to start when a route under /api has
 * no entry here, and the access plugin enforces the roles before any handler runs; relations
 * (own department, own jurisdiction, assigned expert) are enforced by each domain's queries and
 * tested route by route. Each module's rows come through its index.ts; src/app.ts (the composition
 * root) hands ROUTE_ACCESS to the identity plugin, which does not import this file (it would cycle:
 * module routes → identity → matrix → module index).
 */
import { ACCEPTANCE_ACCESS } from '../acceptance/index.ts';
import {
  AUTHORITY_ROLES as CATALOG_AUTHORITY,
  CATALOG_EDITOR_ROLES as CATALOG_EDITORS,
  CATALOG_READER_ROLES as CATALOG_READERS,
  CLOUD_APPROVER_ROLES as CLOUD_APPROVERS,
  CLOUD_READER_ROLES as CLOUD_READERS,
  JURISDICTION_READER_ROLES as JURISDICTION_READERS,
} from '../catalog/index.ts';
import { CONSTRUCTION_ACCESS } from '../construction/index.ts';
import { DEDUP_ACCESS } from '../dedup/index.ts';
import { EVALUATION_ACCESS } from '../evaluation/index.ts';
import { FUNDS_ACCESS } from '../funds/index.ts';
import { OBLIGATION_ACCESS } from '../obligations/index.ts';
import { OPERATIONS_ACCESS } from '../operations/index.ts';
import { NOTIFICATION_ACCESS } from '../platform/notifications/access.ts';
import { PROGRESS_ACCESS } from '../progress/index.ts';
import { PUBLICATION_ACCESS } from '../publication/index.ts';
import { QUESTIONNAIRE_ACCESS } from '../questionnaire/index.ts';
import { WORKBENCH_ROUTE_ACCESS } from '../workbench/index.ts';
import { type ADMIN_ROLES, BUSINESS_ROLES, type Role } from './roles.ts';
import type { RouteRule } from './rule.ts';

export type { Relation, RouteRule } from './rule.ts';

const everyone = 'authenticated' as const;
const admin = (r: (typeof ADMIN_ROLES)[number]): readonly Role[] => [r];

/** Project roles (issue 5): who may call the project routes at all; the relation is checked per project. */
const AUTHORITY: readonly Role[] = ['authority_reviewer', 'authority_leader'];
const OVERSIGHT: readonly Role[] = [...AUTHORITY, 'approver', 'finance_officer', 'leadership_body'];
const STEP_ACTORS: readonly Role[] = ['dept_staff', ...OVERSIGHT];
const PROJECT_PARTIES: readonly Role[] = ['dept_staff', 'dept_leader', ...OVERSIGHT];
const PROJECT_VIEWERS: readonly Role[] = [...PROJECT_PARTIES, 'expert', 'third_party_evaluator'];
const PLAN_COMPILERS: readonly Role[] = ['dept_staff', ...AUTHORITY];

export const ROUTE_ACCESS: Record<string, RouteRule> = {
  'GET /api/health': { public: true, relation: 'none' },
  'POST /api/auth/login': { public: true, relation: 'none' },
  'POST /api/auth/mfa': { public: true, relation: 'none', note: '登录第二步：凭待完成的登录令牌' },
  'POST /api/auth/logout': { roles: everyone, relation: 'self' },
  'GET /api/auth/me': { roles: everyone, relation: 'self' },
  'POST /api/auth/password': { roles: everyone, relation: 'self' },
  'POST /api/auth/mfa/enrolment': { roles: everyone, relation: 'self' },
  'POST /api/auth/mfa/enrolment/confirm': { roles: everyone, relation: 'self' },

  'GET /api/jurisdictions': { roles: everyone, relation: 'none', note: '行政区划树是公开的组织信息' },
  'POST /api/jurisdictions': { roles: admin('sys_admin'), relation: 'any' },
  'GET /api/organisations': { roles: everyone, relation: 'none', note: '组织机构名录' },
  'GET /api/organisations/:id': { roles: everyone, relation: 'none', note: '组织机构名录中的一项' },
  'POST /api/organisations': { roles: admin('sys_admin'), relation: 'any' },
  'PATCH /api/organisations/:id': { roles: admin('sys_admin'), relation: 'any' },

  'GET /api/users': { roles: admin('sys_admin'), relation: 'any', note: '个人信息脱敏显示' },
  'POST /api/users': { roles: admin('sys_admin'), relation: 'any' },
  'PATCH /api/users/:id': { roles: admin('sys_admin'), relation: 'any' },
  'POST /api/users/:id/password-reset': {
    roles: admin('sys_admin'),
    relation: 'any',
    note: '临时密码，下次登录须修改；管理员账户除外（三员分立）',
  },
  'GET /api/users/:id/sensitive': { roles: admin('sys_admin'), relation: 'any', note: '明文查看，记入审计' },
  'POST /api/users/lookup': {
    roles: admin('sys_admin'),
    relation: 'any',
    note: '按手机号或身份证号（盲索引）查找',
  },
  'GET /api/security/users': {
    roles: admin('sec_admin'),
    relation: 'any',
    note: '账户安全状态与角色，不含个人信息',
  },
  'GET /api/security/policy': { roles: admin('sec_admin'), relation: 'any' },
  'POST /api/users/:id/unlock': { roles: admin('sec_admin'), relation: 'any' },
  'DELETE /api/users/:id/mfa': { roles: admin('sec_admin'), relation: 'any' },
  'POST /api/users/:id/roles': { roles: admin('sec_admin'), relation: 'any' },
  'DELETE /api/users/:id/roles/:assignmentId': { roles: admin('sec_admin'), relation: 'any' },

  'GET /api/audit': { roles: admin('audit_admin'), relation: 'any' },
  'GET /api/audit/verify': { roles: admin('audit_admin'), relation: 'any' },
  'GET /api/audit/export': { roles: admin('audit_admin'), relation: 'any', note: '限量导出，记入审计' },

  'GET /api/calendar/years': { roles: everyone, relation: 'none' },
  'GET /api/calendar/years/:year': { roles: everyone, relation: 'none' },
  'PUT /api/calendar/years/:year': { roles: admin('sys_admin'), relation: 'any' },
  'GET /api/calendar/compute': { roles: everyone, relation: 'none' },

  'GET /api/rulebooks': { roles: everyone, relation: 'none', note: '规则集即公开的管理办法' },
  'GET /api/rulebooks/:jurisdiction': { roles: everyone, relation: 'none' },
  'POST /api/rulebooks/:jurisdiction/versions': { roles: admin('sys_admin'), relation: 'any' },
  'POST /api/rulebooks/:jurisdiction/evaluate': { roles: BUSINESS_ROLES, relation: 'none' },

  // Projects: from plan to 立项 (issue 5). Relations are enforced in src/projects/repository.ts
  // (visibleContext) and by the rulebook's step actors (src/projects/actors.ts).
  'GET /api/projects': {
    roles: BUSINESS_ROLES,
    relation: 'own_department',
    note: '本单位、本级管辖或指派给我的项目',
  },
  'GET /api/projects/meta': {
    roles: BUSINESS_ROLES,
    relation: 'none',
    note: '项目选项（代码与中文名），不含项目数据',
  },
  'POST /api/projects': { roles: ['dept_staff'], relation: 'own_department' },
  'GET /api/projects/:id': {
    roles: PROJECT_VIEWERS,
    relation: 'own_department',
    note: '部门本单位及共建；主管本级；专家仅指派',
  },
  'PATCH /api/projects/:id': { roles: ['dept_staff'], relation: 'own_department' },
  'POST /api/projects/:id/submit': {
    roles: ['dept_staff'],
    relation: 'own_department',
    note: '规则集申报步骤的办理人',
  },
  'POST /api/projects/:id/withdraw': {
    roles: STEP_ACTORS,
    relation: 'own_jurisdiction',
    note: '本人最近一次办理',
  },
  'POST /api/projects/:id/steps/:stepId/decision': {
    roles: STEP_ACTORS,
    relation: 'own_jurisdiction',
    note: '规则集步骤的办理人（角色+机构）；立项后的建设、验收环节由部门经办人办理',
  },
  'PUT /api/projects/:id/steps/:stepId/findings': {
    roles: OVERSIGHT,
    relation: 'own_jurisdiction',
    note: '规则集允许该步骤认定的事实（办理人）',
  },
  'POST /api/projects/:id/steps/:stepId/return': { roles: OVERSIGHT, relation: 'own_jurisdiction' },
  'POST /api/projects/:id/steps/:stepId/reassign': { roles: STEP_ACTORS, relation: 'own_jurisdiction' },
  'GET /api/projects/:id/steps/:stepId/colleagues': {
    roles: STEP_ACTORS,
    relation: 'own_jurisdiction',
    note: '转办候选：本单位同一角色',
  },
  'POST /api/projects/:id/steps/:stepId/urge': { roles: PROJECT_PARTIES, relation: 'own_jurisdiction' },
  'POST /api/projects/:id/comments': { roles: PROJECT_PARTIES, relation: 'own_jurisdiction' },
  'GET /api/projects/:id/timeline': { roles: PROJECT_VIEWERS, relation: 'own_department' },
  'GET /api/projects/:id/submissions': { roles: PROJECT_VIEWERS, relation: 'own_department' },
  'GET /api/projects/:id/submissions/:seq': { roles: PROJECT_VIEWERS, relation: 'own_department' },
  'POST /api/projects/:id/materials': {
    roles: STEP_ACTORS,
    relation: 'own_department',
    note: '申请材料或本环节决定文书',
  },
  'DELETE /api/projects/:id/materials/:materialId': { roles: STEP_ACTORS, relation: 'own_department' },
  'GET /api/projects/:id/materials/:materialId/download': {
    roles: PROJECT_VIEWERS,
    relation: 'own_department',
  },
  ...NOTIFICATION_ACCESS,
  ...OBLIGATION_ACCESS,
  ...CONSTRUCTION_ACCESS,
  ...ACCEPTANCE_ACCESS,
  'GET /api/projects/:id/review': {
    roles: PROJECT_PARTIES,
    relation: 'own_jurisdiction',
    note: '专家、评估机构、承建单位不能查看评分',
  },
  'PUT /api/projects/:id/review': { roles: ['authority_reviewer'], relation: 'own_jurisdiction' },
  'GET /api/projects/:id/experts': {
    roles: [...OVERSIGHT, 'expert', 'third_party_evaluator'],
    relation: 'assigned',
    note: '专家只看到本人',
  },
  'POST /api/projects/:id/experts': { roles: AUTHORITY, relation: 'own_jurisdiction' },
  'POST /api/projects/:id/expert-opinion': {
    roles: ['expert', 'third_party_evaluator'],
    relation: 'assigned',
  },
  'GET /api/projects/:id/certificates': { roles: PROJECT_PARTIES, relation: 'own_department' },
  'GET /api/projects/:id/certificates/:certificateId/download': {
    roles: PROJECT_PARTIES,
    relation: 'own_department',
  },
  'GET /api/experts': { roles: AUTHORITY, relation: 'own_jurisdiction' },
  'POST /api/experts': { roles: AUTHORITY, relation: 'own_jurisdiction' },
  'GET /api/department-assessments': { roles: AUTHORITY, relation: 'own_jurisdiction' },
  'POST /api/department-assessments': { roles: AUTHORITY, relation: 'own_jurisdiction' },
  'GET /api/plans': { roles: PROJECT_PARTIES, relation: 'own_jurisdiction' },
  'POST /api/plans': { roles: PLAN_COMPILERS, relation: 'own_department' },
  'GET /api/plans/:id': { roles: PROJECT_PARTIES, relation: 'own_jurisdiction' },
  'PATCH /api/plans/:id': { roles: PLAN_COMPILERS, relation: 'own_department' },
  'POST /api/plans/:id/entries': { roles: PLAN_COMPILERS, relation: 'own_department' },
  'DELETE /api/plans/:id/entries/:entryId': { roles: PLAN_COMPILERS, relation: 'own_department' },
  'POST /api/plans/:id/submit': { roles: PLAN_COMPILERS, relation: 'own_department' },
  'POST /api/plans/:id/decision': { roles: ['leadership_body', ...AUTHORITY], relation: 'own_jurisdiction' },
  'GET /api/plan-entries': { roles: ['dept_staff', 'dept_leader'], relation: 'own_department' },

  // Catalogs (issue 4; scope rules in src/catalog/access.ts): a department reads and maintains its own
  // entries, the authority corrects and reviews its whole jurisdiction, nothing crosses jurisdictions.
  'GET /api/catalog/meta': { roles: everyone, relation: 'self', note: '目录选项与本人的目录权限' },
  'GET /api/catalog/systems': {
    roles: CATALOG_READERS,
    relation: 'own_department',
    note: '部门看本单位；主管部门、审批、财政、决策机构看本辖区',
  },
  'GET /api/catalog/systems/:id': {
    roles: CATALOG_READERS,
    relation: 'own_department',
    note: '范围外为 404',
  },
  'POST /api/catalog/systems': {
    roles: CATALOG_EDITORS,
    relation: 'own_department',
    note: '主管部门可登记本辖区各单位的系统',
  },
  'PATCH /api/catalog/systems/:id': {
    roles: CATALOG_EDITORS,
    relation: 'own_department',
    note: '主管部门可更正本辖区的系统',
  },
  'POST /api/catalog/systems/:id/retire': { roles: CATALOG_EDITORS, relation: 'own_department' },
  'GET /api/catalog/systems/template': {
    roles: CATALOG_EDITORS,
    relation: 'none',
    note: '空白模板；下拉为本人可登记的单位',
  },
  'POST /api/catalog/systems/import': {
    roles: CATALOG_EDITORS,
    relation: 'none',
    note: '无路由对象：每行的单位须在本人范围内，否则该行标错（catalog-excel 测试）',
  },
  'GET /api/catalog/systems/export': {
    roles: CATALOG_READERS,
    relation: 'own_department',
    note: '导出记入审计并限流',
  },
  'GET /api/catalog/metrics/system-count': {
    roles: JURISDICTION_READERS,
    relation: 'own_jurisdiction',
    note: '只减不增（DT-01）',
  },
  'GET /api/catalog/resources': {
    roles: CATALOG_READERS,
    relation: 'own_department',
    note: '部门看本单位；主管部门等看本辖区',
  },
  'GET /api/catalog/resources/:id': {
    roles: CATALOG_READERS,
    relation: 'own_department',
    note: '范围外为 404',
  },
  'POST /api/catalog/resources': { roles: CATALOG_EDITORS, relation: 'own_department' },
  'PATCH /api/catalog/resources/:id': { roles: CATALOG_EDITORS, relation: 'own_department' },
  'POST /api/catalog/resources/:id/submit': { roles: CATALOG_EDITORS, relation: 'own_department' },
  'POST /api/catalog/resources/:id/review': {
    roles: CATALOG_AUTHORITY,
    relation: 'own_jurisdiction',
    note: '提交人不能审核自己提交的资源',
  },
  'POST /api/catalog/resources/:id/withdraw': { roles: CATALOG_AUTHORITY, relation: 'own_jurisdiction' },
  'GET /api/catalog/resources/template': {
    roles: CATALOG_EDITORS,
    relation: 'none',
    note: '空白模板；下拉为本人可登记的单位',
  },
  'POST /api/catalog/resources/import': {
    roles: CATALOG_EDITORS,
    relation: 'none',
    note: '无路由对象：每行的提供方须在本人范围内，否则该行标错',
  },
  'GET /api/catalog/resources/export': {
    roles: CATALOG_READERS,
    relation: 'own_department',
    note: '导出记入审计并限流',
  },
  'GET /api/catalog/single-source-conflicts': {
    roles: CATALOG_READERS,
    relation: 'own_department',
    note: '涉及本单位的一数一源提示；主管部门看本辖区',
  },
  'GET /api/catalog/cloud-services': {
    roles: CLOUD_READERS,
    relation: 'own_jurisdiction',
    note: '已发布的目录人人可读；主管部门、财政看全部条目',
  },
  'POST /api/catalog/cloud-services': { roles: CATALOG_AUTHORITY, relation: 'own_jurisdiction' },
  'PATCH /api/catalog/cloud-services/:id': { roles: CATALOG_AUTHORITY, relation: 'own_jurisdiction' },
  'POST /api/catalog/cloud-services/approve': {
    roles: CLOUD_APPROVERS,
    relation: 'own_jurisdiction',
    note: 'SC 须主管部门会同财政审定（SC-12）',
  },
  'POST /api/catalog/cloud-services/publish': { roles: CATALOG_AUTHORITY, relation: 'own_jurisdiction' },
  'POST /api/catalog/cloud-services/reopen': { roles: CATALOG_AUTHORITY, relation: 'own_jurisdiction' },
  'GET /api/catalog/cloud-services/template': {
    roles: CATALOG_AUTHORITY,
    relation: 'none',
    note: '空白模板',
  },
  'POST /api/catalog/cloud-services/import': {
    roles: CATALOG_AUTHORITY,
    relation: 'none',
    note: '无路由对象：写入本人主管的辖区',
  },
  'GET /api/catalog/cloud-services/export': {
    roles: CLOUD_READERS,
    relation: 'own_jurisdiction',
    note: '导出记入审计并限流',
  },
  ...DEDUP_ACCESS,
  ...WORKBENCH_ROUTE_ACCESS,
  ...OPERATIONS_ACCESS,
  ...EVALUATION_ACCESS,
  ...FUNDS_ACCESS,
  ...QUESTIONNAIRE_ACCESS,
  ...PROGRESS_ACCESS,
  ...PUBLICATION_ACCESS,
};
