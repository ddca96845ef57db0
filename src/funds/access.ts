/**
 * The money routes' entries in the authorization matrix (SECURITY.md 13), spread into ROUTE_ACCESS.
 * Relations are enforced by the commands and reads (project visibility, the notice's authority,
 * the step actor the rulebook names, finance of the project's rulebook).
 */
import { AUTHORITY, DEPARTMENT, OVERSIGHT, type Role, type RouteRule } from '../access/index.ts';

/** Who sees a project's funds: its departments, the named bodies, the commissioned third party. */
const FUNDS_VIEWERS: readonly Role[] = [...DEPARTMENT, ...OVERSIGHT, 'third_party_evaluator'];
/** Budget reviewers: the third party (DT), finance bodies (SC 财政评审中心, XZ 财务科, JC 财政局). */
const BUDGET_REVIEWERS: readonly Role[] = ['third_party_evaluator', 'finance_officer'];

export const FUNDS_ACCESS: Record<string, RouteRule> = {
  'GET /api/funds/projects/:id': {
    roles: FUNDS_VIEWERS,
    relation: 'own_jurisdiction',
    note: '按项目可见范围',
  },
  'POST /api/funds/projects/:id/budget-review': {
    roles: BUDGET_REVIEWERS,
    relation: 'own_jurisdiction',
    note: '规则集预算环节指定的评审机构',
  },
  'GET /api/funds/projects/:id/budget-review/document': {
    roles: FUNDS_VIEWERS,
    relation: 'own_jurisdiction',
    note: '下载记入审计',
  },
  'POST /api/funds/projects/:id/budget-steps/:stepId': {
    roles: ['finance_officer'],
    relation: 'own_jurisdiction',
    note: '规则集预算环节指定的财政（财务）部门',
  },
  'GET /api/funds/notices': {
    roles: AUTHORITY,
    relation: 'none',
    note: '无路由对象：查询限定为本单位编制的公示',
  },
  'POST /api/funds/notices': {
    roles: AUTHORITY,
    relation: 'own_jurisdiction',
    note: '只能列入本辖区可见项目',
  },
  'GET /api/funds/notices/:id': { roles: AUTHORITY, relation: 'own_department' },
  'POST /api/funds/notices/:id/publish': { roles: AUTHORITY, relation: 'own_department' },
  'POST /api/funds/objections/:id/answer': { roles: AUTHORITY, relation: 'own_department' },
  'GET /api/funds/disbursements': {
    roles: [...DEPARTMENT, ...OVERSIGHT],
    relation: 'none',
    note: '无路由对象：查询限定为本人可见项目的拨付申请',
  },
  'POST /api/funds/disbursements': {
    roles: ['dept_staff'],
    relation: 'own_department',
    note: '项目建设单位',
  },
  'GET /api/funds/disbursements/:id': { roles: [...DEPARTMENT, ...OVERSIGHT], relation: 'own_jurisdiction' },
  'POST /api/funds/disbursements/:id/consent': {
    roles: ['leadership_body'],
    relation: 'own_jurisdiction',
    note: '局党组对每笔拨付的决定（XZ-05b）',
  },
  'POST /api/funds/disbursements/:id/decision': { roles: ['finance_officer'], relation: 'own_jurisdiction' },
  'POST /api/funds/disbursements/:id/overrides': {
    roles: ['finance_officer'],
    relation: 'own_jurisdiction',
    note: '仅“一般”“原则上”类条件',
  },
  'POST /api/funds/overrides/:id/approve': {
    roles: ['finance_officer'],
    relation: 'own_jurisdiction',
    note: '须为另一名财政人员',
  },
};
