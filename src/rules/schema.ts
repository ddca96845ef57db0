/**
 * The rulebook schema (TypeBox). `loadRulebook` is the only way in: it validates the shape, then
 * runs the semantic checks (semantics.ts: unique ids, next steps, actors, articles, predicates,
 * deadlines) and throws one error listing every problem found.
 */
import Type, { type Static } from 'typebox';
import { Value } from 'typebox/value';
import { DomainError } from '../platform/errors.ts';
import {
  APPLICATION_FIELDS,
  DEADLINE_UNITS,
  EVENT_TYPES,
  type FactName,
  GATE_ACTIONS,
  GATE_STRENGTHS,
  GOVERNMENT_CLOUD_DEPLOYMENTS,
  ORG_KINDS,
  ROLE_CODES,
  type Rulebook,
  STAGE_CODES,
} from './model.ts';
import { semanticProblems } from './semantics.ts';
import { FACT_CATALOG } from './vocabulary.ts';

const FACT_NAMES = Object.keys(FACT_CATALOG) as FactName[];

const strict = { additionalProperties: false } as const;
const NonEmpty = Type.String({ minLength: 1 });
const IsoDateString = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const Ids = Type.Array(NonEmpty);
const FactValueSchema = Type.Union([Type.Boolean(), Type.String(), Type.Number()]);
const EventTypeSchema = Type.Enum(EVENT_TYPES);
const FactNameSchema = Type.Enum(FACT_NAMES);

export const PredicateSchema = Type.Cyclic(
  {
    Predicate: Type.Union([
      Type.Object({ all: Type.Array(Type.Ref('Predicate')) }, strict),
      Type.Object({ any: Type.Array(Type.Ref('Predicate')) }, strict),
      Type.Object({ not: Type.Ref('Predicate') }, strict),
      Type.Object({ fact: FactNameSchema, equals: FactValueSchema }, strict),
      Type.Object({ fact: FactNameSchema, in: Type.Array(FactValueSchema) }, strict),
      Type.Object({ fact: FactNameSchema, exists: Type.Boolean() }, strict),
      Type.Object(
        { event: EventTypeSchema, happened: Type.Boolean(), stepId: Type.Optional(NonEmpty) },
        strict,
      ),
      Type.Object({ each: EventTypeSchema, followedBy: EventTypeSchema }, strict),
    ]),
  },
  'Predicate',
);

const ActorSchema = Type.Object({ role: Type.Enum(ROLE_CODES), org: NonEmpty }, strict);
const PlanStepSchema = Type.Object(
  {
    id: NonEmpty,
    name: NonEmpty,
    org: NonEmpty,
    roles: Type.Array(Type.Enum(ROLE_CODES), { minItems: 1 }),
    level: Type.Enum(['own', 'home'] as const),
    canRefuse: Type.Boolean(),
    articles: Type.Array(NonEmpty),
    summary: NonEmpty,
  },
  strict,
);

const LocalTermSchema = Type.Object({ term: NonEmpty, display: NonEmpty, articles: Ids }, strict);

export const OrganisationSchema = Type.Object(
  {
    key: NonEmpty,
    name: NonEmpty,
    kind: Type.Enum(ORG_KINDS),
    terms: Type.Array(LocalTermSchema),
    generic: Type.Optional(Type.Boolean()),
    textWording: Type.Optional(NonEmpty),
    articles: Ids,
  },
  strict,
);

const RoleDefSchema = Type.Object(
  { code: Type.Enum(ROLE_CODES), name: NonEmpty, org: Type.Optional(NonEmpty), articles: Ids },
  strict,
);

export const MaterialSchema = Type.Object(
  {
    code: NonEmpty,
    name: NonEmpty,
    requirement: Type.Enum(['required', 'conditional', 'optional'] as const),
    condition: Type.Optional(PredicateSchema),
    articles: Ids,
    summary: NonEmpty,
  },
  strict,
);

