/**
 * The money routes (issue 13): thin handlers — validate, call a command or a read, present.
 * Money leaves as yuan decimal strings. The public 公示 routes are in public-routes.ts.
 */

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { renderOfficialDocx } from '../documents/docx-official.ts';
import { yuanToFen } from '../documents/format.ts';
import { errors } from '../http/schemas.ts';
import type { Actor } from '../identity/actor.ts';
import { commandContext } from '../identity/plugin.ts';
import { actingRoles, actorLabel } from '../projects/actors.ts';
import { heldRoles, loadWorkflowEnv, parties, visibleContext } from '../projects/repository.ts';
import { FileDownload } from '../projects/schemas.ts';
import { recordEvent } from '../shared/command.ts';
import { notFound } from '../shared/errors.ts';
import {
  answerObjection,
  approveOverride,
  createNotice,
  decideBudgetStep,
  decideDisbursement,
  disbursementGates,
  type FundsDeps,
  ownNotice,
  publishNotice,
  recordBudgetReview,
  recordConsent,
  requestDisbursement,
  requestOverride,
  visibleDisbursement,
} from './commands.ts';
import {
  budgetOpinionDocument,
  budgetReviewStep,
  disbursementAction,
  type FundKind,
  formatFen,
  kindLabel,
  levelLabel,
  otherBudgetSteps,
  publicityPhase,
  publicityStep,
  type ShareLevel,
} from './model.ts';
import {
  consentOf,
  type DisbursementRecord,
  disbursementQueue,
  disbursementsOf,
  ledgerOf,
  noticeItems,
  noticeObjections,
  noticesOf,
  organisationName,
  overridesOf,
  reviewOf,
} from './repository.ts';
import {
  AnswerBody,
  BudgetReviewBody,
  ConsentBody,
  Created,
  CreatedReview,
  DecisionBody,
  DisbursementBody,
  DisbursementDetail,
  FundsView,
  IdParams,
  NoticeBody,
  NoticeDetail,
  NoticeList,
  OpinionBody,
  OverrideBody,
  PagingQuery,
  ProjectParams,
  Queue,
  QueueQuery,
  StepParams,
  VersionBody,
} from './schemas.ts';

const TAGS = ['资金管理'];
const actorOf = (req: FastifyRequest): Actor => req.actor!;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

type OverrideRow = Awaited<ReturnType<typeof overridesOf>>[number];
const presentOverride = (o: OverrideRow) => ({
  id: o.id,
  disbursementId: o.disbursementId,
  gateId: o.gateId,
  article: o.article,
  reason: o.reason,
  requestedByName: o.requestedByName,
  requestedAt: o.requestedAt.toISOString(),
  approvedByName: o.approvedByName,
  approvedAt: iso(o.approvedAt),
});

type DisbursementRow = Awaited<ReturnType<typeof disbursementsOf>>[number];
const presentDisbursement = (d: DisbursementRow) => ({
  id: d.id,
  year: d.year,
  kind: d.kind,
  kindLabel: kindLabel(d.kind),
  amount: formatFen(d.amountFen),
  purpose: d.purpose,
  status: d.status,
  requestedAt: d.requestedAt.toISOString(),
  requestedByName: d.requestedByName,
  decidedAt: iso(d.decidedAt),
  decidedByName: d.decidedByName,
  decisionOpinion: d.decisionOpinion,
  version: d.version,
});

