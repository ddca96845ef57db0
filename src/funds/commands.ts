/**
 * The money commands (issue 13). Each runs in `runCommand`: one transaction and one audit row; a
 * refusal is a DomainError with its code, Chinese message, field and article.
 *
 *  - budget review by the body the rulebook's budget step names (DT third party, SC 财政评审中心,
 *    XZ 财务科, JC 财政局), recorded as that step's outcome; the other budget steps (安排经费, 上报);
 *  - publicity notices: drafted and published by the authority, refused while a project in it has no
 *    approved budget; anonymous objections while the notice runs, answered by the authority;
 *  - disbursements: requested by the department within the approved budget, the 局党组 consent as a
 *    decision where the rulebook asks for it, approved only when every gate passes (or a softened
 *    one is overridden by two different finance users), refused with an opinion.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import { informationSystems } from '../catalog/tables.ts';
import { hmacSm3Hex } from '../crypto/sm3.ts';
import type { Queryable, Tx } from '../db/client.ts';
import type { Actor, Assignment } from '../identity/actor.ts';
import { nextNumber } from '../platform/numbering.ts';
import { actingRoles } from '../projects/actors.ts';
import {
  heldRoles,
  type ProjectContext,
  parties,
  visibleContext,
  type WorkflowEnv,
} from '../projects/repository.ts';
import { projectSystems } from '../projects/tables.ts';
import type { RoleCode, Step, StepCheck } from '../rules/index.ts';
import { type CommandContext, runCommand } from '../shared/command.ts';
import { conflict, forbidden, invalid, notFound, refused } from '../shared/errors.ts';
import { insertAction, type ProjectDeps, refreshProject } from '../workflow/index.ts';
import {
  budgetReviewStep,
  disbursementAction,
  disbursementFacts,
  type FundKind,
  formatFen,
  fundsArrangedStep,
  type GateView,
  otherBudgetSteps,
  publicityPhase,
  publicityStep,
  type ReviewLine,
  type ReviewShare,
  reviewFacts,
  validateReview,
  withOverrides,
} from './model.ts';
import {
  budgetReviewLines,
  budgetReviews,
  budgetShares,
  disbursementConsents,
  disbursements,
  gateOverrides,
  publicityItems,
  publicityNotices,
  publicityObjections,
} from './tables.ts';

export type FundsDeps = ProjectDeps;

const AUTHORITY_ROLES = ['authority_reviewer', 'authority_leader'];

// ---- helpers -----------------------------------------------------------------------------------

/** Rulebook objections as the error contract: gates 422 with the article, a step not open 409. */
function throwProblems(check: StepCheck): void {
  if (check.allowed) return;
  const gates = check.problems.filter((p) => p.code === 'GATE_BLOCKED');
  if (gates.length > 0)
    throw refused('GATE_BLOCKED', gates.map((g) => g.message).join('；'), gates[0].article ?? '');
  const notOpen = check.problems.find((p) => p.code === 'STEP_NOT_OPEN');
  if (notOpen) throw conflict('STEP_NOT_OPEN', `${notOpen.message}（可能已办理或尚未到此环节）`);
  const materials = check.problems.find((p) => p.code === 'MATERIALS_MISSING');
  if (materials) throw refused('MATERIALS_MISSING', materials.message, materials.article ?? '');
  const other = check.problems[0];
  throw invalid(other.code, other.message, other.article ? { article: other.article } : undefined);
}

/**
 * The caller's assignment that acts on `step` of this project (the rulebook's body, or the third party
 * commissioned on the project), or 403 naming the step and article.
 */
function stepActor(actor: Actor, pc: ProjectContext, step: Step): Assignment {
  const roles = actingRoles(heldRoles(actor), pc.rulebook, step, parties(pc.bundle), pc.bindings);
  const first = roles[0];
  let found = first
    ? actor.assignments.find((a) => a.role === first.role && a.organisationId === first.organisationId)
    : undefined;
  // A third party acts where the authority commissioned it on this project (DT-14).
  if (!found && step.actor.role === 'third_party_evaluator') {
    const commissioned = pc.bundle.assignments.some(
      (a) => a.userIndex === pc.env.expertIndex(actor.userId) && a.kind === 'evaluator',
    );
    found = commissioned ? actor.assignments.find((a) => a.role === 'third_party_evaluator') : undefined;
  }
  if (!found)
    throw forbidden(`“${step.name}”不由您所在单位办理`, 'STEP_ACTOR_MISMATCH', { article: step.articles[0] });
  return found;
}

