/**
 * The named workflow commands of a project, from draft to 立项. Each runs in one audited
 * transaction (runCommand) that first locks the project row, re-evaluates the project's rulebook
 * and lets the rulebook decide: who acts (step actor → role + organisation), whether the step is
 * open, which gates and materials it needs. N parallel calls on one step give one transition; the
 * others find the step done (409 STEP_NOT_OPEN).
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AuditAction } from '../audit/events.ts';
import { afterStepEvent } from '../construction/acceptance.ts';
import { canonicalJson } from '../crypto/canonical.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { signContent } from '../crypto/sm2.ts';
import { sm3Hex } from '../crypto/sm3.ts';
import type { Tx } from '../db/client.ts';
import { roleAssignments, users } from '../db/schema.ts';
import type { Actor, Assignment } from '../identity/actor.ts';
import { filingNoticeKind, isFilingStep } from '../notifications/model.ts';
import { notify, usersOfOrganisations } from '../notifications/notify.ts';
import { notifications } from '../notifications/tables.ts';
import { type DeadlineSync, syncDeadlines } from '../obligations/project-deadlines.ts';
import {
  type ApplicationField,
  type EventType,
  FACT_CATALOG,
  type FactName,
  type RoleCode,
  type Step,
  type StepCheck,
} from '../rules/index.ts';
import { sharingOpinionArticle } from '../rules/review.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../shared/command.ts';
import { conflict, forbidden, invalid, notFound, refused } from '../shared/errors.ts';
import { actingRoles, actorLabel, organisationsFor } from './actors.ts';
import { applicationSnapshot, projectColumns, validateApplication, writeChildren } from './application.ts';
import type { FileStore } from './files.ts';
import { ISSUED_DOCUMENTS } from './model.ts';
import {
  type ActionRow,
  heldRoles,
  loadBundle,
  loadDirectory,
  type ProjectContext,
  parties,
  projectContext,
  providedMaterials,
  type Relation,
  rulebookCodeOf,
  storedActions,
  visibleContext,
  type WorkflowEnv,
} from './repository.ts';
import type { CreateProjectInput, DecisionInput, FindingInput, UpdateProjectInput } from './schemas.ts';
import {
  documentCounters,
  projectActions,
  projectCertificates,
  projectStepHolders,
  projectSubmissions,
  projects,
} from './tables.ts';
import {
  BUDGET_EVENTS,
  isApplicantStage,
  isEstablishmentStage,
  openStepIds,
  projectState,
  RECORDED_EVENTS,
  type ReturnMode,
  returnTarget,
  reviewStep,
  stepInfo,
  submissionStep,
  withdrawTarget,
} from './workflow-state.ts';

export interface ProjectDeps extends CommandDeps {
  keyring: Keyring;
  files: FileStore;
  /** Issues the review documents when the filing step decides (src/review/issue.ts). */
  onFilingDecision?: FilingHook;
  /** Stores the 查重 check of each submission (src/dedup). */
  onSubmitted?: SubmissionHook;
  /** Refuses to conclude the review while a 查重 `high` hit is unacknowledged (src/dedup). */
  beforeReviewConcludes?: ReviewGate;
}

export type SubmissionHook = (
  tx: Tx,
  pc: ProjectContext,
  submission: { seq: number; userId: string; at: Date },
) => Promise<void>;

export type ReviewGate = (tx: Tx, pc: ProjectContext, step: Step) => Promise<void>;

export type FilingHook = (
  tx: Tx,
  pc: ProjectContext,
  decision: {
    actionId: number;
    outcome: string;
    filed: boolean;
    reasons: string[];
    at: Date;
    onDate: string;
  },
) => Promise<{ certificateId: string; number: string; kind: 'filing' | 'refusal' }>;

// ---- small helpers ----------------------------------------------------------------------------

/** The next number of a per-jurisdiction, per-year sequence (row-locked upsert). */
export async function nextNumber(
  tx: Tx,
  jurisdictionId: string,
  kind: string,
  year: number,
): Promise<number> {
  const [row] = await tx
    .insert(documentCounters)
    .values({ jurisdictionId, kind, year, last: 1 })
    .onConflictDoUpdate({
      target: [documentCounters.jurisdictionId, documentCounters.kind, documentCounters.year],
      set: { last: sqlIncrement() },
    })
    .returning({ last: documentCounters.last });
  return row.last;
}

function sqlIncrement() {
  return sql`${documentCounters.last} + 1`;
}

function assignmentOf(actor: Actor, role: string, organisationId: string): Assignment | undefined {
  return actor.assignments.find((a) => a.role === role && a.organisationId === organisationId);
}

export interface NewAction {
  kind: string;
  stepId?: string | null;
  event?: string | null;
  targetStepId?: string | null;
  opinion?: string | null;
  details?: Record<string, unknown> | null;
  submissionSeq?: number | null;
  idempotencyKey?: string | null;
  role?: Assignment | null;
  sign?: Keyring;
}

/** The content an action's SM2 signature covers (密评 8.4h); rebuilt from the row to verify it. */
export function actionSignedContent(row: {
  projectId: string;
  kind: string;
  stepId: string | null;
  event: string | null;
  targetStepId: string | null;
  opinion: string | null;
  details: Record<string, unknown> | null;
  actorUserId: string | null;
  at: Date;
  submissionSeq: number | null;
}): Record<string, unknown> {
  return {
    type: 'tongchou.project-action.v1',
    projectId: row.projectId,
    kind: row.kind,
    stepId: row.stepId,
    event: row.event,
    targetStepId: row.targetStepId,
    opinion: row.opinion,
    details: row.details,
    actorUserId: row.actorUserId,
    at: row.at.toISOString(),
    submissionSeq: row.submissionSeq,
  };
}

