/**
 * Types of the catalog API (src/catalog/http/schemas.ts), field for field, like api/types.ts: to be
 * replaced by the types generated from the server's OpenAPI document (`/api/docs/json`). No logic here.
 */

export interface Option {
  code: string;
  label: string;
}

export interface FormatClassOption extends Option {
  formats: string[];
  formatRequired: boolean;
  sharingMethods: string[];
}

/** GET /api/catalog/meta */
export interface CatalogMeta {
  systemStatuses: Option[];
  deployments: Option[];
  networks: Option[];
  cloudMigrationStatuses: Option[];
  resourceCategories: Option[];
  formatClasses: FormatClassOption[];
  sharingTypes: Option[];
  sharingMethods: Option[];
  opennessTypes: Option[];
  updateCycles: Option[];
  dataItemTypes: Option[];
  lengthRequiredTypes: string[];
  resourceStates: Option[];
  resourceActions: Option[];
  cloudServiceCategories: Option[];
  cloudStatuses: Option[];
  me: {
    organisations: { id: string; name: string; kind: string; jurisdictionName: string }[];
    defaultOrganisationId: string | null;
    canEdit: boolean;
    manages: boolean;
    approvesCloud: boolean;
    readsJurisdiction: boolean;
    jurisdictions: { id: string; code: string; name: string }[];
  };
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface NearDuplicate {
  id: string;
  code: string;
  name: string;
  organisationName: string;
  score: number;
}

export interface SystemItem {
  id: string;
  code: string;
  name: string;
  ownerOrganisationId: string;
  ownerOrganisationName: string;
  jurisdictionId: string;
  jurisdictionName: string;
  purpose: string;
  /** 功能清单: one function per item (compared by 查重). */
  functions: string[];
  status: string;
  deployment: string;
  networks: string[];
  dedicatedNetworkApproval: string | null;
  mlpsLevel: number | null;
  projectRefs: string[];
  resourceCodes: string[];
  sharedOnPlatform: boolean;
  sharedResourceCount: number;
  cloudMigration: string;
  cloudExemptionReason: string | null;
  cloudMigrationDate: string | null;
  retirementDate: string | null;
  mergedInto: string | null;
  mergedIntoName: string | null;
  remarks: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  canEdit: boolean;
}

export interface SystemDetail {
  system: SystemItem;
  history: {
    status: string;
    fromStatus: string | null;
    at: string;
    effectiveDate: string | null;
    mergedInto: string | null;
    actorName: string | null;
    note: string | null;
  }[];
  resources: { code: string; name: string | null; state: string | null }[];
  nearDuplicates: NearDuplicate[];
}

/** The editable fields of a system (POST body; PATCH sends the changed ones with `version`). */
export interface SystemDraft {
  ownerOrganisationId?: string;
  name?: string;
  purpose?: string;
  functions?: string[];
  status?: string;
  deployment?: string;
  networks?: string[];
  dedicatedNetworkApproval?: string | null;
  mlpsLevel?: number | null;
  projectRefs?: string[];
  resourceCodes?: string[];
  sharedOnPlatform?: boolean;
  sharedResourceCount?: number | null;
  cloudMigration?: string;
  cloudExemptionReason?: string | null;
  cloudMigrationDate?: string | null;
  retirementDate?: string | null;
  mergedInto?: string | null;
  remarks?: string | null;
}

export interface DataItem {
  name: string;
  dataType: string;
  length: number | null;
}

export interface ResourceItem {
  id: string;
  code: string;
  category: string;
  name: string;
  providerOrganisationId: string;
  providerName: string;
  jurisdictionId: string;
  jurisdictionName: string;
  providerCode: string;
  summary: string;
  formatClass: string;
  formatType: string | null;
  dataItems: DataItem[];
  sharing: string;
  sharingConditions: string | null;
  sharingMethods: string[];
  openness: string;
  openConditions: string | null;
  updateCycle: string;
  publishedDate: string | null;
  relatedCodes: string[];
  sourceSystem: string | null;
  classified: boolean;
  state: string;
  registeredAt: string;
  submittedAt: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  publishedAt: string | null;
  updatedAt: string;
  version: number;
  canEdit: boolean;
  actions: ResourceAction[];
}

export type ResourceAction = 'submit' | 'publish' | 'return' | 'withdraw';

export interface ConflictEntry {
  resourceId: string;
  resourceCode: string;
  resourceName: string;
  provider: string;
  itemName: string;
  registeredAt: string;
}

export interface Conflict {
  id: string;
  article: 'SC-26';
  itemName: string;
  subjects: string[];
  proposedSource: ConflictEntry;
  departments: string[];
  entries: ConflictEntry[];
  score: number;
  message: string;
  status: 'open' | 'resolved';
  detectedAt: string;
  resolvedAt: string | null;
}

export interface ResourceDetail {
  resource: ResourceItem;
  conflicts: Conflict[];
  nearDuplicates: NearDuplicate[];
}

export interface ResourceDraft {
  providerOrganisationId?: string;
  code?: string;
  category?: string;
  name?: string;
  providerCode?: string;
  summary?: string;
  formatClass?: string;
  formatType?: string | null;
  dataItems?: { name: string; dataType: string; length?: number | null }[];
  sharing?: string;
  sharingConditions?: string | null;
  sharingMethods?: string[];
  openness?: string;
  openConditions?: string | null;
  updateCycle?: string;
  publishedDate?: string | null;
  relatedCodes?: string[];
  sourceSystem?: string | null;
  classified?: boolean;
}

export interface CloudServiceItem {
  id: string;
  code: string;
  jurisdictionId: string;
  jurisdictionName: string;
  name: string;
  category: string;
  spec: string;
  unit: string;
  unitPrice: number;
  provider: string;
  remarks: string | null;
  status: 'draft' | 'approved' | 'published';
  approvalsRequired: ('authority' | 'finance')[];
  authorityApprovedAt: string | null;
  authorityApproverName: string | null;
  financeApprovedAt: string | null;
  financeApproverName: string | null;
  publishedAt: string | null;
  updatedAt: string;
  version: number;
}

export interface CloudServiceDraft {
  name?: string;
  category?: string;
  spec?: string;
  unit?: string;
  unitPrice?: number;
  provider?: string;
  remarks?: string | null;
}

export interface MonthlyCount {
  month: string;
  count: number;
  previousCount: number;
  change: number;
  added: { id: string; name: string }[];
  retired: { id: string; name: string }[];
  merged: { id: string; name: string; into: string; intoName?: string }[];
  increased: boolean;
  article: 'DT-01';
  explanation: string;
}

/** GET /api/catalog/metrics/system-count */
export interface SystemCountMetric {
  jurisdiction: { id: string; code: string; name: string };
  from: string;
  to: string;
  months: MonthlyCount[];
  increases: number;
}

/** POST …/import → 200 */
export interface ImportResult {
  kind: string;
  rows: number;
  created: number;
  updated: number;
  codes: string[];
  conflictsOpen?: number;
}

/** A problem of a catalog entry (400 `problems`). */
export interface CatalogProblem {
  field: string;
  code: string;
  message: string;
  article?: string;
}