/** The caller's finance role in an organisation the project's rulebook names as finance. */
function financeRole(actor: Actor, pc: ProjectContext): Assignment {
  const financeOrgs = new Set(
    pc.rulebook.organisations
      .filter((o) => o.kind === 'finance')
      .map((o) => pc.bindings.get(o.key))
      .filter((id): id is string => id !== undefined),
  );
  const found = actor.assignments.find(
    (a) => a.role === 'finance_officer' && financeOrgs.has(a.organisationId),
  );
  if (!found) throw forbidden('资金拨付由本项目的财政（财务）部门审批', 'NOT_PROJECT_FINANCE');
  return found;
}

/** The department role of the caller in the project's own (or a co-building) department. */
function departmentRole(actor: Actor, pc: ProjectContext): Assignment {
  const orgs = new Set([pc.bundle.project.ownerOrganisationId, ...pc.bundle.coBuilderIds]);
  const found = actor.assignments.find((a) => a.role === 'dept_staff' && orgs.has(a.organisationId));
  if (!found) throw forbidden('资金拨付由项目建设单位申请', 'NOT_PROJECT_DEPARTMENT');
  return found;
}

function recordStep(
  tx: Tx,
  deps: FundsDeps,
  env: WorkflowEnv,
  actor: Actor,
  pc: ProjectContext,
  step: Step,
  role: Assignment,
  opinion: string,
  details: Record<string, unknown>,
) {
  return insertAction(tx, env, actor, pc.bundle.project.id, {
    kind: 'step',
    stepId: step.id,
    event: step.outcomes[0].event,
    opinion,
    details,
    role,
    sign: deps.keyring,
  });
}

async function approvedReview(tx: Tx, projectId: string) {
  const [review] = await tx.select().from(budgetReviews).where(eq(budgetReviews.projectId, projectId));
  return review ?? null;
}

// ---- budget review -----------------------------------------------------------------------------

export interface BudgetReviewInput {
  opinion: string;
  lines: ReviewLine[];
  shares: ReviewShare[];
}

