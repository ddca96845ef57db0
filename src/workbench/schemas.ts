import { Type } from 'typebox';
import { Literals, Nullable, Paged, pagingQuery, strict, Uuid } from '../platform/http/schemas.ts';
import { PROJECT_STATE_CODES } from '../projects/index.ts';
import { LISTS } from './export.ts';

const S = Type.String();
const N = Type.Integer();

/** A search fragment: at least one character, never trimmed into something else silently. */
const Fragment = Type.String({ minLength: 1, maxLength: 50, description: '名称或编码中的片段，如“证照”' });

export const WorkbenchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 50 })),
    ...pagingQuery({ max: 100, defaultLimit: 20, maxOffset: 100_000 }),
  },
  strict,
);

export const DoneList = Paged(
  Type.Object(
    {
      actionId: Type.Integer(),
      at: S,
      kind: S,
      kindName: S,
      stepName: Nullable(S),
      outcomeName: Nullable(S),
      opinion: Nullable(S),
      projectId: S,
      projectCode: S,
      projectName: S,
      stateName: S,
    },
    strict,
  ),
);

export const StartedList = Paged(
  Type.Object(
    {
      projectId: S,
      projectCode: S,
      projectName: S,
      ownerName: S,
      state: S,
      stateName: S,
      totalBudget: S,
      createdAt: S,
      updatedAt: S,
    },
    strict,
  ),
);

export const SearchQuery = Type.Object({ q: Fragment }, strict);

const Hit = Type.Object({ kind: S, id: S, title: S, code: Nullable(S), subtitle: S, path: S }, strict);

export const SearchResult = Type.Object(
  {
    q: S,
    groups: Type.Array(
      Type.Object({ kind: S, kindName: S, total: Type.Integer(), items: Type.Array(Hit) }, strict),
    ),
  },
  strict,
);

// ---- cockpit (issue 17) ----------------------------------------------------------------------

const CockpitFigures = {
  /** Approved disbursements (the funds ledger's outflow) by budget year, of visible projects. */
  disbursedByYear: Type.Array(Type.Object({ year: N, disbursed: S, count: N, drill: S }, strict)),
  /** Obligations past their due date and not met, by kind and holding department. */
  overdueObligations: Type.Array(
    Type.Object(
      {
        kind: S,
        kindName: S,
        organisationId: S,
        organisationName: S,
        count: N,
        drill: S,
      },
      strict,
    ),
  ),
  /** Each department's latest yearly grade (年度考核) in the caller's jurisdictions. */
  grades: Type.Array(
    Type.Object(
      {
        organisationId: S,
        organisationName: S,
        year: N,
        score: N,
        grade: S,
        gradeName: S,
        drill: S,
      },
      strict,
    ),
  ),
  /** Security incidents not yet closed, by department. */
  openIncidents: Type.Object(
    {
      total: N,
      drill: S,
      byDepartment: Type.Array(
        Type.Object({ organisationId: S, organisationName: S, count: N, drill: S }, strict),
      ),
    },
    strict,
  ),
};

export const Cockpit = Type.Object(
  {
    generatedAt: S,
    totals: Type.Object({ projects: N, requested: S, approved: S }, strict),
    byState: Type.Array(Type.Object({ state: S, stateName: S, count: N }, strict)),
    byDepartment: Type.Array(
      Type.Object(
        {
          organisationId: S,
          organisationName: S,
          total: N,
          states: Type.Array(Type.Object({ state: S, count: N }, strict)),
        },
        strict,
      ),
    ),
    moneyByYear: Type.Array(Type.Object({ year: N, requested: S, approved: S }, strict)),
    ...CockpitFigures,
  },
  strict,
);

/** What a 待办 row is: the page where it is done follows from it (workPathOf in src/projects). */
export const TASK_KINDS = [
  'application',
  'step',
  'review',
  'expert_opinion',
  'construction_record',
  'construction_step',
  'budget',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const TaskQuery = Type.Object(
  {
    projectId: Type.Optional(Uuid),
    q: Type.Optional(Type.String({ maxLength: 50, description: '项目名称或编号中的片段' })),
    kind: Type.Optional(Literals(TASK_KINDS)),
    ...pagingQuery({ max: 200, defaultLimit: 50, maxOffset: 100_000 }),
  },
  strict,
);

export const TaskItem = Type.Object(
  {
    projectId: S,
    projectCode: S,
    projectName: S,
    ownerName: S,
    kind: Literals(TASK_KINDS),
    /** The web page where the task is done. */
    workPath: S,
    stepId: Nullable(S),
    stepName: S,
    stageName: S,
    /** When the task arrived (the workflow action that opened it; 催办 does not move it). */
    since: S,
    /** Working days waited since arrival; null when the holiday table lacks a year it crosses. */
    waitedWorkdays: Nullable(Type.Integer()),
    /** The rulebook's due date for the step, null when no article sets a time limit (or unknown). */
    dueDate: Nullable(S),
    deadlineName: Nullable(S),
    deadlineArticles: Type.Array(S),
    calendarKnown: Type.Boolean(),
    /** Working days left; negative when overdue; null without a due date or when unknown. */
    remainingWorkdays: Nullable(Type.Integer()),
    overdue: Type.Boolean(),
    urged: Type.Integer(),
    /** The results the rulebook gives the step (none preselected in the UI; the first is the normal one). */
    outcomes: Type.Array(
      Type.Object({ event: S, name: S, normal: Type.Boolean(), refuses: Type.Boolean() }, strict),
    ),
  },
  strict,
);
/** A page of 待办, oldest first, with how many match in all and how many of those are overdue. */
export const TaskList = Type.Object(
  {
    items: Type.Array(TaskItem),
    total: Type.Integer(),
    overdue: Type.Integer({ description: '符合条件的待办中已逾期的条数（不限于本页）' }),
    limit: Type.Integer(),
    offset: Type.Integer(),
  },
  strict,
);

/** GET /api/workbench/export: which list, with the list's own filters. */
export const ExportQuery = Type.Object(
  {
    list: Type.Union(Object.keys(LISTS).map((k) => Type.Literal(k))),
    q: Type.Optional(Type.String({ maxLength: 50 })),
    state: Type.Optional(Type.Union(PROJECT_STATE_CODES.map((c) => Type.Literal(c)))),
    organisationId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
