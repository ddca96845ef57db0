/**
 * Calls and response types of the 运行与安全 pages (src/operations); the types are aliases of the ones
 * generated from the OpenAPI document (web/src/api/schema.ts, `npm run gen:api-types`).
 */

import { type ApiResponse, api, call } from '../../api/client.ts';
import { fetchFile, saveBlob } from '../../api/download.ts';

/** GET /api/organisations (the pickers of the 运行与安全 pages) */
export type Organisation = ApiResponse<'/api/organisations', 'get'>['items'][number];

export const listOrganisations = () => call('get', '/api/organisations');

export type DueStatus = 'overdue' | 'due_soon' | 'ok';

type IncidentList = ApiResponse<'/api/operations/incidents', 'get'>;
export type Incident = IncidentList['items'][number];
export type IncidentView = ApiResponse<'/api/operations/incidents/{id}', 'get'>;
export type IncidentEntry = IncidentView['entries'][number];
export type Overview = ApiResponse<'/api/operations/overview', 'get'>;
type SecuritySystemList = ApiResponse<'/api/operations/systems', 'get'>;
export type SecuritySystem = SecuritySystemList['items'][number];
export type AssessmentSummary = NonNullable<SecuritySystem['mlps']>;
export type SystemDetail = ApiResponse<'/api/operations/systems/{id}', 'get'>;
type PlanList = ApiResponse<'/api/operations/emergency-plans', 'get'>;
export type Plan = PlanList['items'][number];
type ResponsibilityList = ApiResponse<'/api/operations/responsibilities', 'get'>;
export type Responsibility = ResponsibilityList['items'][number];
export type InternalRules = ApiResponse<'/api/operations/internal-rules', 'get'>;
export type BaseLibrary = ApiResponse<'/api/operations/base-libraries', 'get'>['items'][number];
export type CloudSummary = ApiResponse<'/api/operations/cloud', 'get'>;
type RetirementList = ApiResponse<'/api/operations/retirements', 'get'>;
export type Retirement = RetirementList['items'][number];
/** SC-27 daily monitoring of one system. */
export type SystemMonitoring = ApiResponse<'/api/operations/systems/{id}/monitoring', 'get'>;
export type MonitoringGaps = ApiResponse<'/api/operations/monitoring/gaps', 'get'>;
export type MonitoringGap = MonitoringGaps['items'][number];
type IndustryCloudList = ApiResponse<'/api/operations/industry-clouds', 'get'>;
/** XZ-30 a system on an industry cloud and its plan to come under the city cloud. */
export type IndustryCloud = IndustryCloudList['items'][number];

const O = '/api/operations';
type Q = Record<string, string | number | boolean | undefined>;
export const ops = {
  overview: (signal?: AbortSignal) => api.get<Overview>(`${O}/overview`, { signal }),
  systems: (query: Q, signal?: AbortSignal) => api.get<SecuritySystemList>(`${O}/systems`, { query, signal }),
  system: (id: string) => api.get<SystemDetail>(`${O}/systems/${id}`),
  plans: (signal?: AbortSignal) =>
    api.get<PlanList>(`${O}/emergency-plans`, { query: { limit: 200 }, signal }),
  incidents: (query: Q, signal?: AbortSignal) => api.get<IncidentList>(`${O}/incidents`, { query, signal }),
  incident: (id: string) => api.get<IncidentView>(`${O}/incidents/${id}`),
  responsibilities: (signal?: AbortSignal) =>
    api.get<ResponsibilityList>(`${O}/responsibilities`, { query: { limit: 500 }, signal }),
  internalRules: (signal?: AbortSignal) => api.get<InternalRules>(`${O}/internal-rules`, { signal }),
  baseLibraries: (signal?: AbortSignal) =>
    api.get<ApiResponse<'/api/operations/base-libraries', 'get'>>(`${O}/base-libraries`, { signal }),
  cloud: (signal?: AbortSignal) => api.get<CloudSummary>(`${O}/cloud`, { signal }),
  retirements: (signal?: AbortSignal) =>
    api.get<RetirementList>(`${O}/retirements`, { query: { limit: 200 }, signal }),
  monitoring: (systemId: string) => api.get<SystemMonitoring>(`${O}/systems/${systemId}/monitoring`),
  monitoringGaps: (query: Q, signal?: AbortSignal) =>
    api.get<MonitoringGaps>(`${O}/monitoring/gaps`, { query, signal }),
  industryClouds: (signal?: AbortSignal) =>
    api.get<IndustryCloudList>(`${O}/industry-clouds`, { query: { limit: 500 }, signal }),
  post: <T = unknown>(path: string, body: unknown) => api.post<T>(`${O}${path}`, body),
  put: <T = unknown>(path: string, body: unknown) => api.put<T>(`${O}${path}`, body),
  remove: (path: string) => api.delete(`${O}${path}`),
};

/** Downloads the overview workbook (audited on the server) and saves it. */
export async function downloadOverview(): Promise<void> {
  const { blob } = await fetchFile(`${O}/overview/export`, undefined, 'overview.xlsx');
  saveBlob(blob, `安全概览-${new Date().toISOString().slice(0, 10)}.xlsx`);
}

export const LABELS = {
  assessment: { mlps: '等保测评', crypto: '密评', risk: '风险评估' } as Record<string, string>,
  result: { pass: '符合', basic_pass: '基本符合', fail: '不符合' } as Record<string, string>,
  incidentClass: { general: '一般', major: '较大', serious: '重大', critical: '特别重大' } as Record<
    string,
    string
  >,
  cause: {
    weak_password: '弱口令',
    stolen_password: '密码被盗',
    technical: '技术原因',
    other: '其他',
  } as Record<string, string>,
  liable: { user_unit: '项目使用单位', contractor: '项目建设单位（承建）' } as Record<string, string>,
  entry: {
    handling: '处置',
    report: '报告',
    authority_filing: '向主管部门报备',
    correction: '更正',
    closure: '办结',
  } as Record<string, string>,
  status: { overdue: '已逾期', due_soon: '30日内到期', ok: '正常' } as Record<string, string>,
  request: { requested: '待审核', approved: '已批准', rejected: '不予批准' } as Record<string, string>,
  ground: { legal: '法律法规规定', secrecy: '特殊保密要求' } as Record<string, string>,
  disposition: { archived: '数据归档', migrated: '数据迁移' } as Record<string, string>,
  monitoring: { normal: '正常', abnormal: '异常' } as Record<string, string>,
  industryCloud: {
    planned: '计划纳管',
    in_progress: '纳管中',
    brought_under: '已纳入市级政务云统一管理',
  } as Record<string, string>,
  product: {
    cpu: 'CPU',
    server: '服务器',
    os: '操作系统',
    database: '数据库',
    middleware: '中间件',
    network: '网络设备',
    security: '安全设备',
    office: '办公软件',
    other: '其他',
  } as Record<string, string>,
  role: { collector: '采集单位', checker: '校核单位', provider: '主管（提供）单位' } as Record<
    string,
    string
  >,
};

export const fmtTime = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—';