export async function recordBudgetReview(
  deps: FundsDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  projectId: string,
  input: BudgetReviewInput,
): Promise<{ id: string; number: string }> {
  const actor = ctx.actor!;
  return runCommand(
    deps,
    ctx,
    { action: 'funds.budget_review', objectType: 'project', objectId: projectId },
    async (tx, audit) => {
      const { pc } = await visibleContext(tx, env, actor, projectId, { lock: true });
      const step = budgetReviewStep(pc.rulebook);
      if (!step) throw notFound('该项目的规则集中没有预算环节', 'STEP_NOT_FOUND');
      const role = stepActor(actor, pc, step);
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      if (await approvedReview(tx, projectId))
        throw conflict('BUDGET_ALREADY_REVIEWED', '该项目已出具预算审定意见');
      throwProblems(pc.evaluation.checkStep(step.id, role.role as RoleCode));
      validateReview(input.lines, input.shares, pc.bundle.budgetYears);
      // SC-14, JC-05-3: a co-built project states the district's share and the budget carrying it.
      const shareGates = pc.evaluation
        .checkGates('review_budget', reviewFacts(input.shares))
        .filter((g) => !g.passed && g.severity === 'block');
      if (shareGates.length > 0)
        throw refused(
          'GATE_BLOCKED',
          shareGates.map((g) => `${g.reason}（${g.citation}）`).join('；'),
          shareGates[0].article,
          { field: 'shares' },
        );
      const year = Number(env.today.slice(0, 4));
      const seq = await nextNumber(tx, pc.bundle.project.jurisdictionId, 'budget_opinion', year);
      const prefix = pc.rulebook.jurisdictionName.replace(/市|区|局|县/g, '').slice(0, 2);
      const number = `${prefix}预审〔${year}〕${seq}号`;
      const action = await recordStep(tx, deps, env, actor, pc, step, role, input.opinion, {
        budgetOpinion: number,
      });
      const [review] = await tx
        .insert(budgetReviews)
        .values({
          projectId,
          stepId: step.id,
          number,
          opinion: input.opinion,
          reviewerUserId: actor.userId,
          reviewerOrganisationId: role.organisationId,
          decidedOn: env.today,
          actionId: action.id,
        })
        .returning({ id: budgetReviews.id });
      await tx.insert(budgetReviewLines).values(
        input.lines.map((l) => ({
          reviewId: review.id,
          year: l.year,
          costItem: l.costItem.trim(),
          kind: l.kind,
          requestedFen: l.requestedFen,
          approvedFen: l.approvedFen,
          cutReason: l.approvedFen < l.requestedFen ? (l.cutReason ?? '').trim() : null,
        })),
      );
      if (input.shares.length > 0)
        await tx.insert(budgetShares).values(
          input.shares.map((s) => ({
            reviewId: review.id,
            level: s.level,
            kind: s.kind,
            amountFen: s.amountFen,
            carriedBy: s.carriedBy.trim(),
          })),
        );
      await refreshProject(tx, env, projectId);
      const requested = input.lines.reduce((s, l) => s + l.requestedFen, 0n);
      const approved = input.lines.reduce((s, l) => s + l.approvedFen, 0n);
      audit.details = {
        stepId: step.id,
        number,
        requested: formatFen(requested),
        approved: formatFen(approved),
      };
      return { id: review.id, number };
    },
  );
}

/** 安排经费 / 上报预算: the budget steps after the review and the publicity. */
export async function decideBudgetStep(
  deps: FundsDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  projectId: string,
  stepId: string,
  opinion: string,
): Promise<void> {
  const actor = ctx.actor!;
  await runCommand(
    deps,
    ctx,
    { action: 'funds.budget_step', objectType: 'project', objectId: projectId, details: { stepId } },
    async (tx, audit) => {
      const { pc } = await visibleContext(tx, env, actor, projectId, { lock: true });
      const step = otherBudgetSteps(pc.rulebook).find((s) => s.id === stepId);
      if (!step) throw notFound('该项目的预算环节中没有这个步骤', 'STEP_NOT_FOUND');
      const role = stepActor(actor, pc, step);
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      throwProblems(pc.evaluation.checkStep(step.id, role.role as RoleCode));
      await recordStep(tx, deps, env, actor, pc, step, role, opinion, {});
      await refreshProject(tx, env, projectId);
    },
  );
}

// ---- publicity ---------------------------------------------------------------------------------

function authorityRole(actor: Actor): Assignment {
  const found = actor.assignments.find((a) => AUTHORITY_ROLES.includes(a.role));
  if (!found) throw forbidden('公示由政务信息化主管部门办理', 'NOT_AUTHORITY');
  return found;
}

export interface NoticeInput {
  title: string;
  year: number;
  startsOn: string;
  endsOn: string;
  items: { projectId: string; amountFen: bigint }[];
}

