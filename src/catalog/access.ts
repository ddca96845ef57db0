/**
 * Who may see and do what in the catalogs, as pure functions of the caller's role assignments
 * (role, organisation, jurisdiction). The database queries apply the scope; these functions decide it.
 *
 * - Departments (dept_staff, dept_leader) read and maintain the entries of their own organisation.
 * - The authority (authority_reviewer, authority_leader) reads and corrects the whole catalog of its
 *   jurisdiction, reviews, publishes and withdraws resources, and compiles the cloud service catalog.
 * - The approval bureau, finance and the leadership body read the catalog of their jurisdiction.
 * - Finance co-approves the cloud service catalog where the rulebook says so (SC-12).
 * - Every business role reads the published cloud service catalog of its jurisdiction (DT-13).
 * - Nothing crosses jurisdictions: an entry outside the scope does not exist for the caller.
 */
import type { RouteRule } from '../access/index.ts';
import { canTransition, type ResourceState, type SystemCatalogRules } from './model.ts';

/** The fields of an identity Assignment the scope depends on (structurally an Assignment). */
export interface ScopeAssignment {
  role: string;
  organisationId: string;
  jurisdictionId: string;
}

export const DEPARTMENT_ROLES = ['dept_staff', 'dept_leader'] as const;
export const AUTHORITY_ROLES = ['authority_reviewer', 'authority_leader'] as const;
/** Roles that read the whole catalog of their jurisdiction. */
export const JURISDICTION_READER_ROLES = [
  ...AUTHORITY_ROLES,
  'approver',
  'finance_officer',
  'leadership_body',
] as const;
/** Roles that read the system and resource catalogs (own department or own jurisdiction). */
export const CATALOG_READER_ROLES = [...DEPARTMENT_ROLES, ...JURISDICTION_READER_ROLES] as const;
/** Roles that register and change systems and resources. */
export const CATALOG_EDITOR_ROLES = [...DEPARTMENT_ROLES, ...AUTHORITY_ROLES] as const;
/** Roles that approve the cloud service catalog (the authority, with finance where required). */
export const CLOUD_APPROVER_ROLES = [...AUTHORITY_ROLES, 'finance_officer'] as const;
/** Business roles: every one of them reads the published cloud service catalog. */
export const CLOUD_READER_ROLES = [
  ...CATALOG_READER_ROLES,
  'expert',
  'contractor',
  'supervisor',
  'third_party_evaluator',
] as const;

const has = (list: readonly string[], role: string) => list.includes(role);
const unique = (values: string[]) => [...new Set(values)];

export interface CatalogScope {
  /** Organisations whose own entries the caller reads and maintains (department roles). */
  ownOrganisations: string[];
  /** Jurisdictions whose whole system and resource catalog the caller reads. */
  readJurisdictions: string[];
  /** Jurisdictions whose catalogs the caller corrects, reviews and compiles (authority). */
  manageJurisdictions: string[];
  /** Jurisdictions where the caller approves the cloud catalog for finance. */
  financeJurisdictions: string[];
  /** Jurisdictions whose published cloud catalog the caller reads (any business role). */
  cloudJurisdictions: string[];
}

export function catalogScope(assignments: readonly ScopeAssignment[]): CatalogScope {
  const pick = (roles: readonly string[], key: 'organisationId' | 'jurisdictionId') =>
    unique(assignments.filter((a) => has(roles, a.role)).map((a) => a[key]));
  return {
    ownOrganisations: pick(DEPARTMENT_ROLES, 'organisationId'),
    readJurisdictions: pick(JURISDICTION_READER_ROLES, 'jurisdictionId'),
    manageJurisdictions: pick(AUTHORITY_ROLES, 'jurisdictionId'),
    financeJurisdictions: pick(['finance_officer'], 'jurisdictionId'),
    cloudJurisdictions: pick(CLOUD_READER_ROLES, 'jurisdictionId'),
  };
}

/** Where an entry belongs: its owning (providing) organisation and its jurisdiction. */
export interface Placement {
  organisationId: string;
  jurisdictionId: string;
}

export function canRead(scope: CatalogScope, entry: Placement): boolean {
  return (
    scope.ownOrganisations.includes(entry.organisationId) ||
    scope.readJurisdictions.includes(entry.jurisdictionId)
  );
}

/** A department maintains its own entries; the authority corrects every entry of its jurisdiction. */
export function canEdit(scope: CatalogScope, entry: Placement): boolean {
  return (
    scope.ownOrganisations.includes(entry.organisationId) ||
    scope.manageJurisdictions.includes(entry.jurisdictionId)
  );
}

export function canManage(scope: CatalogScope, jurisdictionId: string): boolean {
  return scope.manageJurisdictions.includes(jurisdictionId);
}

/**
 * The organisation a new entry belongs to when the caller names none: the organisation of the
 * caller's first department assignment, else of the first authority assignment.
 */
export function defaultOwner(assignments: readonly ScopeAssignment[]): string | undefined {
  return (
    assignments.find((a) => has(DEPARTMENT_ROLES, a.role))?.organisationId ??
    assignments.find((a) => has(AUTHORITY_ROLES, a.role))?.organisationId
  );
}

// ---------------------------------------------------------------------------------------------
// Resource lifecycle actions (注册 → 审核 → 发布 → 下架), over RESOURCE_TRANSITIONS of model.ts

