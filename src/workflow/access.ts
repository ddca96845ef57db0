/**
 * The workflow verbs' rows of the authorization matrix (SECURITY.md 13), composed into ROUTE_ACCESS
 * by src/access/matrix.ts: 办理, 认定, 退回, 撤回, 转办 and its candidates, 催办, comments
 * (routes.ts). The role lists say who may call a verb at all; the rulebook's step actor (role and
 * organisation) is checked by the commands (actors.ts).
 */
import { OVERSIGHT, PROJECT_PARTIES, type RouteRule, STEP_ACTORS } from '../access/index.ts';

export const WORKFLOW_ACCESS: Record<string, RouteRule> = {
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
};
