/**
 * Response and request types of the Tongchou HTTP API.
 *
 * GENERATED FILE (to be): once the server publishes its OpenAPI document (`/api/docs/json`), this file
 * is regenerated from it and must not be edited by hand. Until then it mirrors, field for field, the API
 * contract of issue 2 (UI shell). Keep it free of logic so the swap to the generated file is mechanical.
 */

/** Every error body the server sends (4xx and 5xx). */
export interface ApiErrorBody {
  code: string;
  /** Chinese, shown to the user as is. */
  message: string;
  field?: string;
  /** Rule citation such as `DT-19` when a rulebook article refuses the action. */
  article?: string;
  requestId?: string;
  /** Every problem found, on the 400s that list them (calendar year rows, derived rulebooks). */
  problems?: unknown[];
}

// ---- auth ---------------------------------------------------------------------------------------

export interface MeUser {
  id: string;
  username: string;
  displayName: string;
  mustChangePassword: boolean;
  /** The password is older than the configured maximum age: it must be changed first. */
  passwordExpired: boolean;
  /** A TOTP authenticator is bound to the account. */
  mfaEnrolled: boolean;
  /** A second factor is required and not yet bound: only the enrolment page is open. */
  mfaEnrolmentRequired: boolean;
}

export interface MeRole {
  /** Canonical role code, e.g. `dept_staff`. */
  role: string;
  /** The role's name in the jurisdiction's own wording. */
  roleName: string;
  organisationId: string;
  organisationName: string;
  jurisdictionId: string;
  jurisdictionName: string;
  jurisdictionCode: string;
}

/** GET /api/auth/me, POST /api/auth/login */
export interface MeResponse {
  user: MeUser;
  roles: MeRole[];
  csrfToken: string;
}

/** POST /api/auth/login */
export interface LoginRequest {
  username: string;
  password: string;
}

/** POST /api/auth/login when a second factor is bound: a pending login, not a session. */
export interface MfaPendingResponse {
  mfaRequired: true;
  /** Send with the code to POST /api/auth/mfa within five minutes. */
  mfaToken: string;
  expiresAt: string;
}

export type LoginResponse = MeResponse | MfaPendingResponse;

/** POST /api/auth/mfa → MeResponse: exactly one of `code` and `recoveryCode`. */
export interface MfaStepRequest {
  mfaToken: string;
  code?: string;
  recoveryCode?: string;
}

/** POST /api/auth/mfa/enrolment */
export interface MfaEnrolmentStartResponse {
  /** Base32 secret for manual entry; shown once. */
  secret: string;
  otpauthUri: string;
  /** PNG QR code as a data: URL. */
  qrDataUrl: string;
  issuer: string;
  digits: number;
  period: number;
}

/** POST /api/auth/mfa/enrolment/confirm { code } */
export interface MfaEnrolmentConfirmResponse {
  /** Ten one-time recovery codes; shown once. */
  recoveryCodes: string[];
  csrfToken: string;
}

/** POST /api/auth/password → 204 */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

// ---- public -------------------------------------------------------------------------------------

export interface DemoAccount {
  username: string;
  password: string;
  displayName: string;
  roleNames: string[];
  jurisdictionName: string;
  organisationName: string;
}

/** GET /api/public/login-info */
export interface LoginInfoResponse {
  demo: boolean;
  platformName: string;
  demoAccounts: DemoAccount[];
}

// ---- organisations and jurisdictions ------------------------------------------------------------

export interface Organisation {
  id: string;
  name: string;
  kind: string;
  kindName: string;
  jurisdictionId: string;
  jurisdictionName: string;
  parentId: string | null;
  /** For the optimistic lock of PATCH /api/organisations/:id. */
  version?: number;
}

/** GET /api/organisations */
export interface OrganisationListResponse {
  items: Organisation[];
}

export interface Jurisdiction {
  id: string;
  code: string;
  name: string;
  level: string;
  parentId: string | null;
}

/** GET /api/jurisdictions */
export interface JurisdictionListResponse {
  items: Jurisdiction[];
}

// ---- users --------------------------------------------------------------------------------------

export interface UserRoleSummary {
  role: string;
  roleName: string;
  organisationName: string;
  jurisdictionName: string;
}

