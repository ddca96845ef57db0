/**
 * 查重's rows of the authorization matrix (spread into src/access/matrix.ts). Who plans proposals or
 * judges them: departments and the bodies of the jurisdiction (PROJECT_PARTIES).
 */
import { AUTHORITY, PROJECT_PARTIES, PROJECT_VIEWERS, type RouteRule } from '../access/index.ts';

export const DEDUP_ACCESS: Record<string, RouteRule> = {
  'POST /api/dedup/check': {
    roles: PROJECT_PARTIES,
    relation: 'own_jurisdiction',
    note: '比对本级及上级的系统、项目、资源和清单；可指定本人管辖的下级区划',
  },
  'GET /api/projects/:id/dedup': {
    roles: PROJECT_VIEWERS,
    relation: 'own_department',
    note: '与项目详情相同的可见范围',
  },
  'POST /api/projects/:id/dedup/hits/:hitId/acknowledge': {
    roles: AUTHORITY,
    relation: 'own_jurisdiction',
    note: '仅审核环节办理人，不得确认本人提交的申请',
  },
  'GET /api/dedup/lists': { roles: PROJECT_PARTIES, relation: 'own_jurisdiction', note: '本级及上级的清单' },
  'POST /api/dedup/lists': { roles: AUTHORITY, relation: 'own_jurisdiction', note: '本级主管部门维护' },
  'PUT /api/dedup/lists/:id': { roles: AUTHORITY, relation: 'own_jurisdiction', note: '本级主管部门维护' },
};
