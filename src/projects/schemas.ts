/**
 * Request and response schemas of the project routes. Bodies reject unknown fields and carry no
 * status, approver or decision field (mass assignment, SECURITY.md 15): state changes only through
 * the named workflow routes. Money is a yuan decimal string with at most two decimals.
 */
import Type, { type Static } from 'typebox';
import { Literals, Nullable, pagingQuery, strict, Uuid, VersionInput } from '../platform/http/schemas.ts';
import {
  DECLARATIONS,
  EXPERT_CONCLUSION_CODES,
  EXPERT_FIELD_CODES,
  FUNDING_MODE_CODES,
  PLAN_KIND_CODES,
  PROJECT_CATEGORY_CODES,
  PROJECT_STATE_CODES,
  PROJECT_TYPE_CODES,
  RESOURCE_RELATION_CODES,
  REVIEW_FINDINGS,
  SYSTEM_RELATION_CODES,
} from './model.ts';

/** A file sent as the response body (a download); OpenAPI shows it as binary. */
export const FileDownload = (description: string) =>
  Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description });
export const Yuan = Type.String({
  pattern: '^(0|[1-9][0-9]{0,12})(\\.[0-9]{1,2})?$',
  description: '金额（元），至多两位小数，如 1280000.50',
});
const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });

const BudgetYear = Type.Object({ year: Year, amount: Yuan }, strict);
const SystemInput = Type.Object(
  {
    systemId: Nullable(Uuid),
    name: Nullable(Text(100, 1)),
    relation: Literals(SYSTEM_RELATION_CODES),
  },
  { ...strict, description: '目录中的系统（systemId），或尚未列入目录的系统名称（name）' },
);
const ResourceInput = Type.Object({ resourceId: Uuid, relation: Literals(RESOURCE_RELATION_CODES) }, strict);
const CloudServiceInput = Type.Object({ serviceId: Nullable(Uuid), name: Text(100, 1) }, strict);
const ProjectOwnerInput = Type.Object(
  { name: Text(50, 1), title: Text(50), phone: Type.String({ pattern: '^[0-9+ -]{0,20}$' }) },
  strict,
);
const TargetInput = Type.Object({ indicator: Text(100, 1), target: Text(200, 1) }, strict);
const DeclarationsInput = Type.Object(
  Object.fromEntries(DECLARATIONS.map((d) => [d, Type.Optional(Type.Boolean())])),
  strict,
);

const applicationFields = {
  name: Text(100, 2),
  type: Literals(PROJECT_TYPE_CODES),
  category: Literals(PROJECT_CATEGORY_CODES),
  fundingMode: Literals(FUNDING_MODE_CODES),
  summary: Text(5000),
  planEntryId: Nullable(Uuid),
  parentProjectId: Nullable(Uuid),
  shareOfParent: Nullable(Yuan),
  coBuilderIds: Type.Array(Uuid, { maxItems: 30 }),
  totalBudget: Yuan,
  budgetByYear: Type.Array(BudgetYear, { maxItems: 20 }),
  systems: Type.Array(SystemInput, { maxItems: 50 }),
  resources: Type.Array(ResourceInput, { maxItems: 200 }),
  cloudServices: Type.Array(CloudServiceInput, { maxItems: 50 }),
  dedicatedNetwork: Type.Boolean(),
  classified: Type.Boolean(),
  dedicatedNetworkBasis: Nullable(Text(2000)),
  projectOwner: Nullable(ProjectOwnerInput),
  performanceTargets: Type.Array(TargetInput, { maxItems: 50 }),
  declarations: DeclarationsInput,
};

type Fields = typeof applicationFields;
type OptionalFields = { [K in keyof Fields]: ReturnType<typeof Type.Optional<Fields[K]>> };
const optional = Object.fromEntries(
  Object.entries(applicationFields).map(([k, v]) => [k, Type.Optional(v)]),
) as OptionalFields;

export const CreateProjectBody = Type.Object(
  {
    ...optional,
    name: applicationFields.name,
    type: applicationFields.type,
    category: applicationFields.category,
    fundingMode: applicationFields.fundingMode,
    totalBudget: applicationFields.totalBudget,
    organisationId: Type.Optional(Uuid),
  },
  strict,
);
export type CreateProjectInput = Static<typeof CreateProjectBody>;

export const UpdateProjectBody = Type.Object({ ...optional, version: VersionInput }, strict);
export type UpdateProjectInput = Static<typeof UpdateProjectBody>;
export type ApplicationInput = Omit<UpdateProjectInput, 'version'>;

export const ProjectParams = Type.Object({ id: Uuid }, strict);
export const StepParams = Type.Object(
  { id: Uuid, stepId: Type.String({ pattern: '^[a-z0-9_.-]{3,80}$' }) },
  strict,
);
export const MaterialParams = Type.Object({ id: Uuid, materialId: Uuid }, strict);

export const DecisionBody = Type.Object(
  {
    outcome: Type.String({
      pattern: '^[a-z_]{3,40}$',
      description: '规则集步骤的结果事件（必填：办理结果须由办理人明确选择，不预设为通过）',
    }),
    opinion: Text(2000),
    reasons: Type.Optional(
      Type.Array(Text(500, 1), { maxItems: 20, description: '不予备案等否定结论的理由' }),
    ),
  },
  strict,
);
export type DecisionInput = Static<typeof DecisionBody>;

