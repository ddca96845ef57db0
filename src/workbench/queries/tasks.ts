/**
 * 待办 (/api/tasks) in one SQL statement: the open steps each write stores on the project
 * (`projects.open_steps`, kept by refreshProject in src/workflow) joined with who may act on them, over the projects
 * the caller may see (`visibilityPredicate`, src/projects/queries/visibility.ts). Who may act is rulebook data turned into
 * the caller's grants (task-grants.ts); the filters, the order (oldest arrival first), the page, the
 * total, the 催办 marks, each task's stored due date and whether it is overdue, and the overdue count
 * (over those same flags) are all decided in the database.
 * The number of statements does not grow with the number of projects, and no rulebook is
 * evaluated per row.
 */
import { type SQL, sql } from 'drizzle-orm';
import { notifications } from '../../notifications/index.ts';
import { LIVE_STATES } from '../../obligations/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { chinaDate } from '../../platform/clock.ts';
import { type Queryable, queryRows } from '../../platform/db/client.ts';
import {
  ARRIVAL_KINDS,
  directoryOf,
  projectActions,
  projectStepHolders,
  projects,
  stepInfo,
  visibilityPredicate,
  type WorkflowEnv,
  workdaysKnown,
  workPathOf,
} from '../../projects/index.ts';
import { projectExpertAssignments } from '../../review/index.ts';
import { type Rulebook, STAGE_LABELS } from '../../rules/index.ts';
import type { TaskKind } from '../schemas.ts';
import { type ActingStep, grantsOf, type TaskGrants, taskKindOf } from '../task-grants.ts';

/** The filters and page of GET /api/tasks. */
export interface TaskQueryInput {
  projectId?: string;
  q?: string;
  kind?: TaskKind;
  limit?: number;
  offset?: number;
}

interface TaskRow {
  total: number;
  overdue: number;
  projectId: string | null;
  stepId: string;
  assignment: 'expert' | 'evaluator' | null;
  code: string;
  name: string;
  ownerName: string | null;
  rulebookCode: string;
  rulebookVersion: number;
  sinceMs: number;
  urged: number;
  /** The task's obligation (taskDue): its deadline kind, null when none. */
  dueKind: string | null;
  /** Its due date, null when none or in a year the calendar does not know. */
  dueDate: string | null;
  dueArticles: string[] | null;
  /** This task is overdue: the flag the `overdue` count counts. */
  late: boolean;
}

/**
 * The due date of a task as the page shows it, from the obligation the statement chose and the
 * overdue flag it computed (the one definition, shared with the count): the deadline's name and
 * articles, and the working days left (negative when overdue). Null when no article sets a time
 * limit for the step; a due date in a year the holiday table does not know stays unknown
 * (`calendarKnown: false`), never guessed.
 */
function dueFor(rulebook: Rulebook, row: TaskRow, env: WorkflowEnv) {
  if (row.dueKind === null)
    return {
      dueDate: null,
      deadlineName: null,
      deadlineArticles: [],
      calendarKnown: true,
      remainingWorkdays: null,
      overdue: false,
    };
  const deadline = {
    deadlineName: rulebook.deadlines.find((d) => d.id === row.dueKind)?.name ?? row.dueKind,
    deadlineArticles: row.dueArticles ?? [],
  };
  if (row.dueDate === null)
    return { dueDate: null, ...deadline, calendarKnown: false, remainingWorkdays: null, overdue: false };
  const span = row.late
    ? env.calendar.workingDaysBetween(row.dueDate, env.today)
    : env.calendar.workingDaysBetween(env.today, row.dueDate);
  return {
    dueDate: row.dueDate,
    ...deadline,
    calendarKnown: span.known,
    remainingWorkdays: span.known ? (row.late ? -span.days : span.days) : null,
    overdue: row.late,
  };
}

const values = (rows: readonly (readonly SQL[])[]): SQL =>
  sql.join(
    rows.map((r) => sql`(${sql.join([...r], sql`, `)})`),
    sql`, `,
  );
