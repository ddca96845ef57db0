/**
 * Named response and request types of the Tongchou HTTP API, as aliases of the types generated from
 * the OpenAPI document (./schema.ts, `npm run gen:api-types`). Nothing here is declared by hand except
 * the changes of a derived rulebook version, which the server validates itself (marked below).
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

/** GET /api/rulebooks/:code?version= (also the 201 of POST /api/rulebooks/:code/versions) */
export type RulebookDetail = ApiResponse<'/api/rulebooks/{jurisdiction}', 'get'>;
export type RuleRole = RulebookDetail['roles'][number];
export type RuleOrganisation = RulebookDetail['organisations'][number];
export type RuleStage = RulebookDetail['workflow']['stages'][number];
export type RuleStep = RuleStage['steps'][number];
export type RuleActor = RuleStep['actor'];
export type RuleOutcome = RuleStep['outcomes'][number];
export type RuleMaterial = RuleStep['materials'][number];
/** An article id with its full citation, e.g. `《…办法》第十九条（DT-19）`. */
export type ArticleRef = RuleStep['articles'][number];
/** A condition as data and as Chinese text. */
export type ConditionText = NonNullable<RuleStep['condition']>;
export type RuleDeadline = RulebookDetail['deadlines'][number];
export type DeadlineUnit = RuleDeadline['unit'];
export type RuleGate = RulebookDetail['gates'][number];

// The one request type declared by hand: the server takes a derivation's changes as `unknown[]` and
// checks each itself (RulebookChangeSchema), so that a bad change comes back in `problems`.

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