export async function createNotice(
  deps: FundsDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  input: NoticeInput,
): Promise<string> {
  const actor = ctx.actor!;
  return runCommand(
    deps,
    ctx,
    { action: 'funds.publicity_create', objectType: 'publicity' },
    async (tx, audit) => {
      const role = authorityRole(actor);
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      if (input.endsOn < input.startsOn)
        throw invalid('DATES_INVALID', '公示结束日期不得早于开始日期', { field: 'endsOn' });
      if (input.items.length === 0) throw invalid('ITEMS_REQUIRED', '请至少列入一个项目', { field: 'items' });
      const seen = new Set<string>();
      const rows: { projectId: string; organisationId: string; amountFen: bigint }[] = [];
      for (const [i, item] of input.items.entries()) {
        if (seen.has(item.projectId))
          throw invalid('ITEM_DUPLICATE', '同一项目重复列入', { field: `items[${i}].projectId` });
        seen.add(item.projectId);
        // A project the caller cannot see, or of another jurisdiction, is absent (404, no field).
        const { pc } = await visibleContext(tx, env, actor, item.projectId);
        if (pc.bundle.project.jurisdictionId !== role.jurisdictionId)
          throw notFound('项目不存在或无权查看', 'PROJECT_NOT_FOUND');
        rows.push({
          projectId: item.projectId,
          organisationId: pc.bundle.project.ownerOrganisationId,
          amountFen: item.amountFen,
        });
      }
      const [notice] = await tx
        .insert(publicityNotices)
        .values({
          jurisdictionId: role.jurisdictionId,
          organisationId: role.organisationId,
          title: input.title,
          year: input.year,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          createdBy: actor.userId,
        })
        .returning({ id: publicityNotices.id });
      await tx.insert(publicityItems).values(rows.map((r) => ({ ...r, noticeId: notice.id })));
      audit.objectId = notice.id;
      return notice.id;
    },
  );
}

/** The notice of the caller's authority, or 404 (another jurisdiction's looks absent). */
export async function ownNotice(tx: Queryable, actor: Actor, id: string, lock = false) {
  const base = tx.select().from(publicityNotices).where(eq(publicityNotices.id, id));
  const [notice] = lock ? await base.for('update') : await base;
  const orgs = actor.assignments.filter((a) => AUTHORITY_ROLES.includes(a.role)).map((a) => a.organisationId);
  if (!notice || !orgs.includes(notice.organisationId))
    throw notFound('公示不存在或无权查看', 'NOTICE_NOT_FOUND');
  return notice;
}

export async function publishNotice(
  deps: FundsDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  id: string,
  version: number,
): Promise<void> {
  const actor = ctx.actor!;
  await runCommand(
    deps,
    ctx,
    { action: 'funds.publicity_publish', objectType: 'publicity', objectId: id },
    async (tx, audit) => {
      const notice = await ownNotice(tx, actor, id, true);
      if (notice.version !== version)
        throw conflict('VERSION_CONFLICT', '公示已被他人修改，请刷新后重试', { field: 'version' });
      if (notice.status !== 'draft') throw conflict('ALREADY_PUBLISHED', '该公示已发布');
      const items = await tx.select().from(publicityItems).where(eq(publicityItems.noticeId, id));
      for (const item of items) {
        const { pc } = await visibleContext(tx, env, actor, item.projectId, { lock: true });
        const step = publicityStep(pc.rulebook);
        const article = step?.articles[0] ?? budgetReviewStep(pc.rulebook)?.articles[0] ?? '';
        if (!(await approvedReview(tx, item.projectId)))
          throw refused(
            'BUDGET_NOT_APPROVED',
            `项目“${pc.bundle.project.name}”尚无预算审定意见，项目预算确定后方可公示资金拟分配计划`,
            article,
          );
        if (!step) continue;
        const state = pc.evaluation.steps.find((s) => s.stepId === step.id)?.status;
        if (state !== 'open') continue;
        const role = stepActor(actor, pc, step);
        audit.role = role.role;
        audit.organisationId = role.organisationId;
        await recordStep(tx, deps, env, actor, pc, step, role, notice.title, { publicityId: id });
        await refreshProject(tx, env, item.projectId);
      }
      await tx
        .update(publicityNotices)
        .set({
          status: 'published',
          publishedBy: actor.userId,
          publishedAt: env.now,
          version: notice.version + 1,
        })
        .where(eq(publicityNotices.id, id));
      audit.details = { projects: items.length, startsOn: notice.startsOn, endsOn: notice.endsOn };
    },
  );
}