export async function insertAction(
  tx: Tx,
  env: Pick<WorkflowEnv, 'now' | 'today'>,
  actor: Actor,
  projectId: string,
  action: NewAction,
): Promise<ActionRow> {
  const values = {
    projectId,
    at: env.now,
    onDate: env.today,
    kind: action.kind,
    stepId: action.stepId ?? null,
    event: action.event ?? null,
    targetStepId: action.targetStepId ?? null,
    actorUserId: actor.userId,
    actorName: actor.displayName,
    role: action.role?.role ?? null,
    organisationId: action.role?.organisationId ?? null,
    opinion: action.opinion ?? null,
    details: action.details ?? null,
    submissionSeq: action.submissionSeq ?? null,
    idempotencyKey: action.idempotencyKey ?? null,
  };
  const signature = action.sign
    ? (signContent(action.sign, actionSignedContent(values)) as unknown as Record<string, string>)
    : null;
  const [row] = await tx
    .insert(projectActions)
    .values({ ...values, signature })
    .returning();
  return row;
}

/**
 * Re-evaluates the project after a change: stores its state and open steps and bumps its version.
 * A step that opens for a reviewing or approving body notifies that body's users holding the step's
 * role (task arrival); the change to 已立项 notifies the owner and co-building departments (issue 17).
 */
export async function refreshProject(tx: Tx, env: WorkflowEnv, projectId: string): Promise<ProjectContext> {
  const bundle = await loadBundle(tx, projectId);
  if (!bundle) throw notFound('项目不存在或无权查看', 'PROJECT_NOT_FOUND');
  const before = { state: bundle.project.state, openSteps: bundle.project.openSteps };
  const pc = await projectContext(tx, env, bundle);
  const state = projectState(pc.rulebook, pc.evaluation, storedActions(bundle.actions));
  const openSteps = openStepIds(pc.evaluation);
  await notifyArrivals(tx, env, pc, before, { state, openSteps });
  const [row] = await tx
    .update(projects)
    .set({ state, openSteps, updatedAt: env.now, version: sql`${projects.version} + 1` })
    .where(eq(projects.id, projectId))
    .returning();
  pc.bundle.project = row;
  return pc;
}

/** Notices for the steps that opened in this change and for the project reaching 已立项. */
async function notifyArrivals(
  tx: Tx,
  env: WorkflowEnv,
  pc: ProjectContext,
  before: { state: string; openSteps: string[] },
  after: { state: string; openSteps: string[] },
): Promise<void> {
  const project = pc.bundle.project;
  for (const stepId of after.openSteps) {
    if (before.openSteps.includes(stepId)) continue;
    const info = stepInfo(pc.rulebook, stepId);
    // The applicant's own steps are its drafts; a 退回 notifies the submitter itself (returnStep).
    if (!info || isApplicantStage(info.stage)) continue;
    const orgs = organisationsFor(pc.rulebook, info.step.actor.org, parties(pc.bundle), pc.bindings);
    const recipients = await usersOfOrganisations(tx, orgs, [info.step.actor.role]);
    const review = reviewStep(pc.rulebook)?.id === stepId;
    await notify(tx, {
      recipients,
      kind: 'task_arrived',
      message: `“${project.name}”的“${info.step.name}”已到达，请办理`,
      at: env.now,
      projectId: project.id,
      stepId,
      link: isEstablishmentStage(info.stage)
        ? review
          ? `/projects/${project.id}/review`
          : `/projects/${project.id}/steps/${stepId}`
        : `/projects/${project.id}/construction`,
    });
  }
  if (after.state === 'established' && before.state !== 'established') {
    const departments = [project.ownerOrganisationId, ...pc.bundle.coBuilderIds];
    await notify(tx, {
      recipients: await usersOfOrganisations(tx, departments),
      kind: 'established',
      message: `“${project.name}”已立项`,
      at: env.now,
      projectId: project.id,
      link: `/projects/${project.id}`,
    });
  }
}

/** The step's open status for the applicant: true when a plan/application step is open. */
export function applicantTurn(pc: ProjectContext): boolean {
  return pc.evaluation.steps.some(
    (s) => s.status === 'open' && isApplicantStage(stepInfo(pc.rulebook, s.stepId)?.stage ?? 'operation'),
  );
}

/** The caller's assignment that may edit the application (owner's staff, or the rulebook's applicant body). */
export function editorRole(actor: Actor, pc: ProjectContext): Assignment | undefined {
  const submit = submissionStep(pc.rulebook);
  const orgs = new Set([pc.bundle.project.ownerOrganisationId]);
  if (submit)
    for (const o of organisationsFor(pc.rulebook, submit.actor.org, parties(pc.bundle), pc.bindings))
      orgs.add(o);
  return actor.assignments.find((a) => a.role === 'dept_staff' && orgs.has(a.organisationId));
}

/** The caller's assignment that may act on `step`, honouring a 转办 holder. */
export function stepRole(actor: Actor, pc: ProjectContext, step: Step): Assignment | undefined {
  const roles = actingRoles(heldRoles(actor), pc.rulebook, step, parties(pc.bundle), pc.bindings);
  const holder = pc.bundle.holders.find((h) => h.stepId === step.id);
  if (holder && holder.holderUserId !== actor.userId) return undefined;
  const first = roles[0];
  return first ? assignmentOf(actor, first.role, first.organisationId) : undefined;
}

function requireStepActor(actor: Actor, pc: ProjectContext, step: Step): Assignment {
  const role = stepRole(actor, pc, step);
  if (role) return role;
  const holder = pc.bundle.holders.find((h) => h.stepId === step.id);
  if (
    holder &&
    actingRoles(heldRoles(actor), pc.rulebook, step, parties(pc.bundle), pc.bindings).length > 0
  ) {
    throw forbidden('该事项已转交他人办理', 'TASK_HELD_BY_OTHER');
  }
  throw forbidden(`“${step.name}”应由${actorLabel(pc.rulebook, step)}办理`, 'STEP_ACTOR_MISMATCH', {
    article: step.articles[0],
  });
}