export interface UserSummary {
  id: string;
  username: string;
  displayName: string;
  disabled: boolean;
  /** Why the account is disabled: 'admin' or 'inactive'. */
  disabledReason?: string | null;
  /** Masked, e.g. 138****5678. */
  phoneMasked?: string | null;
  /** Masked, e.g. 110105********002X. */
  idNumberMasked?: string | null;
  version?: number;
  roles: UserRoleSummary[];
}

/** GET /api/users/:id/sensitive (system administrator; every view is audited) */
export interface UserSensitiveResponse {
  id: string;
  phone: string | null;
  idNumber: string | null;
}

/** GET /api/users */
export interface UserListResponse {
  items: UserSummary[];
}

// ---- audit --------------------------------------------------------------------------------------

export interface AuditEvent {
  id: number;
  /** ISO 8601 timestamp. */
  at: string;
  actorName: string | null;
  /** The person's name; null for anonymous attempts. */
  actorDisplayName?: string | null;
  role: string | null;
  organisationName: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  /** A user's, project's or organisation's name. */
  objectName?: string | null;
  outcome: string;
  sourceIp: string | null;
  requestId: string | null;
}

/** GET /api/audit?from&to&actor&action&limit&offset */
export interface AuditQuery {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  limit?: number;
  offset?: number;
}

export interface AuditListResponse {
  items: AuditEvent[];
  total: number;
}

// ---- rulebooks ----------------------------------------------------------------------------------

export type DeadlineUnit = 'working_days' | 'calendar_days' | 'calendar_months';

export interface CodeVersion {
  code: string;
  version: number;
}

/** GET /api/rulebooks: one item per version. */
export interface RulebookSummary {
  code: string;
  version: number;
  name: string;
  /** GB/T 2260 division code. */
  jurisdictionCode: string;
  jurisdictionName: string;
  effectiveFrom: string;
  regulationTitle: string;
  derivedFrom: CodeVersion | null;
  builtIn: boolean;
  latest: boolean;
  createdAt: string | null;
  createdByName: string | null;
}

export interface RulebookListResponse {
  items: RulebookSummary[];
}

/** An article id with its full citation, e.g. `《…办法》第十九条（DT-19）`. */
export interface ArticleRef {
  id: string;
  citation: string;
}

/** A condition as data and as Chinese text. */
export interface ConditionText {
  text: string;
  predicate: unknown;
}

export interface RuleActor {
  role: string;
  roleName: string;
  org: string;
  orgName: string;
}

export interface RuleMaterial {
  code: string;
  name: string;
  requirement: 'required' | 'conditional' | 'optional';
  requirementName: string;
  condition: ConditionText | null;
  summary: string;
  articles: ArticleRef[];
}

export interface RuleOutcome {
  event: string;
  eventName: string;
  name: string;
  next: { id: string; name: string }[];
  result: 'refused' | 'ended' | null;
  resultName: string | null;
}

export interface RuleStep {
  id: string;
  name: string;
  summary: string;
  actor: RuleActor;
  condition: ConditionText | null;
  action: string | null;
  actionName: string | null;
  recurring: boolean;
  outcomes: RuleOutcome[];
  materials: RuleMaterial[];
  articles: ArticleRef[];
}

export interface RuleStage {
  code: string;
  name: string;
  canonicalName: string;
  steps: RuleStep[];
}

export interface RuleRole {
  code: string;
  canonicalName: string;
  name: string;
  org: string | null;
  orgName: string | null;
  articles: ArticleRef[];
}

export interface RuleOrganisation {
  key: string;
  name: string;
  kind: string;
  kindName: string;
  generic: boolean;
  textWording: string | null;
  terms: { term: string; display: string; articles: ArticleRef[] }[];
  articles: ArticleRef[];
}

export interface RuleDeadline {
  id: string;
  name: string;
  anchor: { kind: 'event' | 'fact'; code: string; name: string };
  amount: number;
  unit: DeadlineUnit;
  unitName: string;
  periodText: string;
  obligation: string;
  owedBy: RuleActor;
  fulfilledBy: { event: string; name: string }[];
  stepId: string | null;
  appliesWhen: ConditionText | null;
  extension: { articles: ArticleRef[] } | null;
  consequence: string;
  consequenceGateId: string | null;
  summary: string;
  articles: ArticleRef[];
}

