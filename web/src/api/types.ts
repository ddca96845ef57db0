/**
 * Named response and request types of the Tongchou HTTP API, as aliases of the types generated from
 * the OpenAPI document (./schema.ts, `npm run gen:api-types`). Nothing here is declared by hand except
 * the typed views of the parts the server's schema leaves `unknown` (a rulebook's workflow, roles,
 * deadlines and gates; a derived version's changes), marked below.
 */
import type { ApiBody, ApiQuery, ApiResponse } from './client.ts';

export type { ApiErrorBody } from './client.ts';

// ---- auth ---------------------------------------------------------------------------------------

/** GET /api/auth/me, POST /api/auth/login */
export type MeResponse = ApiResponse<'/api/auth/me', 'get'>;
export type MeUser = MeResponse['user'];
export type MeRole = MeResponse['roles'][number];

export type LoginRequest = ApiBody<'/api/auth/login', 'post'>;
export type LoginResponse = ApiResponse<'/api/auth/login', 'post'>;
/** POST /api/auth/login when a second factor is bound: a pending login, not a session. */
export type MfaPendingResponse = Extract<LoginResponse, { mfaRequired: true }>;
/** POST /api/auth/mfa → MeResponse: exactly one of `code` and `recoveryCode`. */
export type MfaStepRequest = ApiBody<'/api/auth/mfa', 'post'>;
export type MfaEnrolmentStartResponse = ApiResponse<'/api/auth/mfa/enrolment', 'post'>;
export type MfaEnrolmentConfirmResponse = ApiResponse<'/api/auth/mfa/enrolment/confirm', 'post'>;
/** POST /api/auth/password → 204 */
export type ChangePasswordRequest = ApiBody<'/api/auth/password', 'post'>;

// ---- public -------------------------------------------------------------------------------------

export type LoginInfoResponse = ApiResponse<'/api/public/login-info', 'get'>;
export type DemoAccount = LoginInfoResponse['demoAccounts'][number];

// ---- organisations and jurisdictions ------------------------------------------------------------

export type OrganisationListResponse = ApiResponse<'/api/organisations', 'get'>;
export type Organisation = OrganisationListResponse['items'][number];
export type JurisdictionListResponse = ApiResponse<'/api/jurisdictions', 'get'>;
export type Jurisdiction = JurisdictionListResponse['items'][number];

// ---- users --------------------------------------------------------------------------------------

export type UserListResponse = ApiResponse<'/api/users', 'get'>;
export type UserSummary = UserListResponse['items'][number];
export type UserRoleSummary = UserSummary['roles'][number];
/** GET /api/users/:id/sensitive (system administrator; every view is audited) */
export type UserSensitiveResponse = ApiResponse<'/api/users/{id}/sensitive', 'get'>;

// ---- audit --------------------------------------------------------------------------------------

export type AuditListResponse = ApiResponse<'/api/audit', 'get'>;
export type AuditEvent = AuditListResponse['items'][number];
export type AuditQuery = ApiQuery<'/api/audit', 'get'>;

// ---- rulebooks ----------------------------------------------------------------------------------

export type RulebookListResponse = ApiResponse<'/api/rulebooks', 'get'>;
/** GET /api/rulebooks: one item per version. */
export type RulebookSummary = RulebookListResponse['items'][number];
export type CodeVersion = NonNullable<RulebookSummary['derivedFrom']>;

export type DeadlineUnit = 'working_days' | 'calendar_days' | 'calendar_months';

// Typed views of what GET /api/rulebooks/:code declares as `unknown` (its schema does not describe
// the workflow, roles, organisations, materials, deadlines and gates). Declared here until the
// server's schema does; then they become aliases like the rest.

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

type GeneratedRulebookDetail = ApiResponse<'/api/rulebooks/{jurisdiction}', 'get'>;

/** GET /api/rulebooks/:code?version= (the generated type, with the views above for its `unknown` parts) */
export type RulebookDetail = Omit<
  GeneratedRulebookDetail,
  'roles' | 'organisations' | 'workflow' | 'materials' | 'deadlines' | 'gates'
> & {
  roles: RuleRole[];
  organisations: RuleOrganisation[];
  workflow: { start: { id: string; name: string }[]; stages: RuleStage[] };
  materials: (RuleMaterial & { stepId: string; stepName: string; stage: string })[];
  deadlines: RuleDeadline[];
  gates: RuleGate[];
};

/** One change of POST /api/rulebooks/:code/versions (the server's schema says `unknown[]`; it validates each). */
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
export type DeriveRulebookRequest = Omit<
  ApiBody<'/api/rulebooks/{jurisdiction}/versions', 'post'>,
  'changes'
> & {
  changes: RulebookChange[];
};

// ---- working-day calendar -----------------------------------------------------------------------

export type CalendarYearListResponse = ApiResponse<'/api/calendar/years', 'get'>;
export type CalendarYearSummary = CalendarYearListResponse['items'][number];
/** GET /api/calendar/years/:year */
export type CalendarYearDetail = ApiResponse<'/api/calendar/years/{year}', 'get'>;
export type HolidayRow = CalendarYearDetail['rows'][number];
export type HolidayKind = HolidayRow['kind'];
/** PUT /api/calendar/years/:year → 200 SaveCalendarYearResponse; 400 lists `problems` (HolidayProblem). */
export type SaveCalendarYearRequest = ApiBody<'/api/calendar/years/{year}', 'put'>;
export type SaveCalendarYearResponse = ApiResponse<'/api/calendar/years/{year}', 'put'>;
export type HolidayProblem = SaveCalendarYearResponse['warnings'][number];
/** GET /api/calendar/compute?from&amount&unit */
export type ComputeResponse = ApiResponse<'/api/calendar/compute', 'get'>;