const REQUIRED_FIELD_CODES: Record<ApplicationField, string> = {
  projectOwner: 'PROJECT_OWNER_REQUIRED',
  performanceTargets: 'TARGETS_REQUIRED',
};

/**
 * A classified project under a text that covers 非涉密 projects only (SC 第二条, JC 三, XZ 第三条) is
 * refused with the article and where to go instead.
 */
export function requireInScope(pc: Pick<ProjectContext, 'rulebook' | 'bundle'>): void {
  const scope = pc.rulebook.scope;
  if (scope?.excludesClassified && pc.bundle.project.classified) {
    throw refused('PROJECT_CLASSIFIED', scope.classifiedRefusal, scope.articles[0], { field: 'classified' });
  }
}

/** Turns the rulebook's objections into the error contract: gates and materials 422, state 409. */
function throwProblems(check: StepCheck): void {
  if (check.allowed) return;
  const gates = check.problems.filter((p) => p.code === 'GATE_BLOCKED');
  if (gates.length > 0) {
    throw refused('GATE_BLOCKED', gates.map((g) => g.message).join('；'), gates[0].article ?? '');
  }
  const materials = check.problems.filter((p) => p.code === 'MATERIALS_MISSING');
  if (materials.length > 0) {
    throw refused(
      'MATERIALS_MISSING',
      materials.map((m) => m.message).join('；'),
      materials[0].article ?? '',
    );
  }
  const notOpen = check.problems.find((p) => p.code === 'STEP_NOT_OPEN');
  if (notOpen) throw conflict('STEP_NOT_OPEN', `${notOpen.message}（可能已由他人办理，请刷新）`);
  const other = check.problems[0];
  throw invalid(other.code, other.message, other.article ? { article: other.article } : undefined);
}

function lookupStep(pc: ProjectContext, stepId: string) {
  const info = stepInfo(pc.rulebook, stepId);
  if (!info || !isEstablishmentStage(info.stage))
    throw notFound('该项目的规则集中没有这个步骤', 'STEP_NOT_FOUND');
  return info;
}

/** Any step of the project's rulebook (decisions after 立项 run through the same core). */
function lookupAnyStep(pc: ProjectContext, stepId: string) {
  const info = stepInfo(pc.rulebook, stepId);
  if (!info) throw notFound('该项目的规则集中没有这个步骤', 'STEP_NOT_FOUND');
  return info;
}

export interface StepRecord {
  stepId: string;
  event: EventType;
  opinion?: string;
  /** Stored with the action; `ref` pairs the events of one instance (a contract number). */
  details?: Record<string, unknown> | null;
}

/**
 * Records a step outcome that a domain module owns (a contract signed or filed, a supervisor
 * filed …) inside the module's command transaction: the same checks as a decision (the rulebook's
 * actor, the step open, its gates and materials), the signed action row, the rulebook deadlines
 * it opens or meets, and the project re-evaluated. The project row must be locked by the caller.
 */
export async function recordStepEvent(
  tx: Tx,
  deps: ProjectDeps,
  env: WorkflowEnv,
  actor: Actor,
  pc: ProjectContext,
  record: StepRecord,
): Promise<{ role: Assignment; action: ActionRow; deadlines: DeadlineSync }> {
  const { step } = lookupAnyStep(pc, record.stepId);
  const role = requireStepActor(actor, pc, step);
  const outcome = step.outcomes.find((o) => o.event === record.event);
  if (!outcome) throw invalid('OUTCOME_UNKNOWN', `“${step.name}”没有此办理结果`, { field: 'outcome' });
  throwProblems(
    pc.evaluation.checkStep(step.id, role.role as RoleCode, {
      outcome: outcome.event,
      providedMaterials: providedMaterials(pc.bundle),
    }),
  );
  const id = pc.bundle.project.id;
  const action = await insertAction(tx, env, actor, id, {
    kind: 'step',
    stepId: step.id,
    event: outcome.event,
    opinion: record.opinion ?? '',
    details: record.details ?? null,
    role,
    sign: deps.keyring,
    submissionSeq: pc.bundle.project.submissionCount,
  });
  const ref = typeof record.details?.ref === 'string' ? record.details.ref : undefined;
  const deadlines = await syncDeadlines(tx, env, pc, {
    type: outcome.event,
    on: env.today,
    ...(ref ? { ref } : {}),
    byUserId: actor.userId,
  });
  await afterStepEvent(tx, env, pc, outcome.event, actor.userId);
  await tx
    .delete(projectStepHolders)
    .where(and(eq(projectStepHolders.projectId, id), eq(projectStepHolders.stepId, step.id)));
  await refreshProject(tx, env, id);
  return { role, action, deadlines };
}

// ---- create / update ----------------------------------------------------------------------------

