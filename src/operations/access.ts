/**
 * This module's rows of the authorization matrix (spread into ROUTE_ACCESS). Operations records
 * follow the system catalog's scope (src/catalog/access.ts): a department reads and records its own
 * systems' records; the authority reads and corrects those of its jurisdiction and alone decides
 * exemptions, retirements and base libraries; approval bureau, finance and leadership read.
 */
import { AUTHORITY, type RouteRule } from '../access/index.ts';
import { CATALOG_EDITOR_ROLES, CATALOG_READER_ROLES } from '../catalog/index.ts';

const read = (note?: string): RouteRule => ({
  roles: CATALOG_READER_ROLES,
  relation: 'own_department',
  ...(note ? { note } : {}),
});
const write = (note?: string): RouteRule => ({
  roles: CATALOG_EDITOR_ROLES,
  relation: 'own_department',
  ...(note ? { note } : {}),
});
const decide = (note: string): RouteRule => ({ roles: AUTHORITY, relation: 'own_jurisdiction', note });

export const OPERATIONS_ACCESS: Record<string, RouteRule> = {
  'GET /api/operations/overview': read('安全概览：部门看本单位，主管部门等看本辖区'),
  'GET /api/operations/overview/export': read('导出记入审计'),
  'GET /api/operations/systems': read(),
  'GET /api/operations/systems/:id': read('范围外为 404'),
  'PUT /api/operations/systems/:id/grading': write(),
  'POST /api/operations/systems/:id/assessments': write(),
  'POST /api/operations/systems/:id/products': write(),
  'DELETE /api/operations/systems/:id/products/:productId': write(),
  'GET /api/operations/emergency-plans': read(),
  'POST /api/operations/emergency-plans': write(),
  'POST /api/operations/emergency-plans/:id/versions': write(),
  'POST /api/operations/emergency-plans/:id/drills': write(),
  'POST /api/operations/drills/:id/held': write(),
  'GET /api/operations/incidents': read(),
  'GET /api/operations/incidents/:id': read('范围外为 404'),
  'POST /api/operations/incidents': write(),
  'POST /api/operations/incidents/:id/entries': write('只追加，已登记内容不可修改'),
  'POST /api/operations/incidents/:id/filing': write('仅规则集要求报备的辖区（DT-36）'),
  'POST /api/operations/incidents/:id/close': write(),
  'GET /api/operations/responsibilities': read(),
  'PUT /api/operations/resources/:id/responsibility': write(),
  'GET /api/operations/internal-rules': read(),
  'PUT /api/operations/internal-rules': write(),
  'GET /api/operations/base-libraries': read(),
  'PUT /api/operations/base-libraries/:kind': decide('基础资源库由主管部门维护（DT-33）'),
  'GET /api/operations/cloud': read(),
  'POST /api/operations/systems/:id/cloud-exemption': write(),
  'POST /api/operations/cloud-exemptions/:id/decision': decide('申请人不能审核自己的申请'),
  'POST /api/operations/systems/:id/om-handover': write(),
  'GET /api/operations/systems/:id/monitoring': read('范围外为 404（SC-27）'),
  'POST /api/operations/systems/:id/monitoring': write('每系统每日一条，登记后不可修改'),
  'GET /api/operations/monitoring/gaps': read('只列规则集要求日常监测的辖区'),
  'GET /api/operations/industry-clouds': read(),
  'PUT /api/operations/systems/:id/industry-cloud': write('XZ-30'),
  'GET /api/operations/retirements': read(),
  'POST /api/operations/systems/:id/retirement': write(),
  'POST /api/operations/retirements/:id/data-confirmation': write(),
  'POST /api/operations/retirements/:id/decision': decide('申请人不能审批自己的申请'),
};
