/**
 * 待办 (/api/tasks) from the open steps each write stores on the project (`projects.open_steps`, kept
 * by refreshProject), over the projects the caller may see (`visibilityPredicate`, queries.ts): a
 * constant number of statements whatever the number of projects, and no rulebook evaluated per row.
 */
import { and, desc, eq, isNull, notInArray, sql } from 'drizzle-orm';
import { LIVE_STATES } from '../obligations/index.ts';
import type { Actor } from '../platform/actor.ts';
import { chinaDate } from '../platform/clock.ts';
import type { Queryable } from '../platform/db/client.ts';
import { readAll } from '../platform/db/concurrent.ts';
import { notifications } from '../platform/notifications/tables.ts';
import { projectExpertAssignments } from '../review/index.ts';
import { type Rulebook, STAGE_LABELS } from '../rules/index.ts';
import { actingRoles } from './actors.ts';
import { ARRIVAL_KINDS, type DueSource, dueOf, workdaysKnown, workPathOf } from './deadlines.ts';
import { directoryOf, type WorkflowEnv } from './env.ts';
import { bindingsFor, EXPERT_ROLES, visibilityPredicate } from './queries.ts';
import { heldRoles } from './repository.ts';
import { projectActions, projects } from './tables.ts';
import {
  isApplicantStage,
  isEstablishmentStage,
  RECORDED_EVENTS,
  reviewStep,
  stepInfo,
} from './workflow-state.ts';

/** A live obligation of a project as the 待办 query reads it. */
interface StoredDue {
  kind: string;
  dueDate: string | null;
  articles: string[];
  unknown: boolean;
}

/** Due dates of a task: the stored obligation of a deadline its step fulfils (none before 立项). */
function dueFor(rulebook: Rulebook, dues: readonly StoredDue[], stepId: string, env: WorkflowEnv) {
  const kinds = new Set(rulebook.deadlines.filter((d) => d.stepId === stepId).map((d) => d.id));
  const owed: DueSource[] = dues
    .filter((d) => kinds.has(d.kind))
    .map((d) => ({
      name: rulebook.deadlines.find((x) => x.id === d.kind)?.name ?? d.kind,
      articles: d.articles,
      stepId,
      status: 'open' as const,
      dueDate: d.unknown ? null : d.dueDate,
    }))
    // Several instances (one per contract): the earliest due date first, an unknown one last.
    .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
  return dueOf(owed, stepId, env);
}

/**
 * 待办: the open steps of visible, unfinished projects that the caller may act on now (a step held
 * by someone else through 转办 is theirs), the applicant's own open steps, and the expert or
 * evaluator opinions the caller still owes while the review step is open.
 */