/** An anonymous objection while the notice runs; the address is kept only as a keyed hash. */
export async function fileObjection(
  deps: FundsDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  noticeId: string,
  content: string,
): Promise<string> {
  return runCommand(
    deps,
    ctx,
    { action: 'funds.objection_file', objectType: 'publicity', objectId: noticeId },
    async (tx) => {
      const [notice] = await tx.select().from(publicityNotices).where(eq(publicityNotices.id, noticeId));
      const phase = notice ? publicityPhase(notice, env.today) : 'draft';
      if (!notice || phase === 'draft' || phase === 'scheduled')
        throw notFound('公示不存在', 'NOTICE_NOT_FOUND');
      if (phase === 'ended') throw conflict('PUBLICITY_ENDED', '公示期已结束，不再受理异议');
      const text = content.trim();
      if (text.length === 0) throw invalid('CONTENT_REQUIRED', '请填写异议内容', { field: 'content' });
      const [row] = await tx
        .insert(publicityObjections)
        .values({
          noticeId,
          content: text,
          clientKey: hmacSm3Hex(deps.auditKey, `objection:${ctx.sourceIp ?? ''}`),
          createdAt: env.now,
        })
        .returning({ id: publicityObjections.id });
      return row.id;
    },
  );
}

export async function answerObjection(
  deps: FundsDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  id: string,
  answer: string,
): Promise<void> {
  const actor = ctx.actor!;
  await runCommand(
    deps,
    ctx,
    { action: 'funds.objection_answer', objectType: 'publicity_objection', objectId: id },
    async (tx, audit) => {
      const [row] = await tx
        .select()
        .from(publicityObjections)
        .where(eq(publicityObjections.id, id))
        .for('update');
      if (!row) throw notFound('异议不存在或无权查看', 'OBJECTION_NOT_FOUND');
      await ownNotice(tx, actor, row.noticeId).catch(() => {
        throw notFound('异议不存在或无权查看', 'OBJECTION_NOT_FOUND');
      });
      const role = authorityRole(actor);
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      if (row.answer !== null) throw conflict('ALREADY_ANSWERED', '该异议已答复');
      if (answer.trim() === '') throw invalid('ANSWER_REQUIRED', '请填写答复内容', { field: 'answer' });
      await tx
        .update(publicityObjections)
        .set({
          answer: answer.trim(),
          answeredBy: actor.userId,
          answeredAt: env.now,
          version: row.version + 1,
        })
        .where(eq(publicityObjections.id, id));
      audit.details = { noticeId: row.noticeId };
    },
  );
}

// ---- disbursements -----------------------------------------------------------------------------

export interface DisbursementInput {
  projectId: string;
  year: number;
  kind: FundKind;
  amountFen: bigint;
  purpose: string;
}

export async function requestDisbursement(
  deps: FundsDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  input: DisbursementInput,
): Promise<string> {
  const actor = ctx.actor!;
  return runCommand(
    deps,
    ctx,
    { action: 'funds.disbursement_request', objectType: 'project', objectId: input.projectId },
    async (tx, audit) => {
      const { pc } = await visibleContext(tx, env, actor, input.projectId, { lock: true });
      const role = departmentRole(actor, pc);
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      const review = await approvedReview(tx, input.projectId);
      if (!review)
        throw refused(
          'BUDGET_NOT_APPROVED',
          '项目尚无预算审定意见，不能申请拨付',
          budgetReviewStep(pc.rulebook)?.articles[0] ?? '',
        );
      const arranged = fundsArrangedStep(pc.rulebook);
      const arrangedStatus = pc.evaluation.steps.find((s) => s.stepId === arranged?.id)?.status;
      if (arranged && arrangedStatus !== 'done')
        throw refused(
          'FUNDS_NOT_ARRANGED',
          `项目经费尚未安排（“${arranged.name}”未完成），不能申请拨付`,
          arranged.articles[0] ?? '',
        );
      const [approved] = await tx
        .select({ fen: sql<string>`coalesce(sum(${budgetReviewLines.approvedFen}), 0)` })
        .from(budgetReviewLines)
        .where(
          and(
            eq(budgetReviewLines.reviewId, review.id),
            eq(budgetReviewLines.year, input.year),
            eq(budgetReviewLines.kind, input.kind),
          ),
        );
      const [used] = await tx
        .select({ fen: sql<string>`coalesce(sum(${disbursements.amountFen}), 0)` })
        .from(disbursements)
        .where(
          and(
            eq(disbursements.projectId, input.projectId),
            eq(disbursements.year, input.year),
            eq(disbursements.kind, input.kind),
            ne(disbursements.status, 'refused'),
          ),
        );
      const remaining = BigInt(approved.fen) - BigInt(used.fen);
      if (input.amountFen > remaining)
        throw invalid(
          'AMOUNT_EXCEEDS_BUDGET',
          `申请金额超过${input.year}年审定预算的可拨付余额（${formatFen(remaining < 0n ? 0n : remaining)}元）`,
          { field: 'amount' },
        );
      const [row] = await tx
        .insert(disbursements)
        .values({
          projectId: input.projectId,
          year: input.year,
          kind: input.kind,
          amountFen: input.amountFen,
          purpose: input.purpose.trim(),
          requestedBy: actor.userId,
          requestingOrganisationId: role.organisationId,
          requestedAt: env.now,
        })
        .returning({ id: disbursements.id });
      audit.objectType = 'disbursement';
      audit.objectId = row.id;
      audit.details = {
        projectId: input.projectId,
        year: input.year,
        kind: input.kind,
        amount: formatFen(input.amountFen),
      };
      return row.id;
    },
  );
}

