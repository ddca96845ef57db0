/** What the plan routes answer: a plan with its entries and decisions, linkable entries. */
import Type from 'typebox';
import { Nullable, Paged, strict } from '../platform/http/schemas.ts';

const S = Type.String();

// ---- plans ------------------------------------------------------------------------------------------

const PlanEntry = Type.Object(
  {
    id: S,
    organisationId: S,
    organisationName: S,
    projectName: S,
    estimatedBudget: S,
    year: Type.Integer(),
    summary: S,
    linkedProjects: Type.Array(Type.Object({ id: S, code: S, name: S }, strict)),
  },
  strict,
);

export const PlanView = Type.Object(
  {
    id: S,
    jurisdictionId: S,
    jurisdictionName: S,
    organisationId: S,
    organisationName: S,
    scope: S,
    scopeName: S,
    kind: S,
    kindName: S,
    title: S,
    year: Type.Integer(),
    endYear: Type.Integer(),
    summary: S,
    status: S,
    statusName: S,
    decidedAt: Nullable(S),
    decisionOpinion: Nullable(S),
    /** The pending step of the rulebook's chain (XZ 第六条, DT 第八条); null outside it. */
    currentStep: Nullable(S),
    chain: Type.Object(
      {
        steps: Type.Array(
          Type.Object(
            {
              id: S,
              name: S,
              deciderName: S,
              roles: Type.Array(S),
              organisationIds: Type.Array(S),
              articles: Type.Array(S),
              canRefuse: Type.Boolean(),
              state: S,
            },
            strict,
          ),
        ),
        decisions: Type.Array(
          Type.Object(
            {
              stepId: S,
              stepName: S,
              decision: S,
              decisionName: S,
              opinion: S,
              organisationName: S,
              at: S,
            },
            strict,
          ),
        ),
      },
      strict,
    ),
    version: Type.Integer(),
    entries: Type.Array(PlanEntry),
  },
  strict,
);
/** A page of the plan list: the rows, how many match in all, and the page served. */
export const PlanList = Paged(PlanView, { echo: true });
export const LinkableEntries = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          id: S,
          planId: S,
          planTitle: S,
          planKindName: S,
          organisationId: S,
          projectName: S,
          estimatedBudget: S,
          year: Type.Integer(),
        },
        strict,
      ),
    ),
  },
  strict,
);