export type ResourceAction = 'submit' | 'publish' | 'return' | 'withdraw';

export const RESOURCE_ACTIONS: Readonly<
  Record<ResourceAction, { to: ResourceState; by: 'editor' | 'authority'; label: string }>
> = {
  submit: { to: 'under_review', by: 'editor', label: '提交审核' },
  publish: { to: 'published', by: 'authority', label: '审核通过并发布' },
  return: { to: 'registered', by: 'authority', label: '退回修改' },
  withdraw: { to: 'withdrawn', by: 'authority', label: '下架' },
};

/** States in which the provider may change a resource (not while under review or published). */
export const EDITABLE_RESOURCE_STATES: readonly ResourceState[] = ['registered', 'withdrawn'];

export interface ResourceFacts extends Placement {
  state: ResourceState;
  /** Who submitted it for review last (a submitter does not approve their own item). */
  submittedBy: string | null;
}

export type ActionRefusal =
  | { ok: true; to: ResourceState }
  | { ok: false; reason: 'state' | 'role' | 'own_submission'; message: string };

/** Whether `userId` with `scope` may take `action` on a resource: the state, the role, no self-approval. */
export function resourceActionCheck(
  scope: CatalogScope,
  userId: string,
  resource: ResourceFacts,
  action: ResourceAction,
): ActionRefusal {
  const spec = RESOURCE_ACTIONS[action];
  const allowedRole =
    spec.by === 'authority' ? canManage(scope, resource.jurisdictionId) : canEdit(scope, resource);
  if (!allowedRole) {
    return {
      ok: false,
      reason: 'role',
      message:
        spec.by === 'authority' ? `“${spec.label}”由本辖区主管部门办理` : '只能提交本部门或本辖区的资源',
    };
  }
  if (!canTransition(resource.state, spec.to)) {
    return { ok: false, reason: 'state', message: `资源当前状态不能“${spec.label}”` };
  }
  if (action === 'publish' && resource.submittedBy === userId) {
    return { ok: false, reason: 'own_submission', message: '提交人不能审核自己提交的资源' };
  }
  return { ok: true, to: spec.to };
}

/** The actions the caller may take on a resource now (the buttons to show). */
export function availableResourceActions(
  scope: CatalogScope,
  userId: string,
  resource: ResourceFacts,
): ResourceAction[] {
  return (Object.keys(RESOURCE_ACTIONS) as ResourceAction[]).filter(
    (action) => resourceActionCheck(scope, userId, resource, action).ok,
  );
}

// ---------------------------------------------------------------------------------------------
// Cloud service catalog approval (DT-13, SC-12)

export type CloudApprover = 'authority' | 'finance';

/**
 * Who must approve the cloud service catalog before it is published, as the jurisdiction's rulebook
 * says (`Rulebook.catalog.cloudCatalog`): in SC the authority together with finance (SC-12), in DT
 * the authority (DT-13). Where the text is silent, the authority approves and no article is cited.
 */
export function requiredCloudApprovals(rules: SystemCatalogRules | null): {
  approvers: CloudApprover[];
  article?: string;
} {
  const cloud = rules?.cloudCatalog;
  if (!cloud) return { approvers: ['authority'] };
  return { approvers: [...cloud.approvers], ...(cloud.articles[0] ? { article: cloud.articles[0] } : {}) };
}

// ---------------------------------------------------------------------------------------------
// The catalog routes' rows of the authorization matrix (SECURITY.md 13, issue 4), composed into
// ROUTE_ACCESS by src/access/matrix.ts: a department reads and maintains its own entries, the
// authority corrects and reviews its whole jurisdiction, nothing crosses jurisdictions (the scope
// above, applied by the queries).

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
    roles: JURISDICTION_READER_ROLES,
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
    roles: AUTHORITY_ROLES,
    relation: 'own_jurisdiction',
    note: '提交人不能审核自己提交的资源',
  },
  'POST /api/catalog/resources/:id/withdraw': { roles: AUTHORITY_ROLES, relation: 'own_jurisdiction' },
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
  'POST /api/catalog/cloud-services': { roles: AUTHORITY_ROLES, relation: 'own_jurisdiction' },
  'PATCH /api/catalog/cloud-services/:id': { roles: AUTHORITY_ROLES, relation: 'own_jurisdiction' },
  'POST /api/catalog/cloud-services/approve': {
    roles: CLOUD_APPROVER_ROLES,
    relation: 'own_jurisdiction',
    note: 'SC 须主管部门会同财政审定（SC-12）',
  },
  'POST /api/catalog/cloud-services/publish': { roles: AUTHORITY_ROLES, relation: 'own_jurisdiction' },
  'POST /api/catalog/cloud-services/reopen': { roles: AUTHORITY_ROLES, relation: 'own_jurisdiction' },
  'GET /api/catalog/cloud-services/template': {
    roles: AUTHORITY_ROLES,
    relation: 'none',
    note: '空白模板',
  },
  'POST /api/catalog/cloud-services/import': {
    roles: AUTHORITY_ROLES,
    relation: 'none',
    note: '无路由对象：写入本人主管的辖区',
  },
  'GET /api/catalog/cloud-services/export': {
    roles: CLOUD_READER_ROLES,
    relation: 'own_jurisdiction',
    note: '导出记入审计并限流',
  },
};
