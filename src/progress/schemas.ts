/** Request and response schemas of the progress routes. */
import Type from 'typebox';
import { fenToYuan } from '../platform/documents/format.ts';
import { Nullable, strict, Uuid } from '../platform/http/schemas.ts';
import { Yuan } from '../projects/index.ts';
import type { ChangeKind, ChangeState } from './model.ts';

export const TAGS = ['建设'];
export const S = Type.String();
export const N = Type.Number();
export const IsoDate = Type.String({ format: 'date' });
export const Period = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$', maxLength: 7 });
export const Params = Type.Object({ id: Uuid }, strict);
export const RequestParams = Type.Object({ id: Uuid, requestId: Uuid }, strict);

export const CHANGE_KIND_LABELS: Record<ChangeKind, string> = {
  content: '建设内容',
  budget: '投资预算',
  schedule: '建设进度',
  systems: '涉及系统',
};
export const CHANGE_STATE_LABELS: Record<ChangeState, string> = {
  submitted: '待处理',
  evaluated: '已综合评估，待决定',
  approved: '已通过',
  rejected: '未通过',
  completed: '已通过并完成综合评估',
};

export const MilestoneInput = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100 }), plannedOn: IsoDate },
  strict,
);
export const FundsInput = Type.Object({ period: Period, amount: Yuan }, strict);
export const PlanFields = {
  milestones: Type.Array(MilestoneInput, { minItems: 1, maxItems: 60 }),
  plannedFunds: Type.Array(FundsInput, { maxItems: 120 }),
};

/** A signed amount in yuan (variance may be negative). */
export const signedYuan = (fen: number) => (fen < 0 ? `-${fenToYuan(BigInt(-fen))}` : fenToYuan(BigInt(fen)));

export const MilestoneView = Type.Object({ name: S, plannedOn: S }, strict);
export const BaselineView = Type.Object(
  {
    baselineVersion: Type.Integer(),
    startOn: S,
    milestones: Type.Array(MilestoneView),
    plannedFunds: Type.Array(Type.Object({ period: S, amount: S }, strict)),
    totalBudget: S,
    changeRequestId: Nullable(S),
    createdAt: S,
  },
  strict,
);
export const VarianceView = Type.Object(
  {
    plannedPercent: N,
    scheduleVariancePoints: N,
    lateMilestones: Type.Array(S),
    plannedFundsToDate: S,
    earnedValue: S,
    costVariance: S,
    costVariancePercent: Nullable(N),
    fundsVsPlan: S,
  },
  strict,
);
export const ReportView = Type.Object(
  {
    id: S,
    period: S,
    asOf: S,
    baselineVersion: Type.Integer(),
    milestones: Type.Array(Type.Object({ name: S, doneOn: Nullable(S) }, strict)),
    percentDone: Type.Integer(),
    fundsUsed: S,
    note: S,
    reportedByName: S,
    reportedOn: S,
    variance: Nullable(VarianceView),
  },
  strict,
);
export const ChangeView = Type.Object(
  {
    id: S,
    kinds: Type.Array(S),
    kindNames: Type.Array(S),
    description: S,
    reason: S,
    proposedMilestones: Type.Array(MilestoneView),
    proposedFunds: Type.Array(Type.Object({ period: S, amount: S }, strict)),
    proposedBudget: S,
    state: S,
    stateName: S,
    requestedByName: S,
    requestedOn: S,
    evaluatedByName: Nullable(S),
    evaluatedOn: Nullable(S),
    evaluationOpinion: Nullable(S),
    evaluationParticipants: Nullable(S),
    decidedByName: Nullable(S),
    decidedOn: Nullable(S),
    decisionOpinion: Nullable(S),
    baselineVersion: Nullable(Type.Integer()),
    version: Type.Integer(),
  },
  strict,
);
export const ProgressView = Type.Object(
  {
    rules: Type.Object(
      {
        periodMonths: Type.Integer(),
        periodFromText: Type.Boolean(),
        reportObligation: Type.Boolean(),
        dueWorkingDays: Type.Integer(),
        reportArticles: Type.Array(S),
        reportWording: S,
        changeArticles: Type.Array(S),
        changeOrder: S,
        changeWording: S,
        applicantName: S,
        evaluatorName: S,
        deciderName: S,
        evaluationParticipants: Type.Boolean(),
      },
      strict,
    ),
    established: Type.Boolean(),
    can: Type.Object(
      { report: Type.Boolean(), request: Type.Boolean(), evaluate: Type.Boolean(), decide: Type.Boolean() },
      strict,
    ),
    baselines: Type.Array(BaselineView),
    currentBaselineVersion: Nullable(Type.Integer()),
    reports: Type.Array(ReportView),
    periods: Type.Array(
      Type.Object({ period: S, state: S, dueDate: Nullable(S), late: Type.Boolean() }, strict),
    ),
    changes: Type.Array(ChangeView),
    risk: Type.Object(
      {
        level: S,
        label: S,
        reasons: Type.Array(S),
        overdueObligations: Type.Integer(),
        openRectifications: Type.Integer(),
      },
      strict,
    ),
  },
  strict,
);