/** 认定 (JC 五.1/五.2): a fact the step's rulebook lets its actor establish, with the reason. */
export const FindingBody = Type.Object(
  {
    fact: Type.String({ pattern: '^[A-Za-z]{2,40}$', description: '规则集事实（见规则集步骤的 findings）' }),
    value: Type.Union([Type.Boolean(), Type.Null()], { description: 'true/false 认定，null 撤销认定' }),
    reason: Text(2000, 2),
  },
  strict,
);
export type FindingInput = Static<typeof FindingBody>;

export const ReturnBody = Type.Object(
  { to: Literals(['previous', 'applicant']), reason: Text(2000, 2) },
  strict,
);
export const WithdrawBody = Type.Object({ reason: Text(2000) }, strict);
export const ReassignBody = Type.Object({ userId: Uuid, note: Text(500) }, strict);
export const UrgeBody = Type.Object({ message: Text(500) }, strict);
export const CommentBody = Type.Object({ text: Text(2000, 1) }, strict);

export const ListQuery = Type.Object(
  {
    state: Type.Optional(Literals(PROJECT_STATE_CODES)),
    q: Type.Optional(Text(50)),
    mine: Type.Optional(Type.Boolean({ description: '只看本单位申报或共建的项目' })),
    organisationId: Type.Optional(Uuid),
    ...pagingQuery({ max: 200, defaultLimit: 50, maxOffset: 100_000 }),
  },
  strict,
);

export const DownloadQuery = Type.Object({ format: Type.Optional(Literals(['docx', 'pdf'])) }, strict);

// ---- review ---------------------------------------------------------------------------------------

const DimensionOpinion = Type.Object(
  { score: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })), opinion: Text(2000) },
  strict,
);
export const ReviewBody = Type.Object(
  {
    opinions: Type.Object(
      {
        need: Type.Optional(DimensionOpinion),
        consolidation: Type.Optional(DimensionOpinion),
        feasibility: Type.Optional(DimensionOpinion),
        budget: Type.Optional(DimensionOpinion),
        targets: Type.Optional(DimensionOpinion),
      },
      strict,
    ),
    sharingAnalysisOpinion: Type.Optional(Nullable(Text(2000))),
    findings: Type.Optional(
      Type.Object(
        Object.fromEntries(REVIEW_FINDINGS.map((f) => [f, Type.Optional(Nullable(Type.Boolean()))])),
        {
          ...strict,
          description: '审核发现：true/false 认定，null 撤销认定（恢复为申报单位的声明）',
        },
      ),
    ),
    version: Type.Optional(VersionInput),
  },
  strict,
);
export type ReviewInput = Static<typeof ReviewBody>;

export const AssignExpertBody = Type.Object(
  {
    userId: Uuid,
    kind: Literals(['expert', 'evaluator']),
    field: Nullable(Literals(EXPERT_FIELD_CODES)),
  },
  strict,
);
export const ExpertOpinionBody = Type.Object(
  { opinion: Text(5000, 2), conclusion: Literals(EXPERT_CONCLUSION_CODES) },
  strict,
);
export const ExpertProfileBody = Type.Object(
  {
    userId: Uuid,
    fields: Type.Array(Literals(EXPERT_FIELD_CODES), { minItems: 1, maxItems: 6 }),
    employerOrganisationId: Nullable(Uuid),
    title: Text(50),
  },
  strict,
);
export const AssessmentBody = Type.Object(
  {
    organisationId: Uuid,
    year: Year,
    score: Type.Integer({ minimum: 0, maximum: 100 }),
    grade: Literals(['excellent', 'good', 'pass', 'fail']),
    summary: Text(2000),
  },
  strict,
);
export const AssessmentQuery = Type.Object(
  { organisationId: Type.Optional(Uuid), year: Type.Optional(Year) },
  strict,
);

// ---- plans ----------------------------------------------------------------------------------------

export const CreatePlanBody = Type.Object(
  {
    kind: Literals(PLAN_KIND_CODES),
    title: Text(100, 2),
    year: Year,
    endYear: Type.Optional(Year),
    summary: Text(5000),
    organisationId: Type.Optional(Uuid),
  },
  strict,
);
export const UpdatePlanBody = Type.Object(
  {
    title: Type.Optional(Text(100, 2)),
    summary: Type.Optional(Text(5000)),
    endYear: Type.Optional(Year),
    version: VersionInput,
  },
  strict,
);
export const PlanEntryBody = Type.Object(
  {
    organisationId: Uuid,
    projectName: Text(100, 2),
    estimatedBudget: Yuan,
    year: Year,
    summary: Text(2000),
  },
  strict,
);
export const PlanDecisionBody = Type.Object(
  { decision: Literals(['approve', 'return', 'refuse']), opinion: Text(2000) },
  strict,
);
export const PlanEntryParams = Type.Object({ id: Uuid, entryId: Uuid }, strict);
export const JurisdictionQuery = Type.Object(
  {
    jurisdiction: Type.Optional(
      Type.String({ pattern: '^[A-Z][A-Z0-9-]{1,15}$', description: '行政区划代码' }),
    ),
  },
  strict,
);
export const PlanEntriesQuery = Type.Object({ organisationId: Type.Optional(Uuid) }, strict);
