import { and, eq } from 'drizzle-orm';
import { informationSystems } from '../../catalog/index.ts';
import { type CommandContext, runCommand } from '../../platform/command.ts';
import { organisations } from '../../platform/db/core.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { type EfficacyDimension, efficacyProblems, efficacyScore } from '../../rules/index.ts';
import { loadRound } from '../queries/round.ts';
import { callerOfContext, notOwnOrganisation } from '../rules.ts';
import { evalEfficacy, evalRounds } from '../tables.ts';
import { type EvaluationDeps, firstProblem } from './support.ts';

/** DT-30, SC-24, XZ-26: document review + third party + the public questionnaire per operating system. */
export async function recordEfficacy(
  deps: EvaluationDeps,
  ctx: CommandContext,
  roundId: string,
  input: {
    systemId: string;
    documentReview: Partial<Record<EfficacyDimension, number>>;
    thirdParty: Partial<Record<EfficacyDimension, number>>;
    evaluatorOrganisationId?: string;
    satisfaction?: number;
  },
): Promise<{ id: string; total: number | null; questionnaire: number | null }> {
  const caller = callerOfContext(deps, ctx);
  // The questionnaire is read before the transaction (another module's data, read only).
  const [sys] = await deps.db
    .select({ id: informationSystems.id })
    .from(informationSystems)
    .where(eq(informationSystems.id, input.systemId));
  const round = await deps.db
    .select({ year: evalRounds.year })
    .from(evalRounds)
    .where(eq(evalRounds.id, roundId));
  const fromQuestionnaire =
    input.satisfaction === undefined && sys && round[0] && deps.satisfactionScore
      ? await deps.satisfactionScore(deps.db, sys.id, round[0].year)
      : null;
  return runCommand(
    deps,
    ctx,
    { action: 'eval.efficacy', objectType: 'information_system', objectId: input.systemId },
    async (tx, audit) => {
      const rc = await loadRound(tx, caller, roundId, 'manage');
      const article = rc.evaluationRules.efficacy.articles[0];
      const [system] = await tx
        .select({
          id: informationSystems.id,
          organisationId: informationSystems.ownerOrganisationId,
          status: informationSystems.status,
        })
        .from(informationSystems)
        .where(
          and(
            eq(informationSystems.id, input.systemId),
            eq(informationSystems.jurisdictionId, rc.round.jurisdictionId),
          ),
        );
      if (!system) throw notFound('系统不存在或不在本辖区');
      if (system.status !== 'in_operation')
        throw conflict('EVAL_SYSTEM_NOT_OPERATING', '应用效能评估针对运行中的系统', {
          field: 'systemId',
          article,
        });
      notOwnOrganisation(caller, system.organisationId, article);
      if (input.evaluatorOrganisationId) {
        const [org] = await tx
          .select({ kind: organisations.kind })
          .from(organisations)
          .where(
            and(
              eq(organisations.id, input.evaluatorOrganisationId),
              eq(organisations.jurisdictionId, rc.round.jurisdictionId),
            ),
          );
        if (org?.kind !== 'evaluator')
          throw invalid('EVAL_EVALUATOR_UNKNOWN', '所选单位不是本辖区的第三方评估机构', {
            field: 'evaluatorOrganisationId',
          });
      }
      const questionnaire = input.satisfaction ?? fromQuestionnaire;
      firstProblem(
        efficacyProblems({
          documentReview: input.documentReview,
          thirdParty: input.thirdParty,
          questionnaire,
          evaluatorOrganisationId: input.evaluatorOrganisationId ?? null,
        }),
        article,
      );
      const result = efficacyScore({
        documentReview: input.documentReview,
        thirdParty: input.thirdParty,
        questionnaire,
      });
      const values = {
        organisationId: system.organisationId,
        documentReview: input.documentReview as Record<string, number>,
        thirdParty: input.thirdParty as Record<string, number>,
        evaluatorOrganisationId: input.evaluatorOrganisationId ?? null,
        questionnaireTenths: questionnaire === null ? null : Math.round(questionnaire * 10),
        dimensions: result.dimensions,
        totalTenths: result.total === null ? null : Math.round(result.total * 10),
        recordedBy: caller.userId,
        recordedAt: caller.now,
      };
      const [row] = await tx
        .insert(evalEfficacy)
        .values({ roundId, systemId: system.id, ...values })
        .onConflictDoUpdate({ target: [evalEfficacy.roundId, evalEfficacy.systemId], set: values })
        .returning({ id: evalEfficacy.id });
      audit.details = { roundId, total: result.total, questionnaire };
      return { id: row.id, total: result.total, questionnaire };
    },
  );
}