/** The disbursement with its project, as the caller may see it (or 404). */
export async function visibleDisbursement(
  tx: Queryable,
  env: WorkflowEnv,
  actor: Actor,
  id: string,
  lock = false,
) {
  const base = tx.select().from(disbursements).where(eq(disbursements.id, id));
  const [row] = lock ? await base.for('update') : await base;
  if (!row) throw notFound('拨付申请不存在或无权查看', 'DISBURSEMENT_NOT_FOUND');
  const { pc, relation } = await visibleContext(tx, env, actor, row.projectId).catch(() => {
    throw notFound('拨付申请不存在或无权查看', 'DISBURSEMENT_NOT_FOUND');
  });
  if (relation.parties.size === 0) throw notFound('拨付申请不存在或无权查看', 'DISBURSEMENT_NOT_FOUND');
  return { row, pc };
}

/** Whether the project's rulebook asks for the consent of a leadership body to each payment (XZ-05b). */
function consentGate(pc: ProjectContext) {
  return pc.rulebook.gates.find((g) => JSON.stringify(g.passWhen).includes('"disbursementConsent"'));
}

/** Every gate of the disbursement's action on the stored facts, with approved overrides applied. */
export async function disbursementGates(
  tx: Queryable,
  pc: ProjectContext,
  row: typeof disbursements.$inferSelect,
): Promise<GateView[]> {
  const [consent] = await tx
    .select({ decision: disbursementConsents.decision })
    .from(disbursementConsents)
    .where(eq(disbursementConsents.disbursementId, row.id));
  const systems = await tx
    .select({
      deployment: informationSystems.deployment,
      cloudMigration: informationSystems.cloudMigration,
      sharedOnPlatform: informationSystems.sharedOnPlatform,
    })
    .from(projectSystems)
    .innerJoin(informationSystems, eq(informationSystems.id, projectSystems.systemId))
    .where(eq(projectSystems.projectId, row.projectId));
  const overrides = await tx
    .select({ gateId: gateOverrides.gateId })
    .from(gateOverrides)
    .where(and(eq(gateOverrides.disbursementId, row.id), sql`${gateOverrides.approvedBy} is not null`));
  const facts = disbursementFacts(systems, (consent?.decision as 'consent' | 'refuse' | undefined) ?? null);
  const results = pc.evaluation.checkGates(disbursementAction(row.kind as FundKind), facts);
  return withOverrides(
    results,
    overrides.map((o) => o.gateId),
  );
}