export interface RuleGate {
  id: string;
  name: string;
  actions: { code: string; name: string }[];
  appliesWhen: ConditionText | null;
  passWhen: ConditionText | null;
  severity: 'block' | 'warn';
  severityName: string;
  reason: string;
  summary: string;
  articles: ArticleRef[];
}

/** GET /api/rulebooks/:code?version= */
export interface RulebookDetail {
  code: string;
  version: number;
  name: string;
  jurisdictionCode: string;
  jurisdictionName: string;
  effectiveFrom: string;
  derivedFrom: CodeVersion | null;
  builtIn: boolean;
  createdAt: string | null;
  createdByName: string | null;
  changes: unknown[];
  versions: { version: number; effectiveFrom: string }[];
  regulation: { title: string; issuer: string; date: string | null; docNumber: string | null };
  notes: string[];
  articles: { id: string; label: string; citation: string }[];
  roles: RuleRole[];
  organisations: RuleOrganisation[];
  workflow: { start: { id: string; name: string }[]; stages: RuleStage[] };
  materials: (RuleMaterial & { stepId: string; stepName: string; stage: string })[];
  deadlines: RuleDeadline[];
  gates: RuleGate[];
  content: unknown;
}

/** One change of POST /api/rulebooks/:code/versions (the server validates every field). */
export type RulebookChange =
  | { op: 'set_deadline'; deadlineId: string; amount?: number; unit?: DeadlineUnit }
  | { op: 'rename_organisation'; key: string; name: string }
  | { op: 'set_role_name'; role: string; name: string }
  | {
      op: 'add_material';
      stepId: string;
      material: {
        code: string;
        name: string;
        requirement: 'required' | 'optional';
        articles: string[];
        summary: string;
      };
    }
  | { op: 'remove_material'; stepId: string; code: string }
  | { op: 'replace_text'; from: string; to: string };

/** POST /api/rulebooks/:code/versions → 201 RulebookDetail; 400 lists `problems` (strings). */
export interface DeriveRulebookRequest {
  baseCode: string;
  baseVersion?: number;
  jurisdictionCode: string;
  jurisdictionName?: string;
  name: string;
  effectiveFrom: string;
  regulation?: { title: string; issuer: string; date?: string; docNumber?: string };
  changes: RulebookChange[];
}

// ---- working-day calendar -----------------------------------------------------------------------

export type HolidayKind = 'holiday' | 'workday';

export interface CalendarYearSummary {
  year: number;
  known: boolean;
  /** `chinese-days` (initial data) or `admin`. */
  source: string | null;
  publishedRef: string | null;
  updatedAt: string | null;
  holidays: number;
  workdays: number;
}

/** GET /api/calendar/years */
export interface CalendarYearListResponse {
  items: CalendarYearSummary[];
}

export interface HolidayRow {
  date: string;
  kind: HolidayKind;
  name: string;
  source: string;
}

/** GET /api/calendar/years/:year */
export interface CalendarYearDetail {
  year: number;
  known: boolean;
  source: string | null;
  publishedRef: string | null;
  /** Optimistic-concurrency token: send it back unchanged when saving. */
  updatedAt: string | null;
  rows: HolidayRow[];
}

export interface HolidayProblem {
  severity: 'error' | 'warning';
  code: string;
  row: number | null;
  /** `rows.3.date`, `publishedRef`, or null for the whole year. */
  field: string | null;
  message: string;
}

/** PUT /api/calendar/years/:year → 200 SaveCalendarYearResponse; 400 lists `problems` (HolidayProblem). */
export interface SaveCalendarYearRequest {
  rows: { date: string; kind: HolidayKind; name: string }[];
  publishedRef: string;
  updatedAt: string | null;
}

export interface SaveCalendarYearResponse {
  year: CalendarYearDetail;
  warnings: HolidayProblem[];
}

/** GET /api/calendar/compute?from&amount&unit */
export interface ComputeResponse {
  from: string;
  amount: number;
  unit: DeadlineUnit;
  date: string;
  known: boolean;
  unknownYears: number[];
}