const OutcomeSchema = Type.Object(
  {
    event: EventTypeSchema,
    name: NonEmpty,
    next: Ids,
    result: Type.Optional(Type.Enum(['refused', 'ended'] as const)),
  },
  strict,
);

const StepSchema = Type.Object(
  {
    id: NonEmpty,
    name: NonEmpty,
    summary: NonEmpty,
    actor: ActorSchema,
    articles: Ids,
    condition: Type.Optional(PredicateSchema),
    skipTo: Type.Optional(Ids),
    action: Type.Optional(Type.Enum(GATE_ACTIONS)),
    outcomes: Type.Array(OutcomeSchema, { minItems: 1 }),
    materials: Type.Array(MaterialSchema),
    recurring: Type.Optional(Type.Boolean()),
    findings: Type.Optional(Type.Array(FactNameSchema)),
    commissionedBy: Type.Optional(ActorSchema),
  },
  strict,
);

const StageSchema = Type.Object(
  { code: Type.Enum(STAGE_CODES), name: NonEmpty, steps: Type.Array(StepSchema) },
  strict,
);

const DeadlineSchema = Type.Object(
  {
    id: NonEmpty,
    name: NonEmpty,
    anchor: Type.Union([
      Type.Object({ event: EventTypeSchema }, strict),
      Type.Object({ fact: FactNameSchema }, strict),
    ]),
    amount: Type.Integer({ minimum: 0 }),
    unit: Type.Enum(DEADLINE_UNITS),
    obligation: NonEmpty,
    owedBy: ActorSchema,
    fulfilledBy: Type.Array(EventTypeSchema, { minItems: 1 }),
    stepId: Type.Optional(NonEmpty),
    appliesWhen: Type.Optional(PredicateSchema),
    extension: Type.Optional(
      Type.Object(
        {
          requestEvent: EventTypeSchema,
          grantEvent: EventTypeSchema,
          refuseEvent: EventTypeSchema,
          articles: Ids,
          decidedBy: Type.Optional(ActorSchema),
          maxRequests: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
          maxCalendarMonths: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
          limitsNote: Type.Optional(NonEmpty),
        },
        strict,
      ),
    ),
    consequence: Type.Object({ text: NonEmpty, gateId: Type.Optional(NonEmpty) }, strict),
    articles: Ids,
    summary: NonEmpty,
  },
  strict,
);

const GateSchema = Type.Object(
  {
    id: NonEmpty,
    name: NonEmpty,
    actions: Type.Array(Type.Enum(GATE_ACTIONS), { minItems: 1 }),
    appliesWhen: Type.Optional(PredicateSchema),
    passWhen: PredicateSchema,
    severity: Type.Enum(['block', 'warn'] as const),
    strength: Type.Optional(Type.Enum(GATE_STRENGTHS)),
    reason: NonEmpty,
    articles: Ids,
    summary: NonEmpty,
  },
  strict,
);

