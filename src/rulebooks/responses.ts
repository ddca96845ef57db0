/**
 * Response schemas of the rulebook routes (TypeBox), exactly as the presenters (./present.ts) build
 * them from the rule model (src/rules/model.ts): every code with its Chinese name, every condition as
 * data and as Chinese text, every article id with its full citation. Only the raw rule data stays
 * free-form: a condition's `predicate` (the model's recursive Predicate), a derived version's stored
 * `changes` (each checked by RulebookChangeSchema when derived) and `content` (the rulebook itself).
 */
import { Type } from 'typebox';
import {
  DEADLINE_UNITS,
  EVENT_TYPES,
  GATE_ACTIONS,
  ORG_KINDS,
  ROLE_CODES,
  STAGE_CODES,
} from '../rules/index.ts';

const strict = { additionalProperties: false } as const;
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const CodeVersion = Type.Object({ code: Type.String(), version: Type.Integer() }, strict);

const RulebookListItem = Type.Object(
  {
    code: Type.String(),
    version: Type.Integer(),
    name: Type.String(),
    jurisdictionCode: Type.String({ description: 'GB/T 2260 行政区划代码' }),
    jurisdictionName: Type.String(),
    effectiveFrom: Type.String(),
    regulationTitle: Type.String(),
    derivedFrom: Nullable(CodeVersion),
    builtIn: Type.Boolean({ description: '内置规则集（随平台发布）或管理员派生的版本' }),
    latest: Type.Boolean({ description: '是否为该规则集的最新版本' }),
    createdAt: Nullable(Type.String()),
    createdByName: Nullable(Type.String()),
  },
  strict,
);

const ArticleRef = Type.Object(
  { id: Type.String(), citation: Type.String({ description: '条款全称，如《…办法》第十九条（DT-19）' }) },
  strict,
);
const Articles = Type.Array(ArticleRef);
const Named = Type.Object({ id: Type.String(), name: Type.String() }, strict);
const Stage = Type.Enum(STAGE_CODES);
const GateActionCode = Type.Enum(GATE_ACTIONS);
const Severity = Type.Enum(['block', 'warn'] as const);
const RoleCode = Type.Enum(ROLE_CODES);
const EventType = Type.Enum(EVENT_TYPES);

/** A condition as data (the model's Predicate) and as Chinese text. */
const Condition = Nullable(
  Type.Object(
    {
      text: Type.String(),
      predicate: Type.Unknown({ description: '条件的数据形式（Predicate，见 src/rules/model.ts）' }),
    },
    strict,
  ),
);

const RuleActor = Type.Object(
  { role: RoleCode, roleName: Type.String(), org: Type.String(), orgName: Type.String() },
  strict,
);

const materialFields = {
  code: Type.String(),
  name: Type.String(),
  requirement: Type.Enum(['required', 'conditional', 'optional'] as const),
  requirementName: Type.String(),
  condition: Condition,
  summary: Type.String(),
  articles: Articles,
};
const RuleMaterial = Type.Object(materialFields, strict);

const RuleOutcome = Type.Object(
  {
    event: EventType,
    eventName: Type.String(),
    name: Type.String(),
    next: Type.Array(Named),
    result: Nullable(Type.Enum(['refused', 'ended'] as const)),
    resultName: Nullable(Type.String()),
  },
  strict,
);

const RuleStep = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    summary: Type.String(),
    actor: RuleActor,
    condition: Condition,
    action: Nullable(GateActionCode),
    actionName: Nullable(Type.String()),
    recurring: Type.Boolean(),
    outcomes: Type.Array(RuleOutcome),
    materials: Type.Array(RuleMaterial),
    articles: Articles,
  },
  strict,
);

const RuleStage = Type.Object(
  { code: Stage, name: Type.String(), canonicalName: Type.String(), steps: Type.Array(RuleStep) },
  strict,
);

const RuleRole = Type.Object(
  {
    code: RoleCode,
    canonicalName: Type.String(),
    name: Type.String(),
    org: Nullable(Type.String()),
    orgName: Nullable(Type.String()),
    articles: Articles,
  },
  strict,
);

const RuleOrganisation = Type.Object(
  {
    key: Type.String(),
    name: Type.String(),
    kind: Type.Enum(ORG_KINDS),
    kindName: Type.String(),
    generic: Type.Boolean(),
    textWording: Nullable(Type.String()),
    terms: Type.Array(
      Type.Object({ term: Type.String(), display: Type.String(), articles: Articles }, strict),
    ),
    articles: Articles,
  },
  strict,
);

const RuleDeadline = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    anchor: Type.Object(
      { kind: Type.Enum(['event', 'fact'] as const), code: Type.String(), name: Type.String() },
      strict,
    ),
    amount: Type.Integer(),
    unit: Type.Enum(DEADLINE_UNITS),
    unitName: Type.String(),
    periodText: Type.String(),
    obligation: Type.String(),
    owedBy: RuleActor,
    fulfilledBy: Type.Array(Type.Object({ event: EventType, name: Type.String() }, strict)),
    stepId: Nullable(Type.String()),
    appliesWhen: Condition,
    extension: Nullable(Type.Object({ articles: Articles }, strict)),
    consequence: Type.String(),
    consequenceGateId: Nullable(Type.String()),
    summary: Type.String(),
    articles: Articles,
  },
  strict,
);

const RuleGate = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    actions: Type.Array(Type.Object({ code: GateActionCode, name: Type.String() }, strict)),
    appliesWhen: Condition,
    passWhen: Condition,
    severity: Severity,
    severityName: Type.String(),
    reason: Type.String(),
    summary: Type.String(),
    articles: Articles,
  },
  strict,
);

