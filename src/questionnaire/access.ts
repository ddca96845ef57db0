/**
 * The questionnaire routes' entries in the authorization matrix, spread into ROUTE_ACCESS. The
 * authority of the system's jurisdiction designs, publishes, closes and reads results; the
 * relation is enforced in the commands and queries (another jurisdiction's questionnaire is 404).
 * The public reads and answers without an account, rate-limited: those rows are src/publication's.
 */
import { AUTHORITY, type RouteRule } from '../access/index.ts';

const own = (note?: string): RouteRule => ({
  roles: AUTHORITY,
  relation: 'own_jurisdiction',
  ...(note ? { note } : {}),
});

export const QUESTIONNAIRE_ACCESS: Record<string, RouteRule> = {
  'GET /api/questionnaires': {
    roles: AUTHORITY,
    relation: 'none',
    note: '无路由对象：查询限定为本辖区的问卷',
  },
  'POST /api/questionnaires': own('只能为本辖区的系统设计问卷'),
  'GET /api/questionnaires/:id': own('辖区外为 404'),
  'PUT /api/questionnaires/:id': own('仅草稿可改'),
  'POST /api/questionnaires/:id/publish': own(),
  'POST /api/questionnaires/:id/close': own(),
  'GET /api/questionnaires/:id/results': own('辖区外为 404；匿名不可读'),
  'GET /api/questionnaires/:id/qrcode': own(),
};
