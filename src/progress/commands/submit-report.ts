import { and, eq } from 'drizzle-orm';
import { isIsoDate } from '../../calendar/index.ts';
import { findObligation, LIVE_STATES, meetObligation } from '../../obligations/index.ts';
import type { CommandContext } from '../../platform/command.ts';
import { yuanToFen } from '../../platform/documents/format.ts';
import { conflict, invalid, refused } from '../../platform/errors.ts';
import type { WorkflowEnv } from '../../projects/index.ts';
import { type ProjectDeps, projectCommand } from '../../workflow/index.ts';
import { periodBounds, periodOf } from '../model.ts';
import { progressReports } from '../tables.ts';
import {
  currentBaseline,
  REPORT_KIND,
  type ReportInput,
  requireActor,
  requireEstablished,
  rulesOf,
} from './support.ts';

/** A periodic progress report: what was done; variance and risk are computed on read. */
export async function submitReport(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  projectId: string,
  input: ReportInput,
): Promise<{ id: string; late: boolean }> {
  const actor = ctx.actor!;
  return projectCommand(
    deps,
    ctx,
    env,
    projectId,
    {
      action: 'progress.report',
      objectType: 'project',
      objectId: projectId,
      details: { period: input.period },
    },
    async ({ tx, audit, pc }) => {
      const rules = rulesOf(pc);
      const article = rules.reports.articles[0];
      const role = requireActor(pc, actor, rules.reports.reporter, article, '进度报告');
      requireEstablished(pc, article);
      const baseline = await currentBaseline(tx, projectId);
      if (!baseline) throw refused('BASELINE_REQUIRED', '请先建立进度计划（里程碑、各期计划资金）', article);
      const months = rules.reports.periodMonths;
      if (
        !/^\d{4}-\d{2}$/.test(input.period) ||
        !isIsoDate(`${input.period}-01`) ||
        periodOf(`${input.period}-01`, months) !== input.period
      ) {
        throw invalid('PERIOD_INVALID', `${input.period} 不是填报周期的起始月份`, { field: 'period' });
      }
      const bounds = periodBounds(input.period, months);
      if (bounds.startOn > env.today)
        throw invalid('PERIOD_IN_FUTURE', '该填报期尚未开始', { field: 'period' });
      const known = new Set(baseline.milestones.map((m) => m.name));
      for (const m of input.milestones) {
        if (!known.has(m.name))
          throw invalid('MILESTONE_UNKNOWN', `当前进度计划没有里程碑“${m.name}”`, { field: 'milestones' });
        if (m.doneOn !== null && (!isIsoDate(m.doneOn) || m.doneOn > env.today)) {
          throw invalid('INVALID_DATE', `里程碑“${m.name}”的完成日期无效或晚于今天`, { field: 'milestones' });
        }
      }
      const [dup] = await tx
        .select({ id: progressReports.id })
        .from(progressReports)
        .where(and(eq(progressReports.projectId, projectId), eq(progressReports.period, input.period)));
      if (dup) throw conflict('REPORT_EXISTS', `${input.period} 期进度报告已报送`, { field: 'period' });
      const asOf = [bounds.endOn, env.today].sort()[0];
      const [row] = await tx
        .insert(progressReports)
        .values({
          projectId,
          period: input.period,
          asOf,
          baselineVersion: baseline.baselineVersion,
          milestones: input.milestones,
          percentDone: input.percentDone,
          fundsUsedFen: yuanToFen(input.fundsUsed),
          note: input.note.trim(),
          reportedBy: actor.userId,
          reportedOn: env.today,
          createdAt: env.now,
        })
        .returning({ id: progressReports.id });
      const key = { kind: REPORT_KIND, projectId, ref: input.period };
      const obligation = await findObligation(tx, key);
      let late = false;
      if (obligation && LIVE_STATES.includes(obligation.state)) {
        late = (await meetObligation(tx, env, key, { on: env.today, by: actor.userId })).late;
      }
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      audit.details = { period: input.period, baselineVersion: baseline.baselineVersion, late };
      return { id: row.id, late };
    },
    { refresh: false },
  );
}
