/**
 * Request and response schemas of the money routes. Bodies reject unknown fields and carry no
 * status or approver field: state changes only through the named routes. Money is a yuan decimal
 * string with at most two decimals, as in the project routes.
 */

import Type from 'typebox';
import {
  Literals,
  Nullable,
  Paged,
  pagingQuery,
  strict,
  Uuid,
  VersionInput,
} from '../platform/http/schemas.ts';
import { Yuan } from '../projects/index.ts';
import { FUND_KIND_CODES, SHARE_LEVEL_CODES } from './model.ts';

const S = Type.String();
const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Kind = Literals(FUND_KIND_CODES);

export const ProjectParams = Type.Object({ id: Uuid }, strict);
export const StepParams = Type.Object({ id: Uuid, stepId: Text(80, 1) }, strict);
export const IdParams = Type.Object({ id: Uuid }, strict);

export const BudgetReviewBody = Type.Object(
  {
    opinion: Text(4000, 1),
    lines: Type.Array(
      Type.Object(
        {
          year: Year,
          costItem: Text(100, 1),
          kind: Kind,
          requested: Yuan,
          approved: Yuan,
          cutReason: Type.Optional(Nullable(Text(1000))),
        },
        strict,
      ),
      { minItems: 1, maxItems: 200 },
    ),
    shares: Type.Array(
      Type.Object(
        { level: Literals(SHARE_LEVEL_CODES), kind: Kind, amount: Yuan, carriedBy: Text(100, 1) },
        strict,
      ),
      { maxItems: 20 },
    ),
  },
  strict,
);

export const OpinionBody = Type.Object({ opinion: Text(2000) }, strict);

export const NoticeBody = Type.Object(
  {
    title: Text(200, 1),
    year: Year,
    startsOn: IsoDate,
    endsOn: IsoDate,
    items: Type.Array(Type.Object({ projectId: Uuid, amount: Yuan }, strict), { minItems: 1, maxItems: 200 }),
  },
  strict,
);
export const VersionBody = Type.Object({ version: VersionInput }, strict);
export const AnswerBody = Type.Object({ answer: Text(2000, 1) }, strict);
export const ObjectionBody = Type.Object({ content: Text(2000, 1) }, strict);

export const DisbursementBody = Type.Object(
  { projectId: Uuid, year: Year, kind: Kind, amount: Yuan, purpose: Text(500, 1) },
  strict,
);
export const ConsentBody = Type.Object(
  { decision: Literals(['consent', 'refuse']), opinion: Text(2000, 1) },
  strict,
);
export const DecisionBody = Type.Object(
  { decision: Literals(['approve', 'refuse']), opinion: Text(2000), version: VersionInput },
  strict,
);
export const OverrideBody = Type.Object({ gateId: Text(120, 1), reason: Text(2000, 1) }, strict);

export const QueueQuery = Type.Object(
  {
    status: Type.Optional(Literals(['pending', 'approved', 'refused'])),
    year: Type.Optional(Year),
    ...pagingQuery({ max: 100, defaultLimit: 20, maxOffset: 100_000 }),
  },
  strict,
);
export const PagingQuery = Type.Object(
  {
    ...pagingQuery({ max: 100, defaultLimit: 20, maxOffset: 100_000 }),
  },
  strict,
);
export const PublicQuery = Type.Object(
  {
    phase: Type.Optional(Literals(['current', 'ended'])),
    ...pagingQuery({ max: 50, defaultLimit: 20, maxOffset: 10_000 }),
  },
  strict,
);

// ---- responses ---------------------------------------------------------------------------------

export const Created = Type.Object({ id: S }, strict);
export const CreatedReview = Type.Object({ id: S, number: S }, strict);

const Gate = Type.Object(
  {
    gateId: S,
    name: S,
    applicable: Type.Boolean(),
    passed: Type.Boolean(),
    severity: S,
    strength: S,
    overridden: Type.Boolean(),
    blocking: Type.Boolean(),
    reason: S,
    article: S,
    citation: S,
  },
  strict,
);

const Override = Type.Object(
  {
    id: S,
    disbursementId: S,
    gateId: S,
    article: S,
    reason: S,
    requestedByName: S,
    requestedAt: S,
    approvedByName: Nullable(S),
    approvedAt: Nullable(S),
  },
  strict,
);