export async function recordConsent(
  deps: FundsDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  id: string,
  decision: 'consent' | 'refuse',
  opinion: string,
): Promise<void> {
  const actor = ctx.actor!;
  await runCommand(
    deps,
    ctx,
    { action: 'funds.disbursement_consent', objectType: 'disbursement', objectId: id, details: { decision } },
    async (tx, audit) => {
      const { row, pc } = await visibleDisbursement(tx, env, actor, id, true);
      const gate = consentGate(pc);
      if (!gate) throw conflict('CONSENT_NOT_REQUIRED', '本项目的管理办法不要求对每笔拨付作出同意决定');
      const directory = pc.directory;
      const bodies = pc.rulebook.organisations
        .filter((o) => o.kind === 'leadership_body')
        .map((o) => pc.bindings.get(o.key))
        .filter((orgId): orgId is string => orgId !== undefined)
        .filter(
          (orgId) =>
            directory.organisations.find((o) => o.id === orgId)?.jurisdictionId ===
            pc.bundle.project.jurisdictionId,
        );
      const role = actor.assignments.find(
        (a) => a.role === 'leadership_body' && bodies.includes(a.organisationId),
      );
      if (!role)
        throw forbidden('拨付资金须由局党组作出决定', 'NOT_CONSENT_BODY', { article: gate.articles[0] });
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      if (row.status !== 'pending') throw conflict('DISBURSEMENT_DECIDED', '该拨付申请已办结');
      if (opinion.trim() === '') throw invalid('OPINION_REQUIRED', '请填写意见', { field: 'opinion' });
      const [existing] = await tx
        .select({ id: disbursementConsents.id })
        .from(disbursementConsents)
        .where(eq(disbursementConsents.disbursementId, id));
      if (existing) throw conflict('CONSENT_RECORDED', '已对该笔拨付作出决定');
      await tx.insert(disbursementConsents).values({
        disbursementId: id,
        decision,
        opinion: opinion.trim(),
        decidedBy: actor.userId,
        organisationId: role.organisationId,
        decidedAt: env.now,
      });
      await tx
        .update(disbursements)
        .set({ version: row.version + 1 })
        .where(eq(disbursements.id, id));
    },
  );
}

export async function decideDisbursement(
  deps: FundsDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  id: string,
  input: { decision: 'approve' | 'refuse'; opinion: string; version: number },
): Promise<void> {
  const actor = ctx.actor!;
  await runCommand(
    deps,
    ctx,
    {
      action: 'funds.disbursement_decide',
      objectType: 'disbursement',
      objectId: id,
      details: { decision: input.decision },
    },
    async (tx, audit) => {
      const { row, pc } = await visibleDisbursement(tx, env, actor, id, true);
      const role = financeRole(actor, pc);
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      if (row.requestedBy === actor.userId) throw forbidden('不得审批本人提出的拨付申请', 'SELF_APPROVAL');
      if (row.version !== input.version)
        throw conflict('VERSION_CONFLICT', '拨付申请已有变化，请刷新后重试', { field: 'version' });
      if (row.status !== 'pending') throw conflict('DISBURSEMENT_DECIDED', '该拨付申请已办结');
      const gates = await disbursementGates(tx, pc, row);
      if (input.decision === 'approve') {
        const blocking = gates.filter((g) => g.blocking);
        if (blocking.length > 0)
          throw refused(
            'GATE_BLOCKED',
            blocking.map((g) => `${g.reason}（${g.citation}）`).join('；'),
            blocking[0].article,
            { details: { gates: blocking.map((g) => g.gateId) } },
          );
      } else if (input.opinion.trim() === '') {
        throw invalid('OPINION_REQUIRED', '不予拨付须说明理由', { field: 'opinion' });
      }
      await tx
        .update(disbursements)
        .set({
          status: input.decision === 'approve' ? 'approved' : 'refused',
          decidedBy: actor.userId,
          decidedAt: env.now,
          decisionOpinion: input.opinion.trim(),
          gateResults: gates.map((g) => ({
            gateId: g.gateId,
            name: g.name,
            passed: g.passed,
            applicable: g.applicable,
            strength: g.strength,
            overridden: g.overridden,
            article: g.article,
            citation: g.citation,
            reason: g.reason,
          })),
          version: row.version + 1,
        })
        .where(eq(disbursements.id, id));
      audit.details = {
        decision: input.decision,
        overridden: gates.filter((g) => g.overridden).map((g) => g.gateId),
      };
    },
  );
}

