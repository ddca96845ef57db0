/**
 * Calls and response types of the 运行与安全 pages (src/operations). Hand-written like the other
 * pages' types (web/src/api is not generated yet).
 */
import { ApiError, api, buildUrl, NETWORK_ERROR, toApiError } from '../../api/client.ts';

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface Organisation {
  id: string;
  name: string;
  kind: string;
  jurisdictionId: string;
  jurisdictionName: string;
}

export const listOrganisations = () => api.get<{ items: Organisation[] }>('/api/organisations');

export type DueStatus = 'overdue' | 'due_soon' | 'ok';

export interface Incident {
  id: string;
  organisationId: string;
  organisationName: string;
  title: string;
  description: string;
  incidentClass: 'general' | 'major' | 'serious' | 'critical';
  criticalInfrastructure: boolean;
  foundAt: string;
  reportDueAt: string | null;
  firstReportAt: string | null;
  reportingHours: number | null;
  reportOverdue: boolean;
  cause: string | null;
  liableParty: 'user_unit' | 'contractor' | null;
  liabilityArticle: string | null;
  authorityFilingRequired: boolean;
  authorityFilingArticle: string | null;
  authorityFiledAt: string | null;
  authorityFilingMissing: boolean;
  status: 'open' | 'closed';
  version: number;
  systems: { id: string; code: string; name: string }[];
}

export interface IncidentEntry {
  id: string;
  seq: number;
  kind: 'handling' | 'report' | 'authority_filing' | 'correction' | 'closure';
  at: string;
  text: string;
  recipient: string | null;
  correctsEntryId: string | null;
  recordedByName: string;
}

export interface Overview {
  today: string;
  assessments: {
    systemId: string;
    systemCode: string;
    systemName: string;
    organisationName: string;
    kind: 'mlps' | 'crypto';
    level: number;
    lastAssessedOn: string | null;
    dueDate: string;
    status: DueStatus;
    article: string | null;
  }[];
  upcomingAssessments: number;
  drills: {
    id: string;
    planTitle: string;
    organisationName: string;
    plannedOn: string;
    scenario: string;
    status: DueStatus;
  }[];
  incidents: Incident[];
  counts: Record<
    | 'gradedSystems'
    | 'overdueAssessments'
    | 'overdueDrills'
    | 'openIncidents'
    | 'missedReports'
    | 'missingFilings',
    number
  >;
}

export interface AssessmentSummary {
  assessedOn: string;
  result: string;
  nextDue: string | null;
  overdue: boolean;
}

export interface SecuritySystem {
  id: string;
  code: string;
  name: string;
  status: string;
  deployment: string;
  organisationName: string;
  grading: {
    level: number;
    filingNumber: string;
    filingDate: string;
    criticalInfrastructure: boolean;
  } | null;
  mlps: AssessmentSummary | null;
  crypto: AssessmentSummary | null;
  risk: AssessmentSummary | null;
  products: number;
  uncontrollableProducts: number;
}

export interface SystemDetail {
  system: {
    id: string;
    code: string;
    name: string;
    status: string;
    deployment: string;
    cloudMigration: string;
    organisationId: string;
    organisationName: string;
  };
  rules: {
    assessmentArticles: string[];
    riskAssessmentJoint: { contractorRequired: boolean; articles: string[]; wording: string };
    emergencyPlanJoint: { contractorRequired: boolean; articles: string[]; wording: string };
    cloudArticles: string[];
    omHandoverRequired: boolean;
    countsAsCloud: boolean;
  } | null;
  grading: {
    level: number;
    filingNumber: string;
    filingDate: string;
    criticalInfrastructure: boolean;
    version: number;
  } | null;
  assessments: {
    id: string;
    kind: 'mlps' | 'crypto' | 'risk';
    assessedOn: string;
    result: string;
    reportNumber: string;
    assessor: string;
    level: number | null;
    nextDue: string | null;
    contractorOrganisationName: string | null;
    article: string;
  }[];
  products: {
    id: string;
    category: string;
    name: string;
    vendor: string;
    productVersion: string | null;
    controllable: boolean;
  }[];
  exemptions: { id: string; ground: string; reason: string; status: string; decisionNote: string | null }[];
  handovers: {
    id: string;
    fromOrganisationName: string;
    toOrganisationName: string;
    handedOverOn: string;
    note: string | null;
  }[];
  retirements: { id: string; status: string; retirementDate: string; reason: string }[];
  incidents: { id: string; title: string; incidentClass: string; status: string; foundAt: string }[];
}

export interface Plan {
  id: string;
  title: string;
  organisationName: string;
  systemId: string | null;
  systemName: string | null;
  currentVersion: number;
  version: number;
  versions: {
    number: number;
    documentNumber: string;
    summary: string;
    adoptedOn: string;
    contractorOrganisationName: string | null;
  }[];
  drills: {
    id: string;
    plannedOn: string;
    scenario: string;
    heldOn: string | null;
    participants: string | null;
    findings: string | null;
    version: number;
    overdue: boolean;
  }[];
}

export interface Responsibility {
  resourceId: string;
  code: string;
  name: string;
  state: string;
  providerOrganisationName: string;
  collectorOrganisationId: string | null;
  collectorOrganisationName: string | null;
  checkerOrganisationId: string | null;
  checkerOrganisationName: string | null;
  responsibleOrganisationId: string | null;
  responsibleOrganisationName: string | null;
  usageNote: string | null;
  version: number | null;
  principle: string | null;
  articles: string[];
  required: ('collector' | 'checker' | 'provider')[];
  missing: ('collector' | 'checker' | 'provider')[];
}