export async function createProject(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  input: CreateProjectInput,
): Promise<string> {
  const actor = ctx.actor!;
  return runCommand(deps, ctx, { action: 'project.create', objectType: 'project' }, async (tx, audit) => {
    const role = input.organisationId
      ? actor.assignments.find((a) => a.role === 'dept_staff' && a.organisationId === input.organisationId)
      : actor.assignments.find((a) => a.role === 'dept_staff');
    if (!role) throw forbidden('只能以本人所在部门的名义申报', 'ORGANISATION_NOT_OWN');
    audit.role = role.role;
    audit.organisationId = role.organisationId;
    audit.jurisdictionId = role.jurisdictionId;
    const directory = await loadDirectory(tx);
    const code = rulebookCodeOf(directory, role.jurisdictionId);
    if (!code || !env.catalog.codes.has(code)) {
      throw invalid('NO_RULEBOOK', '所在行政区划尚未配置适用的规则集，暂不能申报项目');
    }
    let rulebook = env.catalog.registry.get(code);
    try {
      rulebook = env.catalog.registry.forDate(code, env.today);
    } catch {
      // a rulebook not yet in force: the latest version applies
    }
    const { organisationId: _org, ...application } = input;
    const scope = rulebook.scope;
    if (scope?.excludesClassified && application.classified === true) {
      throw refused('PROJECT_CLASSIFIED', scope.classifiedRefusal, scope.articles[0], {
        field: 'classified',
      });
    }
    await validateApplication(
      tx,
      directory,
      { organisationId: role.organisationId, jurisdictionId: role.jurisdictionId },
      application,
      { projectId: null, totalBudgetFen: 0n, budgetYears: [] },
      { actor, env },
    );
    const jurisdiction = directory.jurisdictions.find((j) => j.id === role.jurisdictionId)!;
    const year = Number(env.today.slice(0, 4));
    const seq = await nextNumber(tx, role.jurisdictionId, 'project', year);
    const projectCode = `${jurisdiction.code}-${year}-${String(seq).padStart(4, '0')}`;
    const id = randomUUID();
    const columns = projectColumns(application, deps.keyring, id);
    await tx.insert(projects).values({
      ...columns,
      id,
      code: projectCode,
      jurisdictionId: role.jurisdictionId,
      rulebookCode: rulebook.id,
      rulebookVersion: rulebook.version,
      ownerOrganisationId: role.organisationId,
      createdBy: actor.userId,
      name: input.name.trim(),
      type: input.type,
      category: input.category,
      fundingMode: input.fundingMode,
      totalBudgetFen: columns.totalBudgetFen ?? 0n,
      createdAt: env.now,
      updatedAt: env.now,
    });
    await writeChildren(tx, id, application);
    await insertAction(tx, env, actor, id, { kind: 'created', role, details: { code: projectCode } });
    await refreshProject(tx, env, id);
    audit.objectId = id;
    audit.details = { code: projectCode, rulebook: `${rulebook.id}@${rulebook.version}` };
    return id;
  });
}

export async function updateProject(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  id: string,
  input: UpdateProjectInput,
): Promise<void> {
  const actor = ctx.actor!;
  const { version, ...application } = input;
  await runCommand(
    deps,
    ctx,
    {
      action: 'project.update',
      objectType: 'project',
      objectId: id,
      details: { fields: Object.keys(application) },
    },
    async (tx, audit) => {
      const { pc } = await visibleContext(tx, env, actor, id, { lock: true });
      const role = editorRole(actor, pc);
      if (!role) throw forbidden('只有申报单位的经办人员可以修改申报内容', 'NOT_APPLICANT');
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      if (pc.bundle.project.version !== version) {
        throw conflict('VERSION_CONFLICT', '数据已被他人修改，请刷新后重试', { field: 'version' });
      }
      if (!applicantTurn(pc)) {
        throw conflict('NOT_EDITABLE', '项目已提交审核，退回或撤回后才能修改');
      }
      const directory = pc.directory;
      await validateApplication(
        tx,
        directory,
        {
          organisationId: pc.bundle.project.ownerOrganisationId,
          jurisdictionId: pc.bundle.project.jurisdictionId,
        },
        application,
        {
          projectId: id,
          totalBudgetFen: pc.bundle.project.totalBudgetFen,
          budgetYears: pc.bundle.budgetYears,
        },
        { actor, env },
      );
      const scope = pc.rulebook.scope;
      if (scope?.excludesClassified && application.classified === true) {
        throw refused('PROJECT_CLASSIFIED', scope.classifiedRefusal, scope.articles[0], {
          field: 'classified',
        });
      }
      const columns = projectColumns(application, deps.keyring, id);
      if (Object.keys(columns).length > 0) await tx.update(projects).set(columns).where(eq(projects.id, id));
      await writeChildren(tx, id, application);
      await insertAction(tx, env, actor, id, {
        kind: 'updated',
        role,
        details: { fields: Object.keys(application) },
      });
      await refreshProject(tx, env, id);
    },
  );
}

// ---- submit --------------------------------------------------------------------------------------

/**
 * 提交申请: completes the applicant's open steps in workflow order (录入平台 / 列入目录, 项目建议书,
 * 申请材料) up to the application itself, each checked by the rulebook; the last one freezes the
 * application as a numbered submission. A system not in the catalog stops the registration step with
 * its article (DT-11, SC-10, XZ-08a).
 */
