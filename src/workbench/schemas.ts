import { Type } from 'typebox';
import { Paged, pagingQuery } from '../platform/http/schemas.ts';

const strict = { additionalProperties: false } as const;
const S = Type.String();
const N = Type.Integer();
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

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
