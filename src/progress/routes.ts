/** Progress reports and adjustment applications over HTTP (thin handlers over commands/queries). */

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { commandContext } from '../identity/index.ts';
import type { Actor } from '../platform/actor.ts';
import { fenToYuan } from '../platform/documents/format.ts';
import { errors, Literals, Nullable, strict, VersionInput } from '../platform/http/schemas.ts';
import { loadWorkflowEnv, visibleContext, Yuan } from '../projects/index.ts';
import type { ProjectDeps } from '../workflow/index.ts';
import { createBaseline } from './commands/create-baseline.ts';
import { decideChange } from './commands/decide-change.ts';
import { evaluateChange } from './commands/evaluate-change.ts';
import { requestChange } from './commands/request-change.ts';
import { submitReport } from './commands/submit-report.ts';
import { actingAs, isEstablished, rulesOf } from './commands/support.ts';
import { CHANGE_KINDS, RISK_LABELS } from './model.ts';
import { progressOf } from './queries/progress.ts';
import { reportObligations } from './queries/report-obligations.ts';
import {
  CHANGE_KIND_LABELS,
  CHANGE_STATE_LABELS,
  IsoDate,
  Params,
  Period,
  PlanFields,
  ProgressView,
  RequestParams,
  S,
  signedYuan,
  TAGS,
} from './schemas.ts';

const actorOf = (req: FastifyRequest): Actor => req.actor!;
const funds = (f: { period: string; amountFen: number }[]) =>
  f.map((x) => ({ period: x.period, amount: fenToYuan(BigInt(x.amountFen)) }));