export const RulebookSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$' }),
    jurisdictionCode: NonEmpty,
    jurisdictionName: NonEmpty,
    version: Type.Integer({ minimum: 1 }),
    effectiveFrom: IsoDateString,
    derivedFrom: Type.Optional(Type.Object({ id: NonEmpty, version: Type.Integer({ minimum: 1 }) }, strict)),
    name: NonEmpty,
    regulation: Type.Object(
      {
        title: NonEmpty,
        issuer: NonEmpty,
        date: Type.Optional(IsoDateString),
        docNumber: Type.Optional(NonEmpty),
      },
      strict,
    ),
    notes: Type.Array(NonEmpty),
    articles: Type.Array(Type.Object({ id: NonEmpty, label: NonEmpty }, strict)),
    roles: Type.Array(RoleDefSchema),
    organisations: Type.Array(OrganisationSchema),
    workflow: Type.Object({ start: Ids, stages: Type.Array(StageSchema) }, strict),
    deadlines: Type.Array(DeadlineSchema),
    gates: Type.Array(GateSchema),
    scope: Type.Optional(
      Type.Object(
        {
          excludesClassified: Type.Boolean(),
          classifiedRefusal: NonEmpty,
          articles: Ids,
          summary: NonEmpty,
        },
        strict,
      ),
    ),
    catalog: Type.Optional(
      Type.Object(
        {
          governmentClouds: Type.Array(Type.Enum(GOVERNMENT_CLOUD_DEPLOYMENTS)),
          cloudArticles: Ids,
          cloudExemptionGround: Type.Optional(Type.Object({ articles: Ids }, strict)),
          dedicatedNetwork: Type.Optional(Type.Object({ consent: NonEmpty, articles: Ids }, strict)),
          cloudCatalog: Type.Optional(
            Type.Object(
              {
                compiler: NonEmpty,
                approvers: Type.Array(Type.Enum(['authority', 'finance'] as const), { minItems: 1 }),
                articles: Ids,
              },
              strict,
            ),
          ),
          summary: NonEmpty,
        },
        strict,
      ),
    ),
    planning: Type.Optional(
      Type.Object(
        {
          jurisdictionPlan: Type.Optional(Type.Array(PlanStepSchema, { minItems: 1 })),
          subordinatePlan: Type.Optional(Type.Array(PlanStepSchema, { minItems: 1 })),
          summary: NonEmpty,
        },
        strict,
      ),
    ),
    rectification: Type.Optional(
      Type.Object({ orderedBy: ActorSchema, ordered: ActorSchema, articles: Ids, summary: NonEmpty }, strict),
    ),
    requiredFields: Type.Optional(
      Type.Array(
        Type.Object(
          {
            field: Type.Enum(APPLICATION_FIELDS),
            message: NonEmpty,
            articles: Ids,
            summary: NonEmpty,
          },
          strict,
        ),
      ),
    ),
  },
  strict,
);

type DeepRequired<T> = T extends readonly (infer U)[]
  ? DeepRequired<U>[]
  : T extends object
    ? { [K in keyof T]-?: DeepRequired<T[K]> }
    : T;
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Mutually assignable, also once every optional property is made required (catches extra optional fields). */
type Same<A, B> = Mutual<A, B> extends true ? Mutual<DeepRequired<A>, DeepRequired<B>> : false;
type Assert<T extends true> = T;
/** Compile-time proof that the schema and the hand-written model describe the same data. */
export type SchemaMatchesModel = Assert<Same<Static<typeof RulebookSchema>, Rulebook>>;

/** A rulebook that fails its schema or semantic checks; `problems` lists every finding. */
export class RulebookInvalidError extends DomainError {
  readonly problems: string[];

  constructor(id: string, problems: string[]) {
    super(
      'invalid',
      'RULEBOOK_INVALID',
      `规则集 ${id} 无效，共 ${problems.length} 个问题：\n- ${problems.join('\n- ')}`,
      {
        details: { problems },
      },
    );
    this.name = 'RulebookInvalidError';
    this.problems = problems;
  }
}

function shapeProblems(data: unknown): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const error of Value.Errors(RulebookSchema, data)) {
    const line = `结构错误 ${error.instancePath || '/'}：${error.message}`;
    if (!seen.has(line)) {
      seen.add(line);
      problems.push(line);
    }
    if (problems.length >= 30) break;
  }
  return problems;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Validates `data` as a rulebook and returns a frozen copy. Throws `RulebookInvalidError` listing
 * every problem (shape first; semantic checks run only on a well-shaped rulebook).
 */
export function loadRulebook(data: unknown): Rulebook {
  const id =
    typeof data === 'object' && data !== null && typeof (data as { id?: unknown }).id === 'string'
      ? String((data as { id: string }).id)
      : '（无编号）';
  const shape = shapeProblems(data);
  if (shape.length > 0) throw new RulebookInvalidError(id, shape);
  const rulebook = structuredClone(data) as Static<typeof RulebookSchema>;
  const problems = semanticProblems(rulebook);
  if (problems.length > 0) throw new RulebookInvalidError(id, problems);
  return deepFreeze(rulebook);
}