/** A finance user asks to lift one closed gate: refused with its article unless the gate is softened. */
export async function requestOverride(
  deps: FundsDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  id: string,
  input: { gateId: string; reason: string },
): Promise<string> {
  const actor = ctx.actor!;
  return runCommand(
    deps,
    ctx,
    {
      action: 'funds.override_request',
      objectType: 'disbursement',
      objectId: id,
      details: { gateId: input.gateId },
    },
    async (tx, audit) => {
      const { row, pc } = await visibleDisbursement(tx, env, actor, id, true);
      const role = financeRole(actor, pc);
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      if (row.status !== 'pending') throw conflict('DISBURSEMENT_DECIDED', '该拨付申请已办结');
      const gates = await disbursementGates(tx, pc, row);
      const gate = gates.find((g) => g.gateId === input.gateId);
      if (!gate) throw invalid('GATE_UNKNOWN', '该拨付不受此条件约束', { field: 'gateId' });
      if (gate.passed) throw conflict('GATE_OPEN', '该条件已满足，无需例外处理');
      if (gate.strength !== 'softened')
        throw refused(
          'GATE_ABSOLUTE',
          `${gate.reason}该条款为刚性规定，不得例外处理，须先补齐所缺事项（${gate.citation}）`,
          gate.article,
          { field: 'gateId' },
        );
      if (input.reason.trim() === '')
        throw invalid('REASON_REQUIRED', '请说明例外处理的理由', { field: 'reason' });
      const [existing] = await tx
        .select({ id: gateOverrides.id })
        .from(gateOverrides)
        .where(and(eq(gateOverrides.disbursementId, id), eq(gateOverrides.gateId, input.gateId)));
      if (existing) throw conflict('OVERRIDE_EXISTS', '已就该条件申请例外处理');
      const [created] = await tx
        .insert(gateOverrides)
        .values({
          disbursementId: id,
          gateId: gate.gateId,
          article: gate.article,
          reason: input.reason.trim(),
          requestedBy: actor.userId,
          requestedAt: env.now,
        })
        .returning({ id: gateOverrides.id });
      await tx
        .update(disbursements)
        .set({ version: row.version + 1 })
        .where(eq(disbursements.id, id));
      audit.details = { gateId: gate.gateId, article: gate.article, reason: input.reason.trim() };
      return created.id;
    },
  );
}

/** A second, different finance user approves the override. */
export async function approveOverride(
  deps: FundsDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  overrideId: string,
): Promise<void> {
  const actor = ctx.actor!;
  await runCommand(
    deps,
    ctx,
    { action: 'funds.override_approve', objectType: 'gate_override', objectId: overrideId },
    async (tx, audit) => {
      const [override] = await tx
        .select()
        .from(gateOverrides)
        .where(eq(gateOverrides.id, overrideId))
        .for('update');
      if (!override) throw notFound('例外处理申请不存在或无权查看', 'OVERRIDE_NOT_FOUND');
      const { row, pc } = await visibleDisbursement(tx, env, actor, override.disbursementId, true).catch(
        () => {
          throw notFound('例外处理申请不存在或无权查看', 'OVERRIDE_NOT_FOUND');
        },
      );
      const role = financeRole(actor, pc);
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      if (override.requestedBy === actor.userId)
        throw forbidden('例外处理须由另一名财务人员复核同意', 'SELF_APPROVAL');
      if (override.approvedBy !== null) throw conflict('OVERRIDE_APPROVED', '该例外处理已复核同意');
      if (row.status !== 'pending') throw conflict('DISBURSEMENT_DECIDED', '该拨付申请已办结');
      await tx
        .update(gateOverrides)
        .set({ approvedBy: actor.userId, approvedAt: env.now })
        .where(eq(gateOverrides.id, overrideId));
      await tx
        .update(disbursements)
        .set({ version: row.version + 1 })
        .where(eq(disbursements.id, row.id));
      audit.details = {
        disbursementId: row.id,
        gateId: override.gateId,
        article: override.article,
        requestedBy: override.requestedBy,
      };
    },
  );
}