const text = (v: string) => sql`${v}::text`;
const uuid = (v: string) => sql`${v}::uuid`;
const int = (v: number) => sql`${v}::integer`;
const inList = (items: readonly string[]) =>
  sql.join(
    items.map((k) => sql`${k}`),
    sql`, `,
  );

/** The steps of `steps` kept by the kind filter. */
const ofKind = (steps: readonly ActingStep[], kind: TaskKind | undefined) =>
  kind ? steps.filter((s) => s.kind === kind) : steps;

/**
 * The obligation that gives task `t` (of project `p`) its due date: among the live obligations of
 * the deadlines its step fulfils (one per contract, say), the earliest known due date, else an
 * unknown one (`due_date` null: a year the calendar does not know). One row or none, with
 * `overdue` = its known due date is before today: the row's flag and the count both read it.
 */
function taskDue(grants: TaskGrants, today: string): SQL {
  const deadlines = grants.deadlines.map((d) => [text(d.code), int(d.version), text(d.stepId), text(d.kind)]);
  const fulfils = deadlines.length
    ? sql`(p.rulebook_code, p.rulebook_version, t.step_id, o.kind) in (${values(deadlines)})`
    : sql`false`;
  return sql`select o.kind, k.due_date, o.articles, coalesce(k.due_date < ${today}::date, false) as overdue
    from obligations o
    cross join lateral (select case when jsonb_array_length(o.unknown_years) = 0 then o.due_date end as due_date) k
    where o.project_id = t.project_id and o.state in (${inList(LIVE_STATES)}) and ${fulfils}
    order by k.due_date nulls last, o.id limit 1`;
}

/**
 * 待办: the open steps of visible, unfinished projects that the caller may act on now (a step held
 * by someone else through 转办 is theirs), the applicant's own open steps, and the expert or
 * evaluator opinions the caller still owes while the review step is open; oldest first, a page.
 */
