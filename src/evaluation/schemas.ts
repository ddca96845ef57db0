/** Request schemas of the evaluation routes (TypeBox): strict bodies, every input bounded. */
import { Type } from 'typebox';
import { Paging, Uuid, VersionInput } from '../platform/http/schemas.ts';
import { EFFICACY_CODES, SCORE_MAX, SCORE_MIN } from '../rules/index.ts';

const strict = { additionalProperties: false } as const;
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const IsoDate = Type.String({ format: 'date', maxLength: 10, description: 'YYYY-MM-DD' });
const Score = Type.Number({ minimum: SCORE_MIN, maximum: SCORE_MAX, description: '得分 0–100' });
const Phase = Type.Union([Type.Literal('construction'), Type.Literal('operation')]);
const Code = Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z][a-z0-9_]*$' });

export const IdParams = Type.Object({ id: Uuid }, strict);
export const ReportParams = Type.Object({ id: Uuid, organisationId: Uuid }, strict);
export const PublicQuery = Type.Object({ ...Paging }, strict);

export const RoundBody = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 2100 }), dueDate: IsoDate },
  strict,
);

export const SelfEvaluationBody = Type.Object(
  {
    projectId: Uuid,
    targets: Type.Array(
      Type.Object({ indicator: Text(200), target: Text(500), achieved: Text(500) }, strict),
      { minItems: 1, maxItems: 50 },
    ),
    fundsUsed: Type.String({ minLength: 1, maxLength: 20, description: '已使用资金（元）' }),
    outputs: Text(4000),
    effects: Text(4000),
    problems: Type.String({ maxLength: 4000 }),
  },
  strict,
);

export const SpotCheckBody = Type.Object(
  {
    conclusion: Type.Union([Type.Literal('consistent'), Type.Literal('issues')]),
    keyProject: Type.Boolean(),
    findings: Text(4000),
  },
  strict,
);

export const IndicatorSetBody = Type.Object(
  {
    indicators: Type.Array(
      Type.Object(
        {
          code: Code,
          name: Text(50),
          weight: Type.Integer({ minimum: 1, maximum: 100 }),
          phases: Type.Array(Phase, { minItems: 1, maxItems: 2 }),
        },
        strict,
      ),
      { minItems: 1, maxItems: 40 },
    ),
    note: Type.String({ maxLength: 500 }),
  },
  strict,
);

export const ScoreBody = Type.Object(
  {
    projectId: Uuid,
    phase: Phase,
    scores: Type.Array(Type.Object({ code: Code, score: Score }, strict), { minItems: 1, maxItems: 40 }),
    comment: Type.String({ maxLength: 2000 }),
    version: Type.Optional(VersionInput),
  },
  strict,
);

const Dimensions = Type.Object(
  Object.fromEntries(EFFICACY_CODES.map((c) => [c, Type.Optional(Score)])),
  strict,
);
export const EfficacyBody = Type.Object(
  {
    systemId: Uuid,
    documentReview: Dimensions,
    thirdParty: Dimensions,
    evaluatorOrganisationId: Type.Optional(Uuid),
    satisfaction: Type.Optional(Score),
  },
  strict,
);

export const RectificationBody = Type.Object(
  {
    projectId: Type.Optional(Uuid),
    systemId: Type.Optional(Uuid),
    source: Type.Union(
      ['self_evaluation', 'spot_check', 'assessment', 'efficacy'].map((s) => Type.Literal(s)),
    ),
    finding: Text(2000),
    opinion: Text(2000),
    deadline: IsoDate,
  },
  strict,
);

export const ReportBody = Type.Object({ report: Text(4000), version: VersionInput }, strict);
export const VersionBody = Type.Object({ version: VersionInput }, strict);