export async function submitApplication(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  id: string,
): Promise<void> {
  const actor = ctx.actor!;
  await runCommand(
    deps,
    ctx,
    { action: 'project.submit', objectType: 'project', objectId: id },
    async (tx, audit) => {
      let { pc } = await visibleContext(tx, env, actor, id, { lock: true });
      const submit = submissionStep(pc.rulebook);
      if (!submit) throw conflict('NO_APPLICATION_STEP', '该规则集没有申报步骤');
      if (!applicantTurn(pc)) throw conflict('ALREADY_SUBMITTED', '项目已提交，无需重复提交');
      const p = pc.bundle.project;
      if (p.totalBudgetFen <= 0n)
        throw invalid('BUDGET_REQUIRED', '请填写项目总预算', { field: 'totalBudget' });
      requireInScope(pc);
      // Only the fields the jurisdiction's text demands (SC 第十五条, JC 五.4 …); the others are optional.
      for (const required of pc.rulebook.requiredFields ?? []) {
        const missing =
          required.field === 'projectOwner' ? !p.ownerPersonName : p.performanceTargets.length === 0;
        if (missing) {
          throw invalid(REQUIRED_FIELD_CODES[required.field], required.message, {
            field: required.field,
            article: required.articles[0],
          });
        }
      }
      const completed: string[] = [];
      for (let guard = 0; guard < 10; guard++) {
        const open = pc.evaluation.steps.find((s) => {
          const info = stepInfo(pc.rulebook, s.stepId);
          return s.status === 'open' && info !== undefined && isApplicantStage(info.stage);
        });
        if (!open) break;
        const step = stepInfo(pc.rulebook, open.stepId)!.step;
        const role = requireStepActor(actor, pc, step);
        const check = pc.evaluation.checkStep(step.id, role.role as RoleCode, {
          providedMaterials: providedMaterials(pc.bundle),
        });
        const missingSystems = pc.systemDetails.filter((s) => !s.inCatalog);
        const catalogGate = check.problems.find((x) => x.code === 'GATE_BLOCKED');
        if (step.action === 'register' && catalogGate && missingSystems.length > 0) {
          // SC 第十条, XZ 第八条: the systems are listed in the catalog before the project is reported.
          throw refused(
            'SYSTEMS_NOT_IN_CATALOG',
            `以下信息系统尚未列入政务信息系统目录：${missingSystems.map((s) => s.name).join('、')}。${step.name}后方可申报`,
            catalogGate.article ?? step.articles[0],
            { field: 'systems' },
          );
        }
        throwProblems(check);
        // A 原则上 / warning rule (DT 第十一条 全口径统一管理) is recorded with the step, not a refusal.
        const warnings = check.warnings.map((w) => ({
          gateId: w.gateId,
          reason: w.reason,
          article: w.article,
        }));
        const isSubmission = step.id === submit.id;
        const seq = isSubmission ? p.submissionCount + 1 : null;
        await insertAction(tx, env, actor, id, {
          kind: 'step',
          stepId: step.id,
          event: step.outcomes[0].event,
          details: warnings.length > 0 ? { warnings } : null,
          role,
          submissionSeq: seq,
        });
        audit.role = role.role;
        audit.organisationId = role.organisationId;
        completed.push(step.id);
        if (isSubmission && seq !== null) {
          const snapshot = applicationSnapshot(pc);
          await tx.insert(projectSubmissions).values({
            projectId: id,
            seq,
            submittedBy: actor.userId,
            submittedAt: env.now,
            snapshot,
            snapshotHash: sm3Hex(canonicalJson(snapshot)),
          });
          await tx.update(projects).set({ submissionCount: seq }).where(eq(projects.id, id));
          if (deps.onSubmitted) await deps.onSubmitted(tx, pc, { seq, userId: actor.userId, at: env.now });
          audit.details = { steps: completed, submission: seq };
          break;
        }
        const bundle = await loadBundle(tx, id);
        pc = await projectContext(tx, env, bundle!);
      }
      if (!completed.includes(submit.id)) throw conflict('NOT_SUBMITTED', '申报步骤未能完成');
      await tx
        .delete(projectStepHolders)
        .where(and(eq(projectStepHolders.projectId, id), inArray(projectStepHolders.stepId, completed)));
      await refreshProject(tx, env, id);
    },
  );
}

// ---- decide ----------------------------------------------------------------------------------------

export interface DecisionResult {
  replayed: boolean;
}

/**
 * Records the outcome of a review or approval step (审核, 同意, 备案, 立项 …). Checks, in order: the
 * caller is the step's actor (role + organisation, or the 转办 holder), is not the submitter, the
 * rulebook's gates and materials for the normal outcome, and that the step is still open.
 */
