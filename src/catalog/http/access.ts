/**
 * The catalog routes' rows of the authorization matrix (SECURITY.md 13, issue 4), composed into
 * ROUTE_ACCESS by src/access/matrix.ts: a department reads and maintains its own entries, the
 * authority corrects and reviews its whole jurisdiction, nothing crosses jurisdictions (the scope of
 * ../access.ts, applied by the queries). Here, beside the routes, so that the pure catalog root
 * imports nothing outside src/catalog (src/catalog/purity.test.ts).
 */
import { AUTHORITY, OVERSIGHT, type RouteRule } from '../../access/index.ts';
import {
  CATALOG_EDITOR_ROLES,
  CATALOG_READER_ROLES,
  CLOUD_APPROVER_ROLES,
  CLOUD_READER_ROLES,
} from '../access.ts';

export const CATALOG_ROUTE_ACCESS: Record<string, RouteRule> = {
  'GET /api/catalog/meta': { roles: 'authenticated', relation: 'self', note: '目录选项与本人的目录权限' },
  'GET /api/catalog/systems': {
    roles: CATALOG_READER_ROLES,
    relation: 'own_department',
    note: '部门看本单位；主管部门、审批、财政、决策机构看本辖区',
  },
  'GET /api/catalog/systems/:id': {
    roles: CATALOG_READER_ROLES,
    relation: 'own_department',
    note: '范围外为 404',
  },
  'POST /api/catalog/systems': {
    roles: CATALOG_EDITOR_ROLES,
    relation: 'own_department',
    note: '主管部门可登记本辖区各单位的系统',
  },
  'PATCH /api/catalog/systems/:id': {
    roles: CATALOG_EDITOR_ROLES,
    relation: 'own_department',
    note: '主管部门可更正本辖区的系统',
  },
  'POST /api/catalog/systems/:id/retire': { roles: CATALOG_EDITOR_ROLES, relation: 'own_department' },
  'GET /api/catalog/systems/template': {
    roles: CATALOG_EDITOR_ROLES,
    relation: 'none',
    note: '空白模板；下拉为本人可登记的单位',
  },
  'POST /api/catalog/systems/import': {
    roles: CATALOG_EDITOR_ROLES,
    relation: 'none',
    note: '无路由对象：每行的单位须在本人范围内，否则该行标错（catalog-excel 测试）',
  },
  'GET /api/catalog/systems/export': {
    roles: CATALOG_READER_ROLES,
    relation: 'own_department',
    note: '导出记入审计并限流',
  },
  'GET /api/catalog/metrics/system-count': {
    roles: OVERSIGHT,
    relation: 'own_jurisdiction',
    note: '只减不增（DT-01）',
  },
  'GET /api/catalog/resources': {
    roles: CATALOG_READER_ROLES,
    relation: 'own_department',
    note: '部门看本单位；主管部门等看本辖区',
  },
  'GET /api/catalog/resources/:id': {
    roles: CATALOG_READER_ROLES,
    relation: 'own_department',
    note: '范围外为 404',
  },
  'POST /api/catalog/resources': { roles: CATALOG_EDITOR_ROLES, relation: 'own_department' },
  'PATCH /api/catalog/resources/:id': { roles: CATALOG_EDITOR_ROLES, relation: 'own_department' },
  'POST /api/catalog/resources/:id/submit': { roles: CATALOG_EDITOR_ROLES, relation: 'own_department' },
  'POST /api/catalog/resources/:id/review': {
    roles: AUTHORITY,
    relation: 'own_jurisdiction',
    note: '提交人不能审核自己提交的资源',
  },
  'POST /api/catalog/resources/:id/withdraw': { roles: AUTHORITY, relation: 'own_jurisdiction' },
  'GET /api/catalog/resources/template': {
    roles: CATALOG_EDITOR_ROLES,
    relation: 'none',
    note: '空白模板；下拉为本人可登记的单位',
  },
  'POST /api/catalog/resources/import': {
    roles: CATALOG_EDITOR_ROLES,
    relation: 'none',
    note: '无路由对象：每行的提供方须在本人范围内，否则该行标错',
  },
  'GET /api/catalog/resources/export': {
    roles: CATALOG_READER_ROLES,
    relation: 'own_department',
    note: '导出记入审计并限流',
  },
  'GET /api/catalog/single-source-conflicts': {
    roles: CATALOG_READER_ROLES,
    relation: 'own_department',
    note: '涉及本单位的一数一源提示；主管部门看本辖区',
  },
  'GET /api/catalog/cloud-services': {
    roles: CLOUD_READER_ROLES,
    relation: 'own_jurisdiction',
    note: '已发布的目录人人可读；主管部门、财政看全部条目',
  },
  'POST /api/catalog/cloud-services': { roles: AUTHORITY, relation: 'own_jurisdiction' },
  'PATCH /api/catalog/cloud-services/:id': { roles: AUTHORITY, relation: 'own_jurisdiction' },
  'POST /api/catalog/cloud-services/approve': {
    roles: CLOUD_APPROVER_ROLES,
    relation: 'own_jurisdiction',
    note: 'SC 须主管部门会同财政审定（SC-12）',
  },
  'POST /api/catalog/cloud-services/publish': { roles: AUTHORITY, relation: 'own_jurisdiction' },
  'POST /api/catalog/cloud-services/reopen': { roles: AUTHORITY, relation: 'own_jurisdiction' },
  'GET /api/catalog/cloud-services/template': {
    roles: AUTHORITY,
    relation: 'none',
    note: '空白模板',
  },
  'POST /api/catalog/cloud-services/import': {
    roles: AUTHORITY,
    relation: 'none',
    note: '无路由对象：写入本人主管的辖区',
  },
  'GET /api/catalog/cloud-services/export': {
    roles: CLOUD_READER_ROLES,
    relation: 'own_jurisdiction',
    note: '导出记入审计并限流',
  },
};