export function registerFundsRoutes(root: FastifyInstance, deps: FundsDeps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const env = () => loadWorkflowEnv(deps.db, deps.clock, deps.keyring);

  const fundsView = async (actor: Actor, id: string) => {
    const e = await env();
    const { pc, relation } = await visibleContext(deps.db, e, actor, id);
    if (relation.parties.size === 0 && relation.assignment?.kind !== 'evaluator')
      throw notFound('项目不存在或无权查看', 'PROJECT_NOT_FOUND');
    const [review, ledger, list] = await Promise.all([
      reviewOf(deps.db, id),
      ledgerOf(deps.db, id),
      disbursementsOf(deps.db, id),
    ]);
    const overrides = await overridesOf(
      deps.db,
      list.map((d) => d.id),
    );
    const budgetSteps = [
      budgetReviewStep(pc.rulebook),
      publicityStep(pc.rulebook),
      ...otherBudgetSteps(pc.rulebook),
    ]
      .filter((s) => s !== undefined)
      .sort(
        (a, b) =>
          pc.evaluation.steps.findIndex((s) => s.stepId === a.id) -
          pc.evaluation.steps.findIndex((s) => s.stepId === b.id),
      );
    const requested = review?.lines.reduce((s, l) => s + l.requestedFen, 0n) ?? 0n;
    const approved = review?.lines.reduce((s, l) => s + l.approvedFen, 0n) ?? 0n;
    return {
      project: {
        id,
        code: pc.bundle.project.code,
        name: pc.bundle.project.name,
        rulebook: pc.rulebook.id,
        department:
          pc.directory.organisations.find((o) => o.id === pc.bundle.project.ownerOrganisationId)?.name ?? '',
        totalBudget: formatFen(pc.bundle.project.totalBudgetFen),
        budgetYears: pc.bundle.budgetYears.map((y) => ({ year: y.year, amount: formatFen(y.amountFen) })),
        coBuilt: pc.bundle.coBuilderIds.length > 0 || pc.bundle.project.parentProjectId !== null,
      },
      steps: budgetSteps.map((step) => ({
        stepId: step.id,
        name: step.name,
        status: pc.evaluation.steps.find((s) => s.stepId === step.id)?.status ?? 'pending',
        actor: actorLabel(pc.rulebook, step),
        articles: step.articles,
        canAct: actingRoles(heldRoles(actor), pc.rulebook, step, parties(pc.bundle), pc.bindings).length > 0,
      })),
      review: review
        ? {
            id: review.id,
            stepId: review.stepId,
            number: review.number,
            opinion: review.opinion,
            decidedOn: review.decidedOn,
            reviewerName: review.reviewerName,
            reviewerOrganisation: review.reviewerOrganisation,
            requested: formatFen(requested),
            approved: formatFen(approved),
            cut: formatFen(requested - approved),
            lines: review.lines.map((l) => ({
              year: l.year,
              costItem: l.costItem,
              kind: l.kind,
              requested: formatFen(l.requestedFen),
              approved: formatFen(l.approvedFen),
              cut: formatFen(l.requestedFen - l.approvedFen),
              cutReason: l.cutReason,
            })),
            shares: review.shares.map((s) => ({
              level: s.level,
              levelLabel: levelLabel(s.level),
              kind: s.kind,
              amount: formatFen(s.amountFen),
              carriedBy: s.carriedBy,
            })),
          }
        : null,
      ledger: ledger.map((r) => ({
        year: r.year,
        budgeted: formatFen(r.budgetedFen),
        approvedConstruction: formatFen(r.approvedConstructionFen),
        approvedOm: formatFen(r.approvedOmFen),
        disbursedConstruction: formatFen(r.disbursedConstructionFen),
        disbursedOm: formatFen(r.disbursedOmFen),
        pending: formatFen(r.pendingFen),
      })),
      disbursements: list.map(presentDisbursement),
      overrides: overrides.map(presentOverride),
    };
  };

  app.get(
    '/api/funds/projects/:id',
    {
      schema: {
        tags: TAGS,
        summary: '项目资金：预算评审、分担、台账（按年度，建设/运维）、拨付与例外处理',
        params: ProjectParams,
        response: { 200: FundsView, ...errors },
      },
    },
    async (req) => fundsView(actorOf(req), req.params.id),
  );

  app.post(
    '/api/funds/projects/:id/budget-review',
    {
      schema: {
        tags: TAGS,
        summary: '录入预算评审结果并出具预算审定意见（按年度、按费用项目，核减须说明理由）',
        params: ProjectParams,
        body: BudgetReviewBody,
        response: { 201: CreatedReview, ...errors },
      },
    },
    async (req, reply) => {
      const body = req.body;
      const result = await recordBudgetReview(deps, commandContext(req), await env(), req.params.id, {
        opinion: body.opinion,
        lines: body.lines.map((l) => ({
          year: l.year,
          costItem: l.costItem,
          kind: l.kind,
          requestedFen: yuanToFen(l.requested),
          approvedFen: yuanToFen(l.approved),
          cutReason: l.cutReason ?? null,
        })),
        shares: body.shares.map((s) => ({
          level: s.level,
          kind: s.kind,
          amountFen: yuanToFen(s.amount),
          carriedBy: s.carriedBy,
        })),
      });
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/funds/projects/:id/budget-review/document',
    {
      schema: {
        tags: TAGS,
        summary: '下载预算审定意见（.docx）',
        params: ProjectParams,
        response: { 200: FileDownload('.docx 文件'), ...errors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = req.params.id;
      const e = await env();
      const { pc, relation } = await visibleContext(deps.db, e, actor, id);
      if (relation.parties.size === 0 && relation.assignment?.kind !== 'evaluator')
        throw notFound('项目不存在或无权查看', 'PROJECT_NOT_FOUND');
      const review = await reviewOf(deps.db, id);
      if (!review) throw notFound('尚未出具预算审定意见', 'BUDGET_OPINION_NOT_FOUND');
      const doc = budgetOpinionDocument({
        number: review.number,
        projectName: pc.bundle.project.name,
        projectCode: pc.bundle.project.code,
        department:
          pc.directory.organisations.find((o) => o.id === pc.bundle.project.ownerOrganisationId)?.name ?? '',
        reviewer: review.reviewerOrganisation,
        opinion: review.opinion,
        date: review.decidedOn,
        lines: review.lines.map((l) => ({ ...l, kind: l.kind as FundKind })),
        shares: review.shares.map((s) => ({ ...s, level: s.level as ShareLevel, kind: s.kind as FundKind })),
      });
      const bytes = await renderOfficialDocx(doc);
      await recordEvent(deps, commandContext(req), {
        action: 'certificate.download',
        objectType: 'budget_opinion',
        objectId: review.id,
        details: { number: review.number },
      });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(`预算审定意见-${review.number}.docx`)}`,
        )
        .send(bytes);
    },
  );

  app.post(
    '/api/funds/projects/:id/budget-steps/:stepId',
    {
      schema: {
        tags: TAGS,
        summary: '办理预算环节（安排建设及运维经费、预算上报）',
        params: StepParams,
        body: OpinionBody,
        response: { 200: FundsView, ...errors },
      },
    },
    async (req) => {
      const { id, stepId } = req.params;
      await decideBudgetStep(deps, commandContext(req), await env(), id, stepId, req.body.opinion);
      return fundsView(actorOf(req), id);
    },
  );

  // ---- publicity -------------------------------------------------------------------------------

  const authorityOrgs = (actor: Actor) =>
    actor.assignments
      .filter((a) => a.role === 'authority_reviewer' || a.role === 'authority_leader')
      .map((a) => a.organisationId);

  app.get(
    '/api/funds/notices',
    {
      schema: {
        tags: TAGS,
        summary: '本单位编制的资金拟分配计划公示',
        querystring: PagingQuery,
        response: { 200: NoticeList, ...errors },
      },
    },
    async (req) => {
      const q = req.query;
      const e = await env();
      const page = await noticesOf(deps.db, authorityOrgs(actorOf(req)), {
        limit: q.limit ?? 20,
        offset: q.offset ?? 0,
      });
      return {
        total: page.total,
        items: page.items.map((n) => ({
          id: n.id,
          title: n.title,
          year: n.year,
          startsOn: n.startsOn,
          endsOn: n.endsOn,
          phase: publicityPhase(n, e.today),
          authority: n.authority,
          itemCount: n.itemCount,
          itemTotal: formatFen(BigInt(n.itemTotal)),
          status: n.status,
          version: n.version,
          objectionCount: n.objectionCount,
          openObjections: n.openObjections,
        })),
      };
    },
  );

  app.post(
    '/api/funds/notices',
    {
      schema: {
        tags: TAGS,
        summary: '编制资金拟分配计划公示（草稿）',
        body: NoticeBody,
        response: { 201: Created, ...errors },
      },
    },
    async (req, reply) => {
      const body = req.body;
      const id = await createNotice(deps, commandContext(req), await env(), {
        ...body,
        items: body.items.map((i) => ({ projectId: i.projectId, amountFen: yuanToFen(i.amount) })),
      });
      return reply.status(201).send({ id });
    },
  );

  const noticeDetail = async (actor: Actor, id: string) => {
    const e = await env();
    const notice = await ownNotice(deps.db, actor, id);
    const [items, objections] = await Promise.all([
      noticeItems(deps.db, id),
      noticeObjections(deps.db, id, false),
    ]);
    const total = items.reduce((s, i) => s + i.amountFen, 0n);
    const authority = (await organisationName(deps.db, notice.organisationId)) ?? '';
    return {
      id: notice.id,
      title: notice.title,
      year: notice.year,
      startsOn: notice.startsOn,
      endsOn: notice.endsOn,
      phase: publicityPhase(notice, e.today),
      authority,
      itemCount: items.length,
      itemTotal: formatFen(total),
      status: notice.status,
      version: notice.version,
      items: items.map((i) => ({
        projectId: i.projectId,
        projectCode: i.projectCode,
        projectName: i.projectName,
        department: i.department,
        amount: formatFen(i.amountFen),
      })),
      objections: objections.map((o) => ({
        id: o.id,
        content: o.content,
        createdAt: o.createdAt.toISOString(),
        answer: o.answer,
        answeredAt: iso(o.answeredAt),
      })),
    };
  };
  app.get(
    '/api/funds/notices/:id',
    {
      schema: {
        tags: TAGS,
        summary: '公示详情（含全部异议）',
        params: IdParams,
        response: { 200: NoticeDetail, ...errors },
      },
    },
    async (req) => noticeDetail(actorOf(req), req.params.id),
  );

  app.post(
    '/api/funds/notices/:id/publish',
    {
      schema: {
        tags: TAGS,
        summary: '发布公示（项目均须已有预算审定意见）',
        params: IdParams,
        body: VersionBody,
        response: { 200: NoticeDetail, ...errors },
      },
    },
    async (req) => {
      const id = req.params.id;
      await publishNotice(deps, commandContext(req), await env(), id, req.body.version);
      return noticeDetail(actorOf(req), id);
    },
  );

  app.post(
    '/api/funds/objections/:id/answer',
    {
      schema: {
        tags: TAGS,
        summary: '答复公示异议（答复随公示公开）',
        params: IdParams,
        body: AnswerBody,
        response: { 204: { type: 'null' }, ...errors },
      },
    },
    async (req, reply) => {
      await answerObjection(deps, commandContext(req), await env(), req.params.id, req.body.answer);
      return reply.status(204).send(null);
    },
  );

  // ---- disbursements ---------------------------------------------------------------------------

  app.get(
    '/api/funds/disbursements',
    {
      schema: {
        tags: TAGS,
        summary: '拨付申请（财政：待审批队列；建设单位：本单位申请）',
        querystring: QueueQuery,
        response: { 200: Queue, ...errors },
      },
    },
    async (req) => {
      const q = req.query;
      const page = await disbursementQueue(deps.db, await env(), actorOf(req), {
        status: q.status,
        limit: q.limit ?? 20,
        offset: q.offset ?? 0,
      });
      return {
        total: page.total,
        items: page.items.map((d) => ({
          id: d.id,
          projectId: d.projectId,
          projectCode: d.projectCode,
          projectName: d.projectName,
          department: d.department,
          year: d.year,
          kind: d.kind,
          kindLabel: kindLabel(d.kind),
          amount: formatFen(d.amountFen),
          purpose: d.purpose,
          status: d.status,
          requestedAt: d.requestedAt.toISOString(),
          requestedByName: d.requestedByName,
          decidedAt: iso(d.decidedAt),
          version: d.version,
        })),
      };
    },
  );

  app.post(
    '/api/funds/disbursements',
    {
      schema: {
        tags: TAGS,
        summary: '申请拨付建设资金或运维经费（不超过审定预算）',
        body: DisbursementBody,
        response: { 201: Created, ...errors },
      },
    },
    async (req, reply) => {
      const body = req.body;
      const id = await requestDisbursement(deps, commandContext(req), await env(), {
        projectId: body.projectId,
        year: body.year,
        kind: body.kind,
        amountFen: yuanToFen(body.amount),
        purpose: body.purpose,
      });
      return reply.status(201).send({ id });
    },
  );

  const disbursementDetail = async (actor: Actor, id: string) => {
    const e = await env();
    const { row, pc } = await visibleDisbursement(deps.db, e, actor, id);
    const [list, overrides, consent] = await Promise.all([
      disbursementsOf(deps.db, row.projectId),
      overridesOf(deps.db, [id]),
      consentOf(deps.db, id),
    ]);
    const gates =
      row.status === 'pending'
        ? await disbursementGates(deps.db, pc, row)
        : storedGates(row, pc.rulebook.gates);
    const item = list.find((d) => d.id === id)!;
    return {
      disbursement: presentDisbursement(item),
      project: {
        id: row.projectId,
        code: pc.bundle.project.code,
        name: pc.bundle.project.name,
        rulebook: pc.rulebook.id,
      },
      action: disbursementAction(row.kind as FundKind),
      gates: gates.map((g) => ({
        gateId: g.gateId,
        name: g.name,
        applicable: g.applicable,
        passed: g.passed,
        severity: g.severity,
        strength: g.strength,
        overridden: g.overridden,
        blocking: g.blocking,
        reason: g.reason,
        article: g.article,
        citation: g.citation,
      })),
      blocked: gates.some((g) => g.blocking),
      consentRequired: pc.rulebook.gates.some((g) =>
        JSON.stringify(g.passWhen).includes('"disbursementConsent"'),
      ),
      consent: consent
        ? {
            decision: consent.decision,
            opinion: consent.opinion,
            decidedAt: consent.decidedAt.toISOString(),
            decidedByName: consent.decidedByName,
            organisation: consent.organisation,
          }
        : null,
      overrides: overrides.map(presentOverride),
    };
  };

  app.get(
    '/api/funds/disbursements/:id',
    {
      schema: {
        tags: TAGS,
        summary: '拨付申请详情：逐项拨付条件（依据条款）、局党组决定、例外处理',
        params: IdParams,
        response: { 200: DisbursementDetail, ...errors },
      },
    },
    async (req) => disbursementDetail(actorOf(req), req.params.id),
  );

  app.post(
    '/api/funds/disbursements/:id/consent',
    {
      schema: {
        tags: TAGS,
        summary: '局党组对该笔拨付作出同意或不同意的决定（XZ-05b）',
        params: IdParams,
        body: ConsentBody,
        response: { 200: DisbursementDetail, ...errors },
      },
    },
    async (req) => {
      const id = req.params.id;
      const body = req.body;
      await recordConsent(deps, commandContext(req), await env(), id, body.decision, body.opinion);
      return disbursementDetail(actorOf(req), id);
    },
  );

  app.post(
    '/api/funds/disbursements/:id/decision',
    {
      schema: {
        tags: TAGS,
        summary: '财政审批拨付：同意（须通过全部拨付条件）或不予拨付',
        params: IdParams,
        body: DecisionBody,
        response: { 200: DisbursementDetail, ...errors },
      },
    },
    async (req) => {
      const id = req.params.id;
      await decideDisbursement(deps, commandContext(req), await env(), id, req.body);
      return disbursementDetail(actorOf(req), id);
    },
  );

  app.post(
    '/api/funds/disbursements/:id/overrides',
    {
      schema: {
        tags: TAGS,
        summary: '对“一般”“原则上”类拨付条件申请例外处理（刚性条款一律拒绝）',
        params: IdParams,
        body: OverrideBody,
        response: { 201: Created, ...errors },
      },
    },
    async (req, reply) => {
      const id = await requestOverride(deps, commandContext(req), await env(), req.params.id, req.body);
      return reply.status(201).send({ id });
    },
  );

  app.post(
    '/api/funds/overrides/:id/approve',
    {
      schema: {
        tags: TAGS,
        summary: '另一名财政人员复核同意例外处理',
        params: IdParams,
        response: { 204: { type: 'null' }, ...errors },
      },
    },
    async (req, reply) => {
      await approveOverride(deps, commandContext(req), await env(), req.params.id);
      return reply.status(204).send(null);
    },
  );
}

/** The gate results stored with a decided disbursement, in the shape of live ones. */
function storedGates(row: DisbursementRecord, gates: readonly { id: string; severity: string }[]) {
  return (row.gateResults ?? []).map((g) => {
    const r = g as Record<string, unknown>;
    const passed = r.passed === true;
    const overridden = r.overridden === true;
    const severity = gates.find((x) => x.id === r.gateId)?.severity ?? 'block';
    return {
      gateId: String(r.gateId),
      name: String(r.name),
      applicable: r.applicable !== false,
      passed,
      severity,
      strength: String(r.strength ?? 'absolute'),
      overridden,
      blocking: !passed && severity === 'block' && !overridden,
      reason: String(r.reason),
      article: String(r.article),
      citation: String(r.citation ?? r.article),
    };
  });
}