export async function decideStep(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  id: string,
  stepId: string,
  input: DecisionInput,
  idempotencyKey: string | null,
): Promise<DecisionResult> {
  const actor = ctx.actor!;
  let replayed = false;
  const auditAction: AuditAction = stepId.includes('.review.') ? 'review.decide' : 'approval.decide';
  await runCommand(
    deps,
    ctx,
    {
      action: auditAction,
      objectType: 'project',
      objectId: id,
      details: { stepId, outcome: input.outcome },
    },
    async (tx, audit) => {
      const { pc } = await visibleContext(tx, env, actor, id, { lock: true });
      if (idempotencyKey && pc.bundle.actions.some((a) => a.idempotencyKey === idempotencyKey)) {
        replayed = true;
        audit.details = { stepId, replayed: true };
        return;
      }
      const { step, stage } = lookupAnyStep(pc, stepId);
      if (isApplicantStage(stage)) throw conflict('USE_SUBMIT', '申报步骤请通过“提交申请”办理');
      if (!isEstablishmentStage(stage)) audit.action = 'step.decide';
      const role = requireStepActor(actor, pc, step);
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      audit.jurisdictionId = role.jurisdictionId;
      const lastSubmission = [...pc.bundle.actions]
        .reverse()
        .find(
          (a) => a.kind === 'step' && a.stepId === submissionStep(pc.rulebook)?.id && a.voidedBy === null,
        );
      // The applicant continuing its own work after 立项 (the step's actor is the submitting body) is
      // not approving its own application.
      const applicant = submissionStep(pc.rulebook)?.actor;
      const ownWork = applicant?.org === step.actor.org && applicant?.role === step.actor.role;
      if (!ownWork && lastSubmission?.actorUserId === actor.userId) {
        throw forbidden('不得审核或审批本人提交的申请', 'SELF_APPROVAL');
      }
      const outcome = step.outcomes.find((o) => o.event === input.outcome);
      if (!outcome) {
        throw invalid('OUTCOME_UNKNOWN', `“${step.name}”没有此办理结果`, { field: 'outcome' });
      }
      if (RECORDED_EVENTS.includes(outcome.event)) {
        throw conflict(
          'RECORDED_BY_MODULE',
          BUDGET_EVENTS.includes(outcome.event)
            ? `“${step.name}”须在资金管理页面办理（录入预算评审、发布公示或安排经费）`
            : `“${step.name}”须在相应的登记页面办理（填写合同、监理或整改信息）`,
        );
      }
      // The filing step issues the certificate it lists as its material (DT-09b).
      const issued = step.action === 'file_review' && deps.onFilingDecision ? ISSUED_DOCUMENTS : [];
      throwProblems(
        pc.evaluation.checkStep(step.id, role.role as RoleCode, {
          outcome: outcome.event,
          providedMaterials: [...providedMaterials(pc.bundle), ...issued],
        }),
      );
      // Any result other than the step's normal one (a refusal, 不同意, 退回修改 …) states its
      // opinion: the decision is signed and shown to the applicant with it (issue 17).
      const normal = outcome === step.outcomes[0];
      const reasons = (input.reasons ?? []).map((r) => r.trim()).filter(Boolean);
      if (!normal && input.opinion.trim().length < 2 && reasons.length === 0) {
        throw invalid('REASON_REQUIRED', `“${outcome.name}”须填写办理意见并说明理由`, {
          field: 'opinion',
          ...(step.articles[0] ? { article: step.articles[0] } : {}),
        });
      }
      if (reviewStep(pc.rulebook)?.id === step.id && outcome === step.outcomes[0]) {
        requireCompleteReview(pc, step);
      }
      if (reviewStep(pc.rulebook)?.id === step.id && deps.beforeReviewConcludes) {
        await deps.beforeReviewConcludes(tx, pc, step);
      }
      const action = await insertAction(tx, env, actor, id, {
        kind: 'step',
        stepId: step.id,
        event: outcome.event,
        opinion: input.opinion,
        details: reasons.length > 0 ? { reasons } : null,
        role,
        idempotencyKey,
        sign: deps.keyring,
        submissionSeq: pc.bundle.project.submissionCount,
      });
      let filingNumber: string | null = null;
      if (step.action === 'file_review' && deps.onFilingDecision) {
        const issued = await deps.onFilingDecision(tx, pc, {
          actionId: action.id,
          outcome: outcome.event,
          filed: outcome === step.outcomes[0],
          reasons: reasons.length > 0 ? reasons : [input.opinion.trim()],
          at: env.now,
          onDate: env.today,
        });
        await insertAction(tx, env, actor, id, {
          kind: 'certificate_issued',
          stepId: step.id,
          role,
          details: issued,
        });
        filingNumber = issued.number;
      }
      // A filing step's decision (read from the rulebook: 备案, 记录在案, 审查, 立项备案) reaches the
      // submitter and the departments that applied, in every jurisdiction (issue 17).
      const filingKind = isFilingStep(stage, step) ? filingNoticeKind(step, outcome) : null;
      if (filingKind) {
        await notify(tx, {
          recipients: [
            ...(lastSubmission?.actorUserId ? [lastSubmission.actorUserId] : []),
            ...(await usersOfOrganisations(tx, [
              pc.bundle.project.ownerOrganisationId,
              ...pc.bundle.coBuilderIds,
            ])),
          ].filter((u) => u !== actor.userId),
          kind: filingKind,
          message: `“${pc.bundle.project.name}”${outcome.name}${filingNumber ? `（${filingNumber}）` : ''}`,
          at: env.now,
          projectId: id,
          stepId: step.id,
          link: `/projects/${id}`,
          createdBy: actor.userId,
        });
      }
      await syncDeadlines(tx, env, pc, { type: outcome.event, on: env.today, byUserId: actor.userId });
      await afterStepEvent(tx, env, pc, outcome.event, actor.userId);
      await tx
        .delete(projectStepHolders)
        .where(and(eq(projectStepHolders.projectId, id), eq(projectStepHolders.stepId, step.id)));
      await refreshProject(tx, env, id);
      audit.details = { stepId, outcome: outcome.event, outcomeName: outcome.name };
    },
  );
  return { replayed };
}

/**
 * 认定: the actor of an open step records a fact the rulebook lets that step establish (JC 五.1/五.2:
 * the 立项备案 body finds a conflict with the sharing policy, disguised packaging, whether the
 * 区政府常务会 or the finance guarantee is needed, or overrules "一般不予立项"), with a reason. The
 * finding overrides the applicant's declaration; `value: null` withdraws it.
 */
export async function recordFinding(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  id: string,
  stepId: string,
  input: FindingInput,
): Promise<void> {
  const actor = ctx.actor!;
  await runCommand(
    deps,
    ctx,
    {
      action: 'approval.finding',
      objectType: 'project',
      objectId: id,
      details: { stepId, fact: input.fact, value: input.value },
    },
    async (tx, audit) => {
      const { pc } = await visibleContext(tx, env, actor, id, { lock: true });
      const { step, stage } = lookupStep(pc, stepId);
      if (isApplicantStage(stage)) throw conflict('USE_SUBMIT', '申报单位的声明请在申报内容中修改');
      const role = requireStepActor(actor, pc, step);
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      audit.jurisdictionId = role.jurisdictionId;
      if (pc.evaluation.steps.find((s) => s.stepId === stepId)?.status !== 'open') {
        throw conflict('STEP_NOT_OPEN', `“${step.name}”当前不可办理（可能已由他人办理，请刷新）`);
      }
      const fact = input.fact as FactName;
      if (!(step.findings ?? []).includes(fact)) {
        throw invalid(
          'FINDING_NOT_ALLOWED',
          `“${step.name}”不认定“${FACT_CATALOG[fact]?.label ?? input.fact}”`,
          {
            field: 'fact',
          },
        );
      }
      const lastSubmission = [...pc.bundle.actions]
        .reverse()
        .find(
          (a) => a.kind === 'step' && a.stepId === submissionStep(pc.rulebook)?.id && a.voidedBy === null,
        );
      if (lastSubmission?.actorUserId === actor.userId) {
        throw forbidden('不得认定本人提交的申请', 'SELF_APPROVAL');
      }
      await insertAction(tx, env, actor, id, {
        kind: 'finding',
        stepId: step.id,
        opinion: input.reason.trim(),
        details: { fact, value: input.value },
        role,
        sign: deps.keyring,
        submissionSeq: pc.bundle.project.submissionCount,
      });
      await refreshProject(tx, env, id);
    },
  );
}