export async function listTasks(db: Queryable, env: WorkflowEnv, actor: Actor) {
  const directory = await directoryOf(db, env);
  const visible = visibilityPredicate(env, directory, actor);
  if (!visible) return { items: [] };
  const expert = actor.assignments.some((a) => EXPERT_ROLES.includes(a.role));
  const [rows, urged, assignments] = await readAll(db, [
    db
      .select({
        id: projects.id,
        code: projects.code,
        name: projects.name,
        jurisdictionId: projects.jurisdictionId,
        ownerOrganisationId: projects.ownerOrganisationId,
        rulebookCode: projects.rulebookCode,
        rulebookVersion: projects.rulebookVersion,
        openSteps: projects.openSteps,
        updatedAt: projects.updatedAt,
        // Correlated subqueries (still one statement); the outer row is named explicitly because
        // drizzle leaves the columns of a single-table select unqualified.
        coBuilderIds: sql<
          string[]
        >`coalesce((select json_agg(cb.organisation_id) from project_co_builders cb where cb.project_id = projects.id), '[]'::json)`,
        holders: sql<
          { stepId: string; holderUserId: string }[]
        >`coalesce((select json_agg(json_build_object('stepId', h.step_id, 'holderUserId', h.holder_user_id)) from project_step_holders h where h.project_id = projects.id), '[]'::json)`,
        createdAt: projects.createdAt,
        // When the current work arrived (issue 17): the latest action that moved the workflow;
        // 催办, comments, edits and 转办 do not make a task look new.
        arrivedAt:
          sql`(select a.at from project_actions a where a.project_id = projects.id and a.kind in (${sql.join(
            [...ARRIVAL_KINDS].map((k) => sql`${k}`),
            sql`, `,
          )}) order by a.id desc limit 1)`.mapWith(projectActions.at),
        // The due dates of the rulebook deadlines still owed on the project, as stored by
        // src/obligations (never re-derived from the rulebook per row).
        dues: sql<
          StoredDue[]
        >`coalesce((select json_agg(json_build_object('kind', o.kind, 'dueDate', o.due_date, 'articles', o.articles, 'unknown', jsonb_array_length(o.unknown_years) > 0)) from obligations o where o.project_id = projects.id and o.state in (${sql.join(
          LIVE_STATES.map((k) => sql`${k}`),
          sql`, `,
        )})), '[]'::json)`,
      })
      .from(projects)
      .where(and(visible, notInArray(projects.state, ['refused']), sql`${projects.openSteps} <> '[]'::jsonb`))
      .orderBy(desc(projects.updatedAt), desc(projects.id)),
    db
      .select({ projectId: notifications.projectId, stepId: notifications.stepId })
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, actor.userId),
          eq(notifications.kind, 'urged'),
          isNull(notifications.readAt),
        ),
      ),
    expert
      ? db
          .select()
          .from(projectExpertAssignments)
          .where(eq(projectExpertAssignments.userIndex, env.expertIndex(actor.userId)))
      : Promise.resolve([]),
  ]);
  const held = heldRoles(actor);
  const organisationName = new Map(directory.organisations.map((o) => [o.id, o.name]));
  // Working days waited, once per calendar day of arrival (many tasks arrived on the same day).
  const waitedByDay = new Map<number, number | null>();
  const waitedSince = (at: Date): number | null => {
    const day = Math.floor((at.getTime() + 8 * 3600_000) / 86_400_000);
    if (!waitedByDay.has(day))
      waitedByDay.set(day, workdaysKnown(env.calendar.workingDaysBetween(chinaDate(at), env.today)));
    return waitedByDay.get(day) ?? null;
  };
  const items = [];
  for (const row of rows) {
    const rulebook = env.catalog.registry.get(row.rulebookCode, row.rulebookVersion);
    const bindings = bindingsFor(env, directory, row.rulebookCode, row.rulebookVersion, row.jurisdictionId);
    const parties = {
      jurisdictionId: row.jurisdictionId,
      ownerOrganisationId: row.ownerOrganisationId,
      coBuilderIds: row.coBuilderIds,
    };
    const ownerName = organisationName.get(row.ownerOrganisationId) ?? '';
    const arrived = row.arrivedAt ?? row.createdAt;
    const since = arrived.toISOString();
    const waitedWorkdays = waitedSince(arrived);
    const review = reviewStep(rulebook);
    for (const stepId of row.openSteps) {
      const info = stepInfo(rulebook, stepId);
      if (!info) continue;
      const holder = row.holders.find((h) => h.stepId === stepId);
      if (holder && holder.holderUserId !== actor.userId) continue;
      if (actingRoles(held, rulebook, info.step, parties, bindings).length === 0) continue;
      // After 立项: steps recorded with their data (contracts …) or decided in the generic core.
      const kind =
        info.stage === 'budget'
          ? 'budget'
          : !isEstablishmentStage(info.stage)
            ? info.step.outcomes.some((o) => RECORDED_EVENTS.includes(o.event))
              ? 'construction_record'
              : 'construction_step'
            : isApplicantStage(info.stage)
              ? 'application'
              : review?.id === stepId
                ? 'review'
                : 'step';
      items.push({
        projectId: row.id,
        projectCode: row.code,
        projectName: row.name,
        ownerName,
        kind,
        workPath: workPathOf(kind, row.id, stepId),
        stepId,
        stepName: info.step.name,
        stageName: STAGE_LABELS[info.stage],
        since,
        waitedWorkdays,
        ...dueFor(rulebook, row.dues, stepId, env),
        urged: urged.filter((u) => u.projectId === row.id && u.stepId === stepId).length,
        outcomes: info.step.outcomes.map((o, i) => ({
          event: o.event,
          name: o.name,
          normal: i === 0,
          refuses: o.result === 'refused',
        })),
      });
    }
    const assignment = assignments.find(
      (a) =>
        a.projectId === row.id &&
        actor.assignments.some((r) => r.role === (a.kind === 'expert' ? 'expert' : 'third_party_evaluator')),
    );
    if (review && assignment && assignment.opinion === null && row.openSteps.includes(review.id)) {
      items.push({
        projectId: row.id,
        projectCode: row.code,
        projectName: row.name,
        ownerName,
        kind: 'expert_opinion',
        workPath: workPathOf('expert_opinion', row.id, review.id),
        stepId: review.id,
        stepName: assignment.kind === 'expert' ? '提交专家意见' : '提交第三方评估意见',
        stageName: STAGE_LABELS.review,
        since: assignment.assignedAt.toISOString(),
        waitedWorkdays: waitedSince(assignment.assignedAt),
        ...dueFor(rulebook, row.dues, review.id, env),
        urged: 0,
        outcomes: [],
      });
    }
  }
  // 待办 oldest first: the task that has waited longest comes first.
  items.sort((a, b) => a.since.localeCompare(b.since));
  return { items };
}