export interface InternalRules {
  labels: Record<string, string>;
  items: {
    id: string;
    name: string;
    articles: string[];
    rules: {
      kind: string;
      title: string;
      documentNumber: string | null;
      issuedOn: string;
      version: number;
    }[];
    missing: string[];
  }[];
}

export interface BaseLibrary {
  jurisdictionId: string;
  jurisdictionName: string;
  kind: string;
  label: string;
  articles: string[];
  responsibleOrganisationId: string | null;
  responsibleOrganisationName: string | null;
  resources: { id: string; code: string; name: string }[];
  version: number | null;
}

export interface CloudSummary {
  departments: {
    organisationId: string;
    organisationName: string;
    systems: number;
    onCloud: number;
    exempt: number;
    pendingExemption: number;
    handedOver: number;
    toMigrate: number;
  }[];
  exemptions: {
    id: string;
    systemCode: string;
    systemName: string;
    organisationName: string;
    ground: 'legal' | 'secrecy';
    reason: string;
    status: 'requested' | 'approved' | 'rejected';
    requestedByName: string;
    decisionNote: string | null;
    version: number;
    mine: boolean;
  }[];
}

export interface Retirement {
  id: string;
  systemId: string;
  systemCode: string;
  systemName: string;
  organisationName: string;
  reason: string;
  retirementDate: string;
  dataDisposition: 'archived' | 'migrated';
  dataDestination: string;
  dataConfirmedAt: string | null;
  status: 'requested' | 'approved' | 'rejected';
  requestedByName: string;
  decisionNote: string | null;
  withdrawnResources: number | null;
  version: number;
  mine: boolean;
}

/** SC-27 daily monitoring of one system. */
export interface SystemMonitoring {
  systemId: string;
  systemName: string;
  status: string;
  required: boolean;
  articles: string[];
  wording: string | null;
  lookbackDays: number;
  entries: {
    id: string;
    monitoredOn: string;
    status: 'normal' | 'abnormal';
    resourceCode: string | null;
    finding: string | null;
    handler: string;
    recordedByName: string;
    recordedAt: string;
  }[];
  missingDays: string[];
}

export interface MonitoringGaps extends Page<MonitoringGap> {
  date: string;
}
export interface MonitoringGap {
  id: string;
  code: string;
  name: string;
  organisationId: string;
  organisationName: string;
  articles: string[];
}

/** XZ-30 a system on an industry cloud and its plan to come under the city cloud. */
export interface IndustryCloud {
  systemId: string;
  code: string;
  name: string;
  deployment: string;
  organisationId: string;
  organisationName: string;
  id: string | null;
  cloudName: string | null;
  operatorName: string | null;
  state: 'planned' | 'in_progress' | 'brought_under' | null;
  plannedBy: string | null;
  completedOn: string | null;
  note: string | null;
  version: number | null;
  required: boolean;
  articles: string[];
  unplanned: boolean;
  overdue: boolean;
}

const O = '/api/operations';
type Q = Record<string, string | number | boolean | undefined>;
export const ops = {
  overview: (signal?: AbortSignal) => api.get<Overview>(`${O}/overview`, { signal }),
  systems: (query: Q, signal?: AbortSignal) =>
    api.get<Page<SecuritySystem>>(`${O}/systems`, { query, signal }),
  system: (id: string) => api.get<SystemDetail>(`${O}/systems/${id}`),
  plans: (signal?: AbortSignal) =>
    api.get<Page<Plan>>(`${O}/emergency-plans`, { query: { limit: 200 }, signal }),
  incidents: (query: Q, signal?: AbortSignal) => api.get<Page<Incident>>(`${O}/incidents`, { query, signal }),
  incident: (id: string) =>
    api.get<{
      incident: Incident;
      entries: IncidentEntry[];
      reportTo: string | null;
      authorityFilingWording: string | null;
    }>(`${O}/incidents/${id}`),
  responsibilities: (signal?: AbortSignal) =>
    api.get<Page<Responsibility>>(`${O}/responsibilities`, { query: { limit: 500 }, signal }),
  internalRules: (signal?: AbortSignal) => api.get<InternalRules>(`${O}/internal-rules`, { signal }),
  baseLibraries: (signal?: AbortSignal) =>
    api.get<{ items: BaseLibrary[] }>(`${O}/base-libraries`, { signal }),
  cloud: (signal?: AbortSignal) => api.get<CloudSummary>(`${O}/cloud`, { signal }),
  retirements: (signal?: AbortSignal) =>
    api.get<Page<Retirement>>(`${O}/retirements`, { query: { limit: 200 }, signal }),
  monitoring: (systemId: string) => api.get<SystemMonitoring>(`${O}/systems/${systemId}/monitoring`),
  monitoringGaps: (query: Q, signal?: AbortSignal) =>
    api.get<MonitoringGaps>(`${O}/monitoring/gaps`, { query, signal }),
  industryClouds: (signal?: AbortSignal) =>
    api.get<Page<IndustryCloud>>(`${O}/industry-clouds`, { query: { limit: 500 }, signal }),
  post: <T = unknown>(path: string, body: unknown) => api.post<T>(`${O}${path}`, body),
  put: <T = unknown>(path: string, body: unknown) => api.put<T>(`${O}${path}`, body),
  remove: (path: string) => api.delete(`${O}${path}`),
};

/** Downloads the overview workbook (audited on the server) and saves it. */
export async function downloadOverview(): Promise<void> {
  let response: Response;
  try {
    response = await fetch(buildUrl(`${O}/overview/export`), { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { code: NETWORK_ERROR, message: '无法连接服务器，请检查网络后重试' });
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw toApiError(response.status, body, response.headers.get('x-request-id'));
  }
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `安全概览-${new Date().toISOString().slice(0, 10)}.xlsx`;
  a.click();
  URL.revokeObjectURL(url);
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
