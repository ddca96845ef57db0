/** A notice of the caller's authority with its projects and every objection. */

import type { Actor } from '../../platform/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import type { WorkflowEnv } from '../../projects/index.ts';
import { formatFen, publicityPhase } from '../model.ts';
import { iso } from '../presenter.ts';
import { noticeItems, noticeObjections, organisationName } from '../repository.ts';
import { ownNotice } from './notice.ts';

export async function noticeDetail(db: Queryable, e: WorkflowEnv, actor: Actor, id: string) {
  const notice = await ownNotice(db, actor, id);
  const [items, objections] = await Promise.all([noticeItems(db, id), noticeObjections(db, id, false)]);
  const total = items.reduce((s, i) => s + i.amountFen, 0n);
  const authority = (await organisationName(db, notice.organisationId)) ?? '';
  return {
    id: notice.id,
    title: notice.title,
    year: notice.year,
    startsOn: notice.startsOn,
    endsOn: notice.endsOn,
    phase: publicityPhase(notice, e.today),
    authority,
    itemCount: items.length,
    itemTotal: formatFen(total),
    status: notice.status,
    version: notice.version,
    items: items.map((i) => ({
      projectId: i.projectId,
      projectCode: i.projectCode,
      projectName: i.projectName,
      department: i.department,
      amount: formatFen(i.amountFen),
    })),
    objections: objections.map((o) => ({
      id: o.id,
      content: o.content,
      createdAt: o.createdAt.toISOString(),
      answer: o.answer,
      answeredAt: iso(o.answeredAt),
    })),
  };
}