export function registerProgressRoutes(root: FastifyInstance, deps: ProjectDeps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const env = () => loadWorkflowEnv(deps.db, deps.clock, deps.keyring);

  app.get(
    '/api/projects/:id/progress',
    {
      schema: {
        tags: TAGS,
        summary: '项目进度：进度计划（各版本）、进度报告及偏差、调整申请、风险等级',
        params: Params,
        response: { 200: ProgressView, ...errors },
      },
    },
    async (req) => {
      const { id } = req.params;
      const e = await env();
      const actor = actorOf(req);
      const { pc } = await visibleContext(deps.db, e, actor, id);
      const rules = rulesOf(pc);
      const [view, periods] = await Promise.all([
        progressOf(deps.db, id, e.today, rules),
        reportObligations(deps.db, id),
      ]);
      return {
        rules: {
          periodMonths: rules.reports.periodMonths,
          periodFromText: rules.reports.periodFromText,
          reportObligation: rules.reports.obligation,
          dueWorkingDays: rules.reports.dueWorkingDays,
          reportArticles: rules.reports.articles,
          reportWording: rules.reports.wording,
          changeArticles: rules.changes.articles,
          changeOrder: rules.changes.order,
          changeWording: rules.changes.wording,
          applicantName: rules.changes.applicant.name,
          evaluatorName: rules.changes.evaluator.name,
          deciderName: rules.changes.decider.name,
          evaluationParticipants: rules.changes.evaluationParticipants,
        },
        established: isEstablished(pc),
        can: {
          report: actingAs(pc, actor, rules.reports.reporter) !== null,
          request: actingAs(pc, actor, rules.changes.applicant) !== null,
          evaluate: actingAs(pc, actor, rules.changes.evaluator) !== null,
          decide: actingAs(pc, actor, rules.changes.decider) !== null,
        },
        baselines: view.baselines.map((b) => ({
          baselineVersion: b.baselineVersion,
          startOn: b.startOn,
          milestones: b.milestones,
          plannedFunds: funds(b.plannedFunds),
          totalBudget: fenToYuan(b.totalBudgetFen),
          changeRequestId: b.changeRequestId,
          createdAt: b.createdAt.toISOString(),
        })),
        currentBaselineVersion: view.current?.baselineVersion ?? null,
        reports: view.reports.map((r) => ({
          id: r.id,
          period: r.period,
          asOf: r.asOf,
          baselineVersion: r.baselineVersion,
          milestones: r.milestones,
          percentDone: r.percentDone,
          fundsUsed: fenToYuan(r.fundsUsedFen),
          note: r.note,
          reportedByName: r.reportedByName,
          reportedOn: r.reportedOn,
          variance: r.variance && {
            plannedPercent: r.variance.plannedPercent,
            scheduleVariancePoints: r.variance.scheduleVariancePoints,
            lateMilestones: r.variance.lateMilestones,
            plannedFundsToDate: signedYuan(r.variance.plannedFundsToDateFen),
            earnedValue: signedYuan(r.variance.earnedValueFen),
            costVariance: signedYuan(r.variance.costVarianceFen),
            costVariancePercent: r.variance.costVariancePercent,
            fundsVsPlan: signedYuan(r.variance.fundsVsPlanFen),
          },
        })),
        periods: periods.map((p) => ({ period: p.period, state: p.state, dueDate: p.dueDate, late: p.late })),
        changes: view.changes.map((c) => ({
          id: c.id,
          kinds: c.kinds,
          kindNames: c.kinds.map((k) => CHANGE_KIND_LABELS[k]),
          description: c.description,
          reason: c.reason,
          proposedMilestones: c.proposedMilestones,
          proposedFunds: funds(c.proposedFunds),
          proposedBudget: fenToYuan(c.proposedBudgetFen),
          state: c.state,
          stateName: CHANGE_STATE_LABELS[c.state],
          requestedByName: c.requestedByName,
          requestedOn: c.requestedOn,
          evaluatedByName: c.evaluatedByName,
          evaluatedOn: c.evaluatedOn,
          evaluationOpinion: c.evaluationOpinion,
          evaluationParticipants: c.evaluationParticipants,
          decidedByName: c.decidedByName,
          decidedOn: c.decidedOn,
          decisionOpinion: c.decisionOpinion,
          baselineVersion: c.baselineVersion,
          version: c.version,
        })),
        risk: { ...view.risk, label: RISK_LABELS[view.risk.level] },
      };
    },
  );

  app.post(
    '/api/projects/:id/progress/baseline',
    {
      schema: {
        tags: TAGS,
        summary: '建立进度计划（里程碑、各期计划资金；总投资取自批复的申报）',
        params: Params,
        body: Type.Object({ startOn: IsoDate, ...PlanFields }, strict),
        response: { 201: Type.Object({ baselineVersion: Type.Integer() }, strict), ...errors },
      },
    },
    async (req, reply) => {
      const { id } = req.params;
      const v = await createBaseline(deps, commandContext(req), await env(), id, req.body);
      return reply.status(201).send({ baselineVersion: v });
    },
  );

  app.post(
    '/api/projects/:id/progress/reports',
    {
      schema: {
        tags: TAGS,
        summary: '报送定期进度报告（偏差与风险由平台计算）',
        params: Params,
        body: Type.Object(
          {
            period: Period,
            milestones: Type.Array(
              Type.Object(
                { name: Type.String({ minLength: 1, maxLength: 100 }), doneOn: Nullable(IsoDate) },
                strict,
              ),
              { maxItems: 60 },
            ),
            percentDone: Type.Integer({ minimum: 0, maximum: 100 }),
            fundsUsed: Yuan,
            note: Type.String({ maxLength: 2000 }),
          },
          strict,
        ),
        response: { 201: Type.Object({ id: S, late: Type.Boolean() }, strict), ...errors },
      },
    },
    async (req, reply) => {
      const { id } = req.params;
      const out = await submitReport(deps, commandContext(req), await env(), id, req.body);
      return reply.status(201).send(out);
    },
  );

  app.post(
    '/api/projects/:id/change-requests',
    {
      schema: {
        tags: TAGS,
        summary: '提交调整申请（建设条件、建设内容发生重大变化）',
        params: Params,
        body: Type.Object(
          {
            kinds: Type.Array(Literals(CHANGE_KINDS), { minItems: 1, maxItems: 4 }),
            description: Type.String({ minLength: 1, maxLength: 4000 }),
            reason: Type.String({ minLength: 1, maxLength: 4000 }),
            totalBudget: Yuan,
            ...PlanFields,
          },
          strict,
        ),
        response: { 201: Type.Object({ id: S }, strict), ...errors },
      },
    },
    async (req, reply) => {
      const { id } = req.params;
      const rid = await requestChange(deps, commandContext(req), await env(), id, req.body);
      return reply.status(201).send({ id: rid });
    },
  );

  app.post(
    '/api/projects/:id/change-requests/:requestId/evaluate',
    {
      schema: {
        tags: TAGS,
        summary: '对调整申请进行综合评估（顺序依规则集：先评估后决定，或通过后评估）',
        params: RequestParams,
        body: Type.Object(
          {
            opinion: Type.String({ minLength: 1, maxLength: 4000 }),
            participants: Type.String({ maxLength: 1000 }),
            version: VersionInput,
          },
          strict,
        ),
        response: { 200: Type.Object({ ok: Type.Boolean() }, strict), ...errors },
      },
    },
    async (req) => {
      const { id, requestId } = req.params;
      await evaluateChange(deps, commandContext(req), await env(), id, requestId, req.body);
      return { ok: true };
    },
  );

  app.post(
    '/api/projects/:id/change-requests/:requestId/decision',
    {
      schema: {
        tags: TAGS,
        summary: '对调整申请作出决定（通过则形成新版进度计划）',
        params: RequestParams,
        body: Type.Object(
          {
            decision: Literals(['approved', 'rejected']),
            opinion: Type.String({ minLength: 1, maxLength: 4000 }),
            version: VersionInput,
          },
          strict,
        ),
        response: { 200: Type.Object({ baselineVersion: Nullable(Type.Integer()) }, strict), ...errors },
      },
    },
    async (req) => {
      const { id, requestId } = req.params;
      return decideChange(deps, commandContext(req), await env(), id, requestId, req.body);
    },
  );
}
