/** A filed 测评 / 密评 / 风险评估 report, its next due date fixed from the rulebook's interval (DT-35, SC-28, XZ-31). */
import { eq } from 'drizzle-orm';
import { loadCalendar } from '../../calendar/index.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { refused } from '../../platform/errors.ts';
import { type AssessmentKind, nextAssessmentDue } from '../../rules/index.ts';
import { renewAssessmentObligation } from '../obligations.ts';
import { callerOfContext } from '../policy.ts';
import { loadSystem } from '../queries/context.ts';
import { notFuture, requireRules } from '../rules.ts';
import { opsAssessments, opsGradings } from '../tables/index.ts';
import { organisationIn } from './support.ts';

export interface AssessmentInput {
  kind: AssessmentKind;
  assessedOn: string;
  result: 'pass' | 'basic_pass' | 'fail';
  reportNumber: string;
  assessor: string;
  contractorOrganisationId?: string;
  findings?: string;
}

export async function recordAssessment(
  deps: CommandDeps,
  ctx: CommandContext,
  systemId: string,
  input: AssessmentInput,
): Promise<{ id: string; nextDue: string | null }> {
  const caller = callerOfContext(deps, ctx);
  const calendar = await loadCalendar(deps.db);
  return runCommand(
    deps,
    ctx,
    {
      action: 'ops.assessment_record',
      objectType: 'information_system',
      objectId: systemId,
      details: { kind: input.kind, assessedOn: input.assessedOn },
    },
    async (tx, audit) => {
      const system = await loadSystem(tx, caller, systemId, 'edit');
      const rules = requireRules(system.rules);
      notFuture(input.assessedOn, caller.now, 'assessedOn');
      const [grading] = await tx
        .select({ level: opsGradings.level })
        .from(opsGradings)
        .where(eq(opsGradings.systemId, system.id));
      if (input.kind !== 'risk' && !grading) {
        throw refused(
          'OPS_NOT_GRADED',
          '系统尚未登记等保定级备案，不能登记等保测评或密评报告',
          rules.assessmentArticles[0] ?? 'DT-35',
          { field: 'kind' },
        );
      }
      const joint = rules.riskAssessmentJoint;
      if (input.kind === 'risk' && joint.contractorRequired && !input.contractorOrganisationId) {
        throw refused(
          'OPS_JOINT_ASSESSMENT_REQUIRED',
          `${joint.wording}：须登记共同评估的承建单位`,
          joint.articles[0],
          {
            field: 'contractorOrganisationId',
          },
        );
      }
      if (input.contractorOrganisationId) {
        await organisationIn(
          tx,
          input.contractorOrganisationId,
          system.jurisdictionId,
          'contractorOrganisationId',
          ['contractor'],
        );
      }
      const level = grading?.level ?? null;
      const nextDue = nextAssessmentDue(rules, input.kind, level, input.assessedOn);
      const article =
        input.kind === 'risk'
          ? (joint.articles[0] ?? rules.assessmentArticles[0])
          : rules.assessmentArticles[0];
      const [row] = await tx
        .insert(opsAssessments)
        .values({
          systemId: system.id,
          kind: input.kind,
          assessedOn: input.assessedOn,
          result: input.result,
          reportNumber: input.reportNumber,
          assessor: input.assessor,
          level,
          nextDue,
          contractorOrganisationId: input.contractorOrganisationId ?? null,
          findings: input.findings ?? null,
          article: article ?? 'DT-35',
          recordedBy: caller.userId,
          recordedAt: caller.now,
        })
        .returning({ id: opsAssessments.id });
      await renewAssessmentObligation(tx, { calendar, now: caller.now }, rules, system, {
        id: row.id,
        kind: input.kind,
        level,
        assessedOn: input.assessedOn,
        by: caller.userId,
      });
      audit.details = { ...audit.details, nextDue, article };
      return { id: row.id, nextDue };
    },
  );
}