const DisbursementItem = Type.Object(
  {
    id: S,
    year: Type.Integer(),
    kind: S,
    kindLabel: S,
    amount: S,
    purpose: S,
    status: S,
    requestedAt: S,
    requestedByName: S,
    decidedAt: Nullable(S),
    decidedByName: Nullable(S),
    decisionOpinion: Nullable(S),
    version: Type.Integer(),
  },
  strict,
);

const StepView = Type.Object(
  { stepId: S, name: S, status: S, actor: S, articles: Type.Array(S), canAct: Type.Boolean() },
  strict,
);

export const FundsView = Type.Object(
  {
    project: Type.Object(
      {
        id: S,
        code: S,
        name: S,
        rulebook: S,
        department: S,
        totalBudget: S,
        budgetYears: Type.Array(Type.Object({ year: Type.Integer(), amount: S }, strict)),
        coBuilt: Type.Boolean(),
      },
      strict,
    ),
    steps: Type.Array(StepView),
    review: Nullable(
      Type.Object(
        {
          id: S,
          stepId: S,
          number: S,
          opinion: S,
          decidedOn: S,
          reviewerName: S,
          reviewerOrganisation: S,
          requested: S,
          approved: S,
          cut: S,
          lines: Type.Array(
            Type.Object(
              {
                year: Type.Integer(),
                costItem: S,
                kind: S,
                requested: S,
                approved: S,
                cut: S,
                cutReason: Nullable(S),
              },
              strict,
            ),
          ),
          shares: Type.Array(
            Type.Object({ level: S, levelLabel: S, kind: S, amount: S, carriedBy: S }, strict),
          ),
        },
        strict,
      ),
    ),
    ledger: Type.Array(
      Type.Object(
        {
          year: Type.Integer(),
          budgeted: S,
          approvedConstruction: S,
          approvedOm: S,
          disbursedConstruction: S,
          disbursedOm: S,
          pending: S,
        },
        strict,
      ),
    ),
    disbursements: Type.Array(DisbursementItem),
    overrides: Type.Array(Override),
  },
  strict,
);

export const DisbursementDetail = Type.Object(
  {
    disbursement: DisbursementItem,
    project: Type.Object({ id: S, code: S, name: S, rulebook: S }, strict),
    action: S,
    gates: Type.Array(Gate),
    blocked: Type.Boolean(),
    consentRequired: Type.Boolean(),
    consent: Nullable(
      Type.Object({ decision: S, opinion: S, decidedAt: S, decidedByName: S, organisation: S }, strict),
    ),
    overrides: Type.Array(Override),
  },
  strict,
);

export const Queue = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          id: S,
          projectId: S,
          projectCode: S,
          projectName: S,
          department: S,
          year: Type.Integer(),
          kind: S,
          kindLabel: S,
          amount: S,
          purpose: S,
          status: S,
          requestedAt: S,
          requestedByName: S,
          decidedAt: Nullable(S),
          version: Type.Integer(),
        },
        strict,
      ),
    ),
    total: Type.Integer(),
    /** The amount of every matching row (not only this page), yuan. */
    totalAmount: S,
  },
  strict,
);

const NoticeSummary = {
  id: S,
  title: S,
  year: Type.Integer(),
  startsOn: S,
  endsOn: S,
  phase: S,
  authority: S,
  itemCount: Type.Integer(),
  itemTotal: S,
};

export const NoticeList = Paged(
  Type.Object(
    {
      ...NoticeSummary,
      status: S,
      version: Type.Integer(),
      objectionCount: Type.Integer(),
      openObjections: Type.Integer(),
    },
    strict,
  ),
);

const NoticeItem = Type.Object({ projectCode: S, projectName: S, department: S, amount: S }, strict);

export const NoticeDetail = Type.Object(
  {
    ...NoticeSummary,
    status: S,
    version: Type.Integer(),
    items: Type.Array(
      Type.Object({ projectId: S, projectCode: S, projectName: S, department: S, amount: S }, strict),
    ),
    objections: Type.Array(
      Type.Object({ id: S, content: S, createdAt: S, answer: Nullable(S), answeredAt: Nullable(S) }, strict),
    ),
  },
  strict,
);

export const PublicNoticeList = Paged(Type.Object(NoticeSummary, strict));

export const PublicNoticeDetail = Type.Object(
  {
    ...NoticeSummary,
    items: Type.Array(NoticeItem),
    objections: Type.Array(Type.Object({ content: S, createdAt: S, answer: S, answeredAt: S }, strict)),
  },
  strict,
);
