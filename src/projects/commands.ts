/**
 * The project's own commands: create, update and submit the application (提交申请). The verbs on
 * the steps after it (decide, return, withdraw, reassign, urge, comment) are src/workflow's. Each
 * runs in one audited transaction that locks the project row (`projectCommand`) and lets the
 * rulebook decide who acts and whether the step is open.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type CommandContext, runCommand } from '../platform/command.ts';
import { canonicalJson } from '../platform/crypto/canonical.ts';
import { sm3Hex } from '../platform/crypto/sm3.ts';
import { conflict, forbidden, invalid, refused, versionConflict } from '../platform/errors.ts';
import { nextNumber } from '../platform/numbering.ts';
import type { ApplicationField, RoleCode } from '../rules/index.ts';
import {
  applicantTurn,
  editorRole,
  insertAction,
  type ProjectDeps,
  projectCommand,
  refreshProject,
  releaseHolders,
  requireInScope,
  requireStepActor,
  throwProblems,
} from '../workflow/index.ts';
import { applicationSnapshot, projectColumns, validateApplication, writeChildren } from './application.ts';
import { loadBundle, providedMaterials } from './bundle.ts';
import { loadDirectory, rulebookCodeOf, type WorkflowEnv } from './env.ts';
import { projectContext } from './repository.ts';
import type { CreateProjectInput, UpdateProjectInput } from './schemas.ts';
import { projectSubmissions, projects } from './tables.ts';
import { isApplicantStage, stepInfo, submissionStep } from './workflow-state.ts';

const REQUIRED_FIELD_CODES: Record<ApplicationField, string> = {
  projectOwner: 'PROJECT_OWNER_REQUIRED',
  performanceTargets: 'TARGETS_REQUIRED',
};

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
  const { version, ...application } = input;
  await projectCommand(
    deps,
    ctx,
    env,
    id,
    {
      action: 'project.update',
      objectType: 'project',
      objectId: id,
      details: { fields: Object.keys(application) },
    },
    async ({ tx, actor, pc, actingAs }) => {
      const role = editorRole(actor, pc);
      if (!role) throw forbidden('只有申报单位的经办人员可以修改申报内容', 'NOT_APPLICANT');
      actingAs(role);
      if (pc.bundle.project.version !== version) {
        throw versionConflict();
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
  await projectCommand(
    deps,
    ctx,
    env,
    id,
    { action: 'project.submit', objectType: 'project', objectId: id },
    async (scope) => {
      const { tx, actor, audit, actingAs } = scope;
      let pc = scope.pc;
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
        actingAs(role);
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
      await releaseHolders(tx, id, completed);
    },
  );
}
