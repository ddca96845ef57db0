import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errors } from '../http/schemas.ts';
import type { Actor } from '../identity/actor.ts';
import { notifications } from '../notifications/tables.ts';
import { STAGE_LABELS } from '../rules/index.ts';
import { type ProjectDeps, stepRole } from './commands.ts';
import { loadBundle, loadWorkflowEnv, projectContext, relationOf, visibleProjectIds } from './repository.ts';
import { TaskList } from './responses.ts';
import { projects } from './tables.ts';
import { isApplicantStage, isEstablishmentStage, reviewStep, stepInfo } from './workflow-state.ts';

const TAGS = ['项目'];

const actorOf = (req: FastifyRequest): Actor => req.actor!;

export function registerInboxRoutes(app: FastifyInstance, deps: ProjectDeps): void {
  const env = () => loadWorkflowEnv(deps.db, deps.clock);

  app.get(
    '/api/tasks',
    {
      schema: {
        tags: TAGS,
        summary: '待办：等待我办理的环节、申报与专家意见',
        response: { 200: TaskList, ...errors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const e = await env();
      const ids = await visibleProjectIds(deps.db, e, actor);
      if (ids.length === 0) return { items: [] };
      const rows = await deps.db
        .select({ id: projects.id, state: projects.state })
        .from(projects)
        .where(inArray(projects.id, ids))
        .orderBy(desc(projects.updatedAt));
      const urged = await deps.db
        .select({ projectId: notifications.projectId, stepId: notifications.stepId })
        .from(notifications)
        .where(
          and(
            eq(notifications.userId, actor.userId),
            eq(notifications.kind, 'urged'),
            isNull(notifications.readAt),
          ),
        );
      const items = [];
      for (const row of rows) {
        if (row.state === 'established' || row.state === 'refused') continue;
        const bundle = await loadBundle(deps.db, row.id);
        if (!bundle) continue;
        const pc = await projectContext(deps.db, e, bundle);
        const relation = relationOf(actor, pc);
        const ownerName =
          pc.directory.organisations.find((o) => o.id === bundle.project.ownerOrganisationId)?.name ?? '';
        const since = bundle.actions.at(-1)?.at.toISOString() ?? bundle.project.updatedAt.toISOString();
        for (const s of pc.evaluation.steps.filter((x) => x.status === 'open')) {
          const info = stepInfo(pc.rulebook, s.stepId);
          if (!info || !isEstablishmentStage(info.stage) || !stepRole(actor, pc, info.step)) continue;
          items.push({
            projectId: row.id,
            projectCode: bundle.project.code,
            projectName: bundle.project.name,
            ownerName,
            kind: isApplicantStage(info.stage) ? 'application' : 'step',
            stepId: s.stepId,
            stepName: info.step.name,
            stageName: STAGE_LABELS[info.stage],
            since,
            urged: urged.filter((u) => u.projectId === row.id && u.stepId === s.stepId).length,
          });
        }
        const review = reviewStep(pc.rulebook);
        const reviewOpen =
          review && pc.evaluation.steps.find((s) => s.stepId === review.id)?.status === 'open';
        if (relation.assignment && relation.assignment.opinion === null && reviewOpen) {
          items.push({
            projectId: row.id,
            projectCode: bundle.project.code,
            projectName: bundle.project.name,
            ownerName,
            kind: 'expert_opinion',
            stepId: review.id,
            stepName: relation.assignment.kind === 'expert' ? '提交专家意见' : '提交第三方评估意见',
            stageName: STAGE_LABELS.review,
            since: relation.assignment.assignedAt.toISOString(),
            urged: 0,
          });
        }
      }
      return { items };
    },
  );
}
