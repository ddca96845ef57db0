/** Publishing a notice: refused while a project in it has no approved budget; records the publicity step (DT-15, SC-13). */
import { eq } from 'drizzle-orm';
import { type CommandContext, runCommand } from '../../platform/command.ts';
import { conflict, refused, versionConflict } from '../../platform/errors.ts';
import type { WorkflowEnv } from '../../projects/index.ts';
import { visibleContext } from '../../projects/index.ts';
import { refreshProject } from '../../workflow/index.ts';
import { budgetReviewStep, publicityStep } from '../model.ts';
import { ownNotice } from '../queries/notice.ts';
import { publicityItems, publicityNotices } from '../tables.ts';
import { approvedReview, type FundsDeps, recordStep, stepActor } from './support.ts';

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
      if (notice.version !== version) throw versionConflict('公示已被他人修改，请刷新后重试');
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