export async function listTasks(db: Queryable, env: WorkflowEnv, actor: Actor, query: TaskQueryInput = {}) {
  const limit = query.limit ?? 50;
  const offset = query.offset ?? 0;
  const none = { items: [], total: 0, overdue: 0, limit, offset };
  const directory = await directoryOf(db, env);
  const visible = visibilityPredicate(env, directory, actor);
  if (!visible) return none;
  const grants = grantsOf(env, directory, actor);

  const common: SQL[] = [visible, sql`${projects.state} <> 'refused'`];
  if (query.projectId) common.push(sql`${projects.id} = ${query.projectId}::uuid`);
  const needle = query.q?.trim();
  if (needle)
    common.push(sql`(strpos(${projects.name}, ${needle}) > 0 or strpos(${projects.code}, ${needle}) > 0)`);
  const where = sql.join(common, sql` and `);

  const parts: SQL[] = [];
  // The steps the caller acts on as the project's own department, and as a named body bound for the
  // project's jurisdiction.
  const owner = ofKind(grants.owner, query.kind);
  const bound = ofKind(grants.bound, query.kind);
  if (owner.length > 0 || bound.length > 0) {
    const acting: SQL[] = [];
    if (owner.length > 0)
      acting.push(
        sql`(${projects.ownerOrganisationId}, ${projects.rulebookCode}, ${projects.rulebookVersion}, s.step_id) in (${values(
          owner.map((g) => [uuid(g.scope), text(g.code), int(g.version), text(g.stepId)]),
        )})`,
      );
    if (bound.length > 0)
      acting.push(
        sql`(${projects.jurisdictionId}, ${projects.rulebookCode}, ${projects.rulebookVersion}, s.step_id) in (${values(
          bound.map((g) => [uuid(g.scope), text(g.code), int(g.version), text(g.stepId)]),
        )})`,
      );
    parts.push(sql`select ${projects.id} as project_id, s.step_id, null::text as assignment,
        coalesce((select a.at from ${projectActions} a where a.project_id = ${projects.id}
          and a.kind in (${inList([...ARRIVAL_KINDS])}) order by a.id desc limit 1), ${projects.createdAt}) as since
      from ${projects} cross join lateral jsonb_array_elements_text(${projects.openSteps}) as s(step_id)
      where ${where} and (${sql.join(acting, sql` or `)})
        and not exists (select 1 from ${projectStepHolders} h where h.project_id = ${projects.id}
          and h.step_id = s.step_id and h.holder_user_id <> ${actor.userId}::uuid)`);
  }
  // The opinions the caller owes as an assigned expert or third-party evaluator.
  const reviews = query.kind && query.kind !== 'expert_opinion' ? [] : grants.reviews;
  const kinds = actor.assignments.flatMap((a) =>
    a.role === 'expert' ? ['expert'] : a.role === 'third_party_evaluator' ? ['evaluator'] : [],
  );
  if (reviews.length > 0 && kinds.length > 0) {
    parts.push(sql`select ${projects.id} as project_id, r.step_id, ea.kind as assignment, ea.assigned_at as since
      from ${projectExpertAssignments} ea
      join ${projects} on ${projects.id} = ea.project_id
      join (values ${values(reviews.map((r) => [text(r.code), int(r.version), text(r.stepId)]))}) as r(code, version, step_id)
        on r.code = ${projects.rulebookCode} and r.version = ${projects.rulebookVersion}
      where ea.user_index = ${env.expertIndex(actor.userId)} and ea.opinion is null
        and ea.kind in (${inList([...new Set(kinds)])}) and ${projects.openSteps} ? r.step_id and ${where}`);
  }
  if (parts.length === 0) return none;

  const rows = await queryRows<TaskRow>(
    db,
    sql`with tasks as (${sql.join(parts, sql` union all `)}),
      due as (select t.*, d.kind as due_kind, d.due_date, d.articles as due_articles, coalesce(d.overdue, false) as late
        from tasks t join projects p on p.id = t.project_id
        left join lateral (${taskDue(grants, env.today)}) d on true)
      select c.total, c.overdue, t.project_id as "projectId", t.step_id as "stepId", t.assignment,
        p.code, p.name, o.name as "ownerName", p.rulebook_code as "rulebookCode", p.rulebook_version as "rulebookVersion",
        (extract(epoch from t.since) * 1000)::float8 as "sinceMs",
        case when t.assignment is null then (select count(*)::int from ${notifications} n
          where n.user_id = ${actor.userId}::uuid and n.kind = 'urged' and n.read_at is null
            and n.project_id = t.project_id and n.step_id = t.step_id) else 0 end as urged,
        t.due_kind as "dueKind", t.due_date::text as "dueDate", t.due_articles as "dueArticles", t.late
      from (select count(*)::int as total, count(*) filter (where late)::int as overdue from due) c
      left join lateral (select * from due order by since, project_id, assignment nulls first, step_id
        limit ${limit} offset ${offset}) t on true
      left join projects p on p.id = t.project_id
      left join organisations o on o.id = p.owner_organisation_id
      order by t.since, t.project_id, t.assignment nulls first, t.step_id`,
  );
  const total = rows[0]?.total ?? 0;
  const overdue = rows[0]?.overdue ?? 0;
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
    if (row.projectId === null) continue;
    const rulebook = env.catalog.registry.get(row.rulebookCode, row.rulebookVersion);
    const info = stepInfo(rulebook, row.stepId);
    if (!info) continue;
    const since = new Date(row.sinceMs);
    const expert = row.assignment !== null;
    const kind: TaskKind = expert ? 'expert_opinion' : taskKindOf(rulebook, info);
    items.push({
      projectId: row.projectId,
      projectCode: row.code,
      projectName: row.name,
      ownerName: row.ownerName ?? '',
      kind,
      workPath: workPathOf(kind, row.projectId, row.stepId),
      stepId: row.stepId,
      stepName: expert
        ? row.assignment === 'expert'
          ? '提交专家意见'
          : '提交第三方评估意见'
        : info.step.name,
      stageName: STAGE_LABELS[info.stage],
      since: since.toISOString(),
      waitedWorkdays: waitedSince(since),
      ...dueFor(rulebook, row, env),
      urged: row.urged,
      outcomes: expert
        ? []
        : info.step.outcomes.map((o, i) => ({
            event: o.event,
            name: o.name,
            normal: i === 0,
            refuses: o.result === 'refused',
          })),
    });
  }
  return { items, total, overdue, limit, offset };
}