/** The five opinions (and in SC the sharing-analysis opinion) before the review step completes. */
function requireCompleteReview(pc: ProjectContext, step: Step): void {
  const review = pc.bundle.review;
  const opinions = review?.opinions ?? {};
  const missing = ['need', 'consolidation', 'feasibility', 'budget', 'targets'].filter(
    (d) => !opinions[d] || opinions[d].opinion.trim() === '',
  );
  if (missing.length > 0) {
    throw refused(
      'REVIEW_INCOMPLETE',
      '请先填写需求合理性、建设集约性、方案可行性、预算合理性和绩效目标合理性五个方面的审核意见',
      step.articles[0],
      {
        field: 'opinions',
      },
    );
  }
  const sharingArticle = sharingOpinionArticle(pc.rulebook);
  if (sharingArticle && !(review?.sharingAnalysisOpinion ?? '').trim()) {
    throw refused('SHARING_OPINION_REQUIRED', '审核意见须对信息资源共享分析篇提出意见', sharingArticle, {
      field: 'sharingAnalysisOpinion',
    });
  }
}

// ---- return / withdraw ---------------------------------------------------------------------------

async function revokeCertificatesOf(tx: Tx, env: WorkflowEnv, actionId: number): Promise<void> {
  await tx
    .update(projectCertificates)
    .set({ revokedAt: env.now })
    .where(eq(projectCertificates.actionId, actionId));
}

/** 退回: to the previous step or to the applicant, with a reason; the voided decision is kept in the history. */
export async function returnStep(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  id: string,
  stepId: string,
  input: { to: ReturnMode; reason: string },
): Promise<void> {
  const actor = ctx.actor!;
  await runCommand(
    deps,
    ctx,
    { action: 'project.return', objectType: 'project', objectId: id, details: { stepId, to: input.to } },
    async (tx, audit) => {
      const { pc } = await visibleContext(tx, env, actor, id, { lock: true });
      const { step, stage } = lookupStep(pc, stepId);
      if (isApplicantStage(stage)) throw conflict('USE_WITHDRAW', '申报单位请使用撤回');
      const role = requireStepActor(actor, pc, step);
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      const state = pc.evaluation.steps.find((s) => s.stepId === stepId);
      if (state?.status !== 'open')
        throw conflict('STEP_NOT_OPEN', `“${step.name}”当前不可办理（可能已由他人办理，请刷新）`);
      // The applicant sees the reason in the returned banner: blank is no reason (issue 17).
      if (input.reason.trim().length < 2) {
        throw invalid('REASON_REQUIRED', '退回须说明理由和需要修改的内容', {
          field: 'reason',
          ...(step.articles[0] ? { article: step.articles[0] } : {}),
        });
      }
      const target = returnTarget(storedActions(pc.bundle.actions), pc.rulebook, input.to);
      if (!target) throw conflict('NOTHING_TO_RETURN', '没有可退回的上一环节');
      const action = await insertAction(tx, env, actor, id, {
        kind: 'returned',
        stepId,
        targetStepId: target.stepId,
        opinion: input.reason,
        details: { to: input.to },
        role,
        sign: deps.keyring,
      });
      await tx
        .update(projectActions)
        .set({ voidedBy: action.id })
        .where(eq(projectActions.id, target.action.id));
      await revokeCertificatesOf(tx, env, target.action.id);
      // The one whose decision or submission was returned learns it with the reason (issue 17).
      await notify(tx, {
        recipients:
          target.action.actorUserId && target.action.actorUserId !== actor.userId
            ? [target.action.actorUserId]
            : [],
        kind: 'returned',
        message: `“${pc.bundle.project.name}”的“${stepInfo(pc.rulebook, target.stepId)?.step.name ?? target.stepId}”被${step.name}退回：${input.reason}`,
        at: env.now,
        projectId: id,
        stepId: target.stepId,
        link: `/projects/${id}`,
        createdBy: actor.userId,
      });
      await tx
        .delete(projectStepHolders)
        .where(and(eq(projectStepHolders.projectId, id), eq(projectStepHolders.stepId, stepId)));
      await refreshProject(tx, env, id);
      audit.details = { stepId, to: input.to, targetStepId: target.stepId };
    },
  );
}

/** 撤回: the caller takes back their latest action while the next step has not acted. */
export async function withdraw(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  id: string,
  reason: string,
): Promise<void> {
  const actor = ctx.actor!;
  await runCommand(
    deps,
    ctx,
    { action: 'project.withdraw', objectType: 'project', objectId: id },
    async (tx, audit) => {
      const { pc } = await visibleContext(tx, env, actor, id, { lock: true });
      const target = withdrawTarget(storedActions(pc.bundle.actions), actor.userId);
      if (!target?.stepId) {
        throw conflict('WITHDRAW_NOT_ALLOWED', '下一环节已经办理，或最近一次办理不是您本人，不能撤回');
      }
      const info = stepInfo(pc.rulebook, target.stepId);
      if (!info || !isEstablishmentStage(info.stage))
        throw conflict('WITHDRAW_NOT_ALLOWED', '该事项不能撤回');
      const original = pc.bundle.actions.find((a) => a.id === target.id)!;
      const role = original.role
        ? assignmentOf(actor, original.role, original.organisationId ?? '')
        : undefined;
      const action = await insertAction(tx, env, actor, id, {
        kind: 'withdrawn',
        stepId: target.stepId,
        targetStepId: target.stepId,
        opinion: reason,
        role: role ?? null,
      });
      await tx.update(projectActions).set({ voidedBy: action.id }).where(eq(projectActions.id, target.id));
      await revokeCertificatesOf(tx, env, target.id);
      await refreshProject(tx, env, id);
      audit.details = { stepId: target.stepId, event: target.event };
    },
  );
}

