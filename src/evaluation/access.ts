/**
 * This module's rows of the authorization matrix (spread into ROUTE_ACCESS). The authority opens
 * rounds, scores, evaluates, rolls up, issues rectification opinions and publishes for its own
 * jurisdiction; a department submits self-evaluations and rectification reports for its own
 * projects; finance spot-checks where its rulebook names it; the oversight roles read. The public
 * results' row is src/publication's.
 */
import { AUTHORITY, DEPARTMENT, type RouteRule } from '../access/index.ts';
import { CATALOG_READER_ROLES } from '../catalog/index.ts';

const read = (note?: string): RouteRule => ({
  roles: CATALOG_READER_ROLES,
  relation: 'own_department',
  ...(note ? { note } : {}),
});
const authority = (note?: string): RouteRule => ({
  roles: AUTHORITY,
  relation: 'own_jurisdiction',
  ...(note ? { note } : {}),
});
const department = (note: string): RouteRule => ({
  roles: DEPARTMENT,
  relation: 'own_department',
  note,
});

export const EVALUATION_ACCESS: Record<string, RouteRule> = {
  'GET /api/evaluation/rounds': read('部门看本单位，主管部门等看本辖区'),
  'GET /api/evaluation/rounds/:id': read('范围外为 404；部门只看本单位的项目'),
  'POST /api/evaluation/rounds': authority('年度预算结束后开启（DT-27）'),
  'POST /api/evaluation/rounds/:id/self-evaluations': department('只能报送本单位项目的自评价'),
  'POST /api/evaluation/self-evaluations/:id/spot-check': {
    roles: ['finance_officer'],
    relation: 'own_jurisdiction',
    note: '由规则集指定的财政（财务）部门抽查（SC-22 区财政局、XZ-23 财务科）',
  },
  'POST /api/evaluation/rounds/:id/indicator-sets': authority('新版本，权重之和 100'),
  'POST /api/evaluation/rounds/:id/scores': authority('不能评价本单位的项目'),
  'POST /api/evaluation/rounds/:id/efficacy': authority('资料审查、第三方评估、公众问卷'),
  'POST /api/evaluation/rounds/:id/roll-up': authority('写入部门年度考核（下一年度审核参考）'),
  'POST /api/evaluation/rounds/:id/publish': authority('一公示（DT-07）'),
  'POST /api/evaluation/rounds/:id/rectifications': authority('整改意见，限期整改'),
  'POST /api/evaluation/rectifications/:id/report': department('被整改单位报告整改情况'),
  'POST /api/evaluation/rectifications/:id/close': authority('不能核销本单位或自己报告的整改'),
  'GET /api/evaluation/rounds/:id/reports/:organisationId': read('一部门一报告（.docx）；导出记入审计'),
  'GET /api/evaluation/rounds/:id/compilation': authority('一汇编（.docx）；导出记入审计'),
  'GET /api/evaluation/rounds/:id/compilation/summary': authority('汇编汇总表（.xlsx）；导出记入审计'),
};