export const RulebookDetail = Type.Object(
  {
    code: Type.String(),
    version: Type.Integer(),
    name: Type.String(),
    jurisdictionCode: Type.String(),
    jurisdictionName: Type.String(),
    effectiveFrom: Type.String(),
    derivedFrom: Nullable(CodeVersion),
    builtIn: Type.Boolean(),
    createdAt: Nullable(Type.String()),
    createdByName: Nullable(Type.String()),
    changes: Type.Array(Type.Unknown(), { description: '派生时的变更列表（各项见 RulebookChangeSchema）' }),
    versions: Type.Array(Type.Object({ version: Type.Integer(), effectiveFrom: Type.String() }, strict)),
    regulation: Type.Object(
      {
        title: Type.String(),
        issuer: Type.String(),
        date: Nullable(Type.String()),
        docNumber: Nullable(Type.String()),
      },
      strict,
    ),
    notes: Type.Array(Type.String()),
    articles: Type.Array(
      Type.Object({ id: Type.String(), label: Type.String(), citation: Type.String() }, strict),
    ),
    roles: Type.Array(RuleRole, { description: '规范角色 → 本地名称、所属机构、条款' }),
    organisations: Type.Array(RuleOrganisation),
    workflow: Type.Object(
      { start: Type.Array(Named), stages: Type.Array(RuleStage) },
      { ...strict, description: '阶段 → 步骤（办理主体、适用条件及其中文表述、结果、材料、条款）' },
    ),
    materials: Type.Array(
      Type.Object(
        { stepId: Type.String(), stepName: Type.String(), stage: Stage, ...materialFields },
        strict,
      ),
    ),
    deadlines: Type.Array(RuleDeadline),
    gates: Type.Array(RuleGate),
    content: Type.Unknown({ description: '规则集原始数据（可经 loadRulebook 载入）' }),
  },
  strict,
);
const GateResult = Type.Object(
  {
    gateId: Type.String(),
    name: Type.String(),
    action: GateActionCode,
    applicable: Type.Boolean(),
    passed: Type.Boolean(),
    severity: Severity,
    reason: Type.String(),
    article: Type.String(),
    articles: Type.Array(Type.String()),
    citation: Type.String(),
  },
  strict,
);

const OpenStep = Type.Object(
  {
    stepId: Type.String(),
    name: Type.String(),
    stage: Stage,
    stageName: Type.String(),
    actor: RuleActor,
    action: Nullable(GateActionCode),
    actionName: Nullable(Type.String()),
    blocked: Type.Boolean(),
    gates: Type.Array(GateResult),
    requiredMaterials: Type.Array(
      Type.Object({ code: Type.String(), name: Type.String(), articles: Articles }, strict),
    ),
    articles: Articles,
  },
  strict,
);

const StepState = Type.Object(
  {
    stepId: Type.String(),
    name: Type.String(),
    stage: Stage,
    status: Type.Enum(['done', 'open', 'skipped', 'not_reached', 'closed'] as const),
    outcome: Nullable(Type.Object({ event: EventType, name: Type.String(), at: Type.String() }, strict)),
  },
  strict,
);

const ObligationState = Type.Object(
  {
    deadlineId: Type.String(),
    name: Type.String(),
    obligation: Type.String(),
    owedBy: RuleActor,
    stepId: Nullable(Type.String()),
    anchor: Type.String({ description: '起算事件，或 fact:<名称>' }),
    anchorDate: Type.String(),
    ref: Nullable(Type.String()),
    amount: Type.Integer(),
    unit: Type.Enum(DEADLINE_UNITS),
    periodText: Type.String(),
    dueDate: Nullable(Type.String()),
    calendarKnown: Type.Boolean(),
    unknownYears: Type.Array(Type.Integer()),
    extended: Type.Boolean(),
    extensionPending: Type.Boolean(),
    status: Type.Enum(['open', 'fulfilled'] as const),
    fulfilledAt: Nullable(Type.String()),
    late: Type.Boolean(),
    overdue: Type.Boolean(),
    daysOverdue: Type.Integer(),
    workingDaysOverdue: Nullable(Type.Integer()),
    consequence: Type.String(),
    articles: Articles,
  },
  strict,
);

const ActionGates = Type.Object(
  {
    action: GateActionCode,
    actionName: Type.String(),
    allowed: Type.Boolean(),
    results: Type.Array(GateResult),
  },
  strict,
);

export const EvaluateResponse = Type.Object(
  {
    rulebook: Type.Object({ code: Type.String(), version: Type.Integer(), name: Type.String() }, strict),
    today: Type.String(),
    status: Type.Enum(['active', 'refused', 'ended', 'terminated'] as const),
    roles: Type.Array(RoleCode, { description: '据以筛选下一步的调用者角色' }),
    nextSteps: Type.Array(OpenStep, { description: '调用者角色可办理的下一步（含闸口与所需材料）' }),
    steps: Type.Array(StepState),
    obligations: Type.Array(ObligationState, {
      description: '未履行的义务及到期日；日历未知时 dueDate 为 null、calendarKnown 为 false',
    }),
    gates: Type.Array(ActionGates, { description: '各受控动作的闸口结果' }),
    calendarKnownYears: Type.Array(Type.Integer()),
  },
  strict,
);

export const RulebookList = Type.Object({ items: Type.Array(RulebookListItem) }, strict);
