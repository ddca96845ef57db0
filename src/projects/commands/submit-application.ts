import { eq } from 'drizzle-orm';
import type { CommandContext } from '../../platform/command.ts';
import { canonicalJson } from '../../platform/crypto/canonical.ts';
import { sm3Hex } from '../../platform/crypto/sm3.ts';
import { conflict, invalid, refused } from '../../platform/errors.ts';
import type { RoleCode } from '../../rules/index.ts';
import {
  applicantTurn,
  insertAction,
  type ProjectDeps,
  projectCommand,
  releaseHolders,
  requireInScope,
  requireStepActor,
  throwProblems,
} from '../../workflow/index.ts';
import { applicationSnapshot } from '../application.ts';
import { loadBundle, providedMaterials } from '../bundle.ts';
import type { WorkflowEnv } from '../env.ts';
import { projectContext } from '../repository.ts';
import { projectSubmissions, projects } from '../tables.ts';
import { isApplicantStage, stepInfo, submissionStep } from '../workflow-state.ts';
import { REQUIRED_FIELD_CODES } from './support.ts';

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
