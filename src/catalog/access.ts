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
import { AUTHORITY, DEPARTMENT, OVERSIGHT, type RoleCode } from '../../shared/roles.ts';
import { canTransition, type ResourceState, type SystemCatalogRules } from './model.ts';

/** The fields of an identity Assignment the scope depends on (structurally an Assignment). */
export interface ScopeAssignment {
  role: string;
  organisationId: string;
  jurisdictionId: string;
}

/**
 * Roles that read the system and resource catalogs: a department its own entries, the overseeing
 * bodies (OVERSIGHT) the whole catalog of their jurisdiction.
 */
export const CATALOG_READER_ROLES: readonly RoleCode[] = [...DEPARTMENT, ...OVERSIGHT];
/** Roles that register and change systems and resources. */
export const CATALOG_EDITOR_ROLES: readonly RoleCode[] = [...DEPARTMENT, ...AUTHORITY];
/** Roles that approve the cloud service catalog (the authority, with finance where required). */
export const CLOUD_APPROVER_ROLES: readonly RoleCode[] = [...AUTHORITY, 'finance_officer'];
/** Business roles: every one of them reads the published cloud service catalog. */
export const CLOUD_READER_ROLES: readonly RoleCode[] = [
  ...CATALOG_READER_ROLES,
  'expert',
  'contractor',
  'supervisor',
  'third_party_evaluator',
];

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
    ownOrganisations: pick(DEPARTMENT, 'organisationId'),
    readJurisdictions: pick(OVERSIGHT, 'jurisdictionId'),
    manageJurisdictions: pick(AUTHORITY, 'jurisdictionId'),
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
    assignments.find((a) => has(DEPARTMENT, a.role))?.organisationId ??
    assignments.find((a) => has(AUTHORITY, a.role))?.organisationId
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
