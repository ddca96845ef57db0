/**
 * Response schemas of the evaluation routes (TypeBox), exactly as the queries (./queries/) and the
 * commands answer: the web's types are generated from them (web/src/api/schema.ts).
 */
import { Type } from 'typebox';
import { OBLIGATION_STATES } from '../obligations/index.ts';
import { Paged } from '../platform/http/schemas.ts';
import { PROJECT_PHASES } from '../rules/index.ts';
import { EVAL_RECTIFICATION_SOURCES, EVAL_RECTIFICATION_STATES } from './tables.ts';

const strict = { additionalProperties: false } as const;
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Phase = Type.Enum(PROJECT_PHASES);
const Articles = Type.Array(Type.String(), { description: '条款编号' });
const Id = Type.Object({ id: Type.String() }, strict);
const Ok = Type.Object({ ok: Type.Literal(true) }, strict);

const roundFields = {
  id: Type.String(),
  year: Type.Integer(),
  dueDate: Type.String({ description: '自评价报送截止日' }),
  jurisdictionId: Type.String(),
  jurisdictionName: Type.String(),
  rolledUpAt: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  version: Type.Integer(),
  manage: Type.Boolean({ description: '调用者可管理该年度（主管部门）' }),
};
export const RoundList = Type.Object({ items: Type.Array(Type.Object(roundFields, strict)) }, strict);

const Indicator = Type.Object(
  { code: Type.String(), name: Type.String(), weight: Type.Number(), phases: Type.Array(Phase) },
  strict,
);

const RoundProject = Type.Object(
  {
    id: Type.String(),
    code: Type.String(),
    name: Type.String(),
    organisationId: Type.String(),
    organisationName: Type.String(),
    selfEvaluation: Nullable(
      Type.Object(
        {
          id: Type.String(),
          targets: Type.Array(
            Type.Object({ indicator: Type.String(), target: Type.String(), achieved: Type.String() }, strict),
          ),
          fundsUsed: Type.String({ description: '已使用资金（元）' }),
          outputs: Type.String(),
          effects: Type.String(),
          problems: Type.String(),
          submittedAt: Type.String(),
          spotCheck: Nullable(
            Type.Object(
              {
                conclusion: Type.Enum(['consistent', 'issues'] as const),
                keyProject: Type.Boolean(),
                findings: Type.String(),
              },
              strict,
            ),
          ),
        },
        strict,
      ),
    ),
    obligation: Nullable(
      Type.Object(
        { state: Type.Enum(OBLIGATION_STATES), dueDate: Nullable(Type.String()), overdue: Type.Boolean() },
        strict,
      ),
    ),
    score: Nullable(
      Type.Object(
        {
          phase: Phase,
          scores: Type.Array(Type.Object({ code: Type.String(), score: Type.Number() }, strict)),
          total: Type.Number(),
          version: Type.Integer(),
        },
        strict,
      ),
    ),
  },
  strict,
);

const Efficacy = Type.Object(
  {
    id: Type.String(),
    systemId: Type.String(),
    systemName: Type.String(),
    organisationName: Type.String(),
    dimensions: Type.Array(
      Type.Object({ code: Type.String(), name: Type.String(), score: Nullable(Type.Number()) }, strict),
    ),
    questionnaire: Nullable(Type.Number()),
    total: Nullable(Type.Number()),
  },
  strict,
);

const Rectification = Type.Object(
  {
    id: Type.String(),
    organisationId: Type.String(),
    organisationName: Type.String(),
    projectId: Nullable(Type.String()),
    systemId: Nullable(Type.String()),
    source: Type.Enum(EVAL_RECTIFICATION_SOURCES),
    finding: Type.String(),
    opinion: Type.String(),
    deadline: Type.String(),
    state: Type.Enum(EVAL_RECTIFICATION_STATES),
    report: Nullable(Type.String()),
    reportedOn: Nullable(Type.String()),
    closedOn: Nullable(Type.String()),
    version: Type.Integer(),
    obligationState: Nullable(Type.Enum(OBLIGATION_STATES)),
    late: Type.Boolean(),
    overdue: Type.Boolean(),
  },
  strict,
);

const DepartmentResult = Type.Object(
  {
    organisationId: Type.String(),
    organisationName: Type.String(),
    score: Type.Number(),
    grade: Type.String(),
    gradeName: Type.String(),
    summary: Type.String(),
  },
  strict,
);

export const RoundDetail = Type.Object(
  {
    ...roundFields,
    spotCheck: Nullable(Type.Object({ financeName: Type.String(), articles: Articles }, strict)),
    articles: Type.Object(
      {
        selfEvaluation: Articles,
        assessment: Articles,
        efficacy: Articles,
        rectification: Articles,
        publication: Articles,
      },
      strict,
    ),
    indicatorSet: Nullable(
      Type.Object(
        {
          id: Type.String(),
          version: Type.Integer(),
          indicators: Type.Array(Indicator),
          note: Type.String(),
        },
        strict,
      ),
    ),
    projects: Type.Array(RoundProject),
    efficacy: Type.Array(Efficacy),
    rectifications: Type.Array(Rectification),
    results: Type.Array(DepartmentResult),
  },
  strict,
);

export const PublicResults = Paged(
  Type.Object(
    {
      id: Type.String(),
      year: Type.Integer(),
      jurisdictionName: Type.String(),
      publishedAt: Type.String(),
      departments: Type.Array(
        Type.Object(
          {
            organisationName: Type.String(),
            score: Type.Number(),
            grade: Type.String(),
            gradeName: Type.String(),
          },
          strict,
        ),
      ),
    },
    strict,
  ),
);

// ---- commands -----------------------------------------------------------------------------------

export const RoundOpened = Type.Object(
  { id: Type.String(), obligations: Type.Integer({ description: '开启的自评价义务数' }) },
  strict,
);
export const Created = Id;
export const IndicatorSetCreated = Type.Object({ id: Type.String(), version: Type.Integer() }, strict);
export const Scored = Type.Object({ id: Type.String(), total: Type.Number() }, strict);
export const EfficacyRecorded = Type.Object(
  { id: Type.String(), total: Nullable(Type.Number()), questionnaire: Nullable(Type.Number()) },
  strict,
);
export const RolledUp = Type.Object({ departments: Type.Integer() }, strict);
export const Done = Ok;
export const RectificationClosed = Type.Object({ late: Type.Boolean() }, strict);

/** A generated file sent as the response body; OpenAPI shows it as binary. */
export const FileDownload = (description: string) =>
  Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description });
