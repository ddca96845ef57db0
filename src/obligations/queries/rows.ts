/** Obligation rows with project and holder names, and the presentation of one row. */
import { desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { organisations } from '../../platform/db/core.ts';
import { projects } from '../../projects/index.ts';
import { dueStatus } from '../engine.ts';
import { obligations } from '../tables.ts';

export async function listRows(q: Queryable, where: SQL, limit: number, offset: number) {
  return q
    .select({
      o: obligations,
      projectCode: projects.code,
      projectName: projects.name,
      holderName: organisations.name,
    })
    .from(obligations)
    .innerJoin(organisations, eq(organisations.id, obligations.holderOrganisationId))
    .leftJoin(projects, eq(projects.id, obligations.projectId))
    .where(where)
    .orderBy(sql`${obligations.dueDate} asc nulls last`, desc(obligations.createdAt), obligations.id)
    .limit(limit)
    .offset(offset);
}

export type ListRow = Awaited<ReturnType<typeof listRows>>[number];

export function presentObligation(r: ListRow, today: string, calendar: Parameters<typeof dueStatus>[2]) {
  const o = r.o;
  const due = dueStatus(o, today, calendar);
  return {
    id: o.id,
    kind: o.kind,
    title: o.title,
    articles: o.articles,
    projectId: o.projectId,
    projectCode: r.projectCode ?? null,
    projectName: r.projectName ?? null,
    systemId: o.systemId,
    jurisdictionId: o.jurisdictionId,
    holderOrganisationId: o.holderOrganisationId,
    holderName: r.holderName,
    ref: o.ref,
    anchorDate: o.anchorDate,
    amount: o.amount,
    unit: o.unit,
    dueDate: o.dueDate,
    calendarUnknown: due.calendarUnknown,
    unknownYears: o.unknownYears,
    state: o.state,
    overdue: due.overdue,
    remainingWorkingDays: due.remainingWorkingDays,
    metOn: o.metOn,
    late: o.late,
    extendedFrom: o.extendedFrom,
    extensionReason: o.extensionReason,
    waivedReason: o.waivedReason,
    link: o.link,
    version: o.version,
  };
}
