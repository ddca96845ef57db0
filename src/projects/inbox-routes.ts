import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { errors } from '../http/schemas.ts';
import type { Actor } from '../identity/actor.ts';
import { commandContext } from '../identity/plugin.ts';
import { STAGE_LABELS } from '../rules/index.ts';
import { chinaDate } from '../shared/clock.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../shared/command.ts';
import { notFound } from '../shared/errors.ts';
import { type ProjectDeps, stepRole } from './commands.ts';
import { arrivalOf, dueOf, workdaysKnown, workPathOf } from './deadlines.ts';

import { loadBundle, loadWorkflowEnv, projectContext, relationOf, visibleProjectIds } from './repository.ts';
import { NotificationList, TaskList } from './responses.ts';
import { ProjectParams, strict } from './schemas.ts';
import { notifications, projects } from './tables.ts';
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
        const arrived = arrivalOf(bundle.actions) ?? bundle.project.createdAt;
        const since = arrived.toISOString();
        const waited = e.calendar.workingDaysBetween(chinaDate(arrived), e.today);
        const review = reviewStep(pc.rulebook);
        for (const s of pc.evaluation.steps.filter((x) => x.status === 'open')) {
          const info = stepInfo(pc.rulebook, s.stepId);
          if (!info || !isEstablishmentStage(info.stage) || !stepRole(actor, pc, info.step)) continue;
          const kind = isApplicantStage(info.stage)
            ? 'application'
            : review?.id === s.stepId
              ? 'review'
              : 'step';
          items.push({
            projectId: row.id,
            projectCode: bundle.project.code,
            projectName: bundle.project.name,
            ownerName,
            kind,
            workPath: workPathOf(kind, row.id, s.stepId),
            stepId: s.stepId,
            stepName: info.step.name,
            stageName: STAGE_LABELS[info.stage],
            since,
            waitedWorkdays: workdaysKnown(waited),
            ...dueOf(pc.evaluation.obligations, s.stepId, e),
            urged: urged.filter((u) => u.projectId === row.id && u.stepId === s.stepId).length,
          });
        }
        const reviewOpen =
          review && pc.evaluation.steps.find((s) => s.stepId === review.id)?.status === 'open';
        if (relation.assignment && relation.assignment.opinion === null && reviewOpen) {
          items.push({
            projectId: row.id,
            projectCode: bundle.project.code,
            projectName: bundle.project.name,
            ownerName,
            kind: 'expert_opinion',
            workPath: workPathOf('expert_opinion', row.id, review.id),
            stepId: review.id,
            stepName: relation.assignment.kind === 'expert' ? '提交专家意见' : '提交第三方评估意见',
            stageName: STAGE_LABELS.review,
            since: relation.assignment.assignedAt.toISOString(),
            waitedWorkdays: workdaysKnown(
              e.calendar.workingDaysBetween(chinaDate(relation.assignment.assignedAt), e.today),
            ),
            ...dueOf(pc.evaluation.obligations, review.id, e),
            urged: 0,
          });
        }
      }
      // 待办 oldest first: the task that has waited longest comes first.
      items.sort((a, b) => a.since.localeCompare(b.since));
      return { items };
    },
  );

  app.get(
    '/api/notifications',
    {
      schema: {
        tags: TAGS,
        summary: '我的通知（催办、转办、专家指派）',
        response: { 200: NotificationList, ...errors },
      },
    },
    async (req) => {
      const rows = await deps.db
        .select()
        .from(notifications)
        .where(eq(notifications.userId, actorOf(req).userId))
        .orderBy(desc(notifications.createdAt))
        .limit(100);
      return {
        items: rows.map((n) => ({
          id: n.id,
          projectId: n.projectId,
          stepId: n.stepId,
          kind: n.kind,
          message: n.message,
          createdAt: n.createdAt.toISOString(),
          read: n.readAt !== null,
        })),
        unread: rows.filter((n) => n.readAt === null).length,
      };
    },
  );

  app.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags: TAGS,
        summary: '标记通知为已读',
        params: ProjectParams,
        response: { 200: Type.Object({ ok: Type.Boolean() }, strict), ...errors },
      },
    },
    async (req) => {
      const { id } = req.params as { id: string };
      const actor = actorOf(req);
      await markRead(deps, commandContext(req), actor.userId, id);
      return { ok: true };
    },
  );
}

async function markRead(deps: CommandDeps, ctx: CommandContext, userId: string, id: string): Promise<void> {
  await runCommand(
    deps,
    ctx,
    { action: 'notification.read', objectType: 'notification', objectId: id },
    async (tx) => {
      const updated = await tx
        .update(notifications)
        .set({ readAt: deps.clock.now() })
        .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
        .returning({ id: notifications.id });
      if (updated.length === 0) throw notFound('通知不存在', 'NOTIFICATION_NOT_FOUND');
    },
  );
}
