/**
 * Request schemas of the rulebook routes (TypeBox): strict bodies, every input bounded; the facts and
 * events of an evaluation are typed from the rules' vocabulary. Responses: ./responses.ts.
 */
import { Type } from 'typebox';
import { VersionInput } from '../platform/http/schemas.ts';
import { EVENT_TYPES, FACT_CATALOG } from '../rules/index.ts';

const strict = { additionalProperties: false } as const;
const IsoDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' });
const CODE_PATTERN = '^[A-Z][A-Z0-9-]{1,15}$';

export const JurisdictionParams = Type.Object(
  {
    jurisdiction: Type.String({
      pattern: CODE_PATTERN,
      description: '规则集代码（DT、SC、JC、XZ 或派生代码）或行政区划代码',
    }),
  },
  strict,
);

export const ProblemsErrorBody = Type.Object(
  {
    code: Type.String(),
    message: Type.String(),
    field: Type.Optional(Type.String()),
    article: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    problems: Type.Optional(Type.Array(Type.String())),
  },
  strict,
);

export const DeriveBody = Type.Object(
  {
    baseCode: Type.String({ pattern: CODE_PATTERN, description: '所依据的规则集，如 DT' }),
    baseVersion: Type.Optional(VersionInput),
    jurisdictionCode: Type.String({
      pattern: '^[0-9]{6}$',
      description: '适用辖区的 GB/T 2260 代码，如 140221',
    }),
    jurisdictionName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    name: Type.String({ minLength: 2, maxLength: 100 }),
    effectiveFrom: IsoDate,
    regulation: Type.Optional(
      Type.Object(
        {
          title: Type.String({ minLength: 2, maxLength: 200 }),
          issuer: Type.String({ minLength: 2, maxLength: 100 }),
          date: Type.Optional(IsoDate),
          docNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
        },
        strict,
      ),
    ),
    changes: Type.Array(
      Type.Unknown({
        description:
          '变更：set_deadline、set_actor、rename_organisation、add_organisation、set_role_name、add_material、remove_material、set_material_requirement、set_gate_strength、replace_text（见 RulebookChangeSchema）',
      }),
      { maxItems: 200 },
    ),
  },
  strict,
);

/** The project facts the rules may test, typed from the vocabulary (unknown facts are refused). */
const FactsSchema = Type.Object(
  Object.fromEntries(
    Object.entries(FACT_CATALOG).map(([name, spec]) => {
      const values = 'values' in spec ? spec.values : undefined;
      const schema =
        spec.type === 'boolean'
          ? Type.Boolean({ description: spec.label })
          : spec.type === 'date'
            ? Type.String({ ...IsoDate, description: spec.label })
            : values
              ? Type.Union(
                  values.map((v) => Type.Literal(v)),
                  { description: spec.label },
                )
              : Type.String({ maxLength: 200, description: spec.label });
      return [name, Type.Optional(schema)];
    }),
  ),
  strict,
);

const EventSchema = Type.Object(
  {
    type: Type.Union(EVENT_TYPES.map((e) => Type.Literal(e))),
    at: IsoDate,
    stepId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    ref: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    deadlineId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    until: Type.Optional(IsoDate),
  },
  strict,
);

export const EvaluateBody = Type.Object(
  {
    facts: FactsSchema,
    events: Type.Array(EventSchema, { maxItems: 500 }),
    today: Type.Optional(IsoDate),
    version: Type.Optional(VersionInput),
  },
  strict,
);

export const VersionQuery = Type.Object({ version: Type.Optional(VersionInput) }, strict);