// ---- reassign / urge / comment ----------------------------------------------------------------------

/** 转办: the holder of an open step hands it to a colleague with the same role in the same organisation. */
export async function reassignStep(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  id: string,
  stepId: string,
  input: { userId: string; note: string },
): Promise<void> {
  const actor = ctx.actor!;
  await runCommand(
    deps,
    ctx,
    {
      action: 'project.reassign',
      objectType: 'project',
      objectId: id,
      details: { stepId, to: input.userId },
    },
    async (tx, audit) => {
      const { pc } = await visibleContext(tx, env, actor, id, { lock: true });
      const { step } = lookupStep(pc, stepId);
      const role = requireStepActor(actor, pc, step);
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      if (pc.evaluation.steps.find((s) => s.stepId === stepId)?.status !== 'open') {
        throw conflict('STEP_NOT_OPEN', `“${step.name}”当前不可办理`);
      }
      if (input.userId === actor.userId)
        throw invalid('REASSIGN_TO_SELF', '不能转办给自己', { field: 'userId' });
      const [colleague] = await tx
        .select({ userId: roleAssignments.userId, name: users.displayName, disabled: users.disabled })
        .from(roleAssignments)
        .innerJoin(users, eq(users.id, roleAssignments.userId))
        .where(
          and(
            eq(roleAssignments.userId, input.userId),
            eq(roleAssignments.role, role.role),
            eq(roleAssignments.organisationId, role.organisationId),
          ),
        );
      if (!colleague || colleague.disabled) {
        throw invalid('REASSIGN_TARGET_INVALID', '只能转办给本单位担任同一角色的同事', { field: 'userId' });
      }
      await tx
        .insert(projectStepHolders)
        .values({
          projectId: id,
          stepId,
          holderUserId: input.userId,
          assignedBy: actor.userId,
          assignedAt: env.now,
        })
        .onConflictDoUpdate({
          target: [projectStepHolders.projectId, projectStepHolders.stepId],
          set: { holderUserId: input.userId, assignedBy: actor.userId, assignedAt: env.now },
        });
      await insertAction(tx, env, actor, id, {
        kind: 'reassigned',
        stepId,
        opinion: input.note,
        details: { toUserId: input.userId, toName: colleague.name },
        role,
      });
      await tx.insert(notifications).values({
        userId: input.userId,
        projectId: id,
        stepId,
        kind: 'reassigned',
        message: `${actor.displayName}将“${pc.bundle.project.name}”的“${step.name}”转交您办理${input.note ? `：${input.note}` : ''}`,
        createdBy: actor.userId,
        createdAt: env.now,
      });
      await refreshProject(tx, env, id);
    },
  );
}

/** 催办: reminds whoever holds an open step (the 转办 holder, else everyone who may act on it). */
export async function urgeStep(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  id: string,
  stepId: string,
  message: string,
): Promise<number> {
  const actor = ctx.actor!;
  return runCommand(
    deps,
    ctx,
    { action: 'project.urge', objectType: 'project', objectId: id, details: { stepId } },
    async (tx, audit) => {
      const { pc, relation } = await visibleContext(tx, env, actor, id, { lock: true });
      if (!isParty(relation)) throw forbidden('只有项目相关单位可以催办', 'NOT_PROJECT_PARTY');
      const { step } = lookupStep(pc, stepId);
      if (pc.evaluation.steps.find((s) => s.stepId === stepId)?.status !== 'open') {
        throw conflict('STEP_NOT_OPEN', `“${step.name}”当前没有待办`);
      }
      const holder = pc.bundle.holders.find((h) => h.stepId === stepId);
      let recipients: string[];
      if (holder) recipients = [holder.holderUserId];
      else {
        const orgs = organisationsFor(pc.rulebook, step.actor.org, parties(pc.bundle), pc.bindings);
        recipients =
          orgs.length === 0
            ? []
            : (
                await tx
                  .select({ userId: roleAssignments.userId })
                  .from(roleAssignments)
                  .innerJoin(users, eq(users.id, roleAssignments.userId))
                  .where(
                    and(
                      eq(roleAssignments.role, step.actor.role),
                      inArray(roleAssignments.organisationId, orgs),
                      eq(users.disabled, false),
                    ),
                  )
              ).map((r) => r.userId);
      }
      recipients = [...new Set(recipients)].filter((u) => u !== actor.userId);
      if (recipients.length === 0) throw conflict('NO_ONE_TO_URGE', '当前环节没有可催办的办理人');
      await insertAction(tx, env, actor, id, {
        kind: 'urged',
        stepId,
        opinion: message,
        details: { recipients: recipients.length },
      });
      await tx.insert(notifications).values(
        recipients.map((userId) => ({
          userId,
          projectId: id,
          stepId,
          kind: 'urged',
          message: `${actor.displayName}催办“${pc.bundle.project.name}”的“${step.name}”${message ? `：${message}` : ''}`,
          createdBy: actor.userId,
          createdAt: env.now,
        })),
      );
      audit.details = { stepId, recipients: recipients.length };
      return recipients.length;
    },
  );
}

export function isParty(relation: Relation): boolean {
  return relation.parties.size > 0;
}

export async function addComment(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  id: string,
  text: string,
): Promise<void> {
  const actor = ctx.actor!;
  await runCommand(
    deps,
    ctx,
    { action: 'project.comment', objectType: 'project', objectId: id },
    async (tx) => {
      await visibleContext(tx, env, actor, id);
      await insertAction(tx, env, actor, id, { kind: 'comment', opinion: text });
    },
  );
}
