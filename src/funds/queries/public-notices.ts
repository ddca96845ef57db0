/**
 * The public 公示 page's reads (DT-15, SC-13): published notices between their start and end dates
 * (current) and afterwards (past), never before; a notice's projects, departments and amounts and
 * only its answered objections, with the answers. No internal ids of users or staff. `today` is the
 * working calendar's China date (src/projects loadWorkflowEnv). Served by src/publication/routes.ts.
 */
import type { CommandDeps } from '../../platform/command.ts';
import type { Keyring } from '../../platform/crypto/keyring.ts';
import { notFound } from '../../platform/errors.ts';
import { loadWorkflowEnv } from '../../projects/index.ts';
import { formatFen, publicityPhase } from '../model.ts';
import { presentNoticeSummary } from '../presenter.ts';
import { noticeItems, noticeObjections, publicNotice, publicNotices } from '../repository.ts';

/** What the public reads and the anonymous objection need: the database, the clock, the calendar's keyring. */
export type PublicFundsDeps = CommandDeps & { keyring: Keyring };

const today = async (deps: PublicFundsDeps) =>
  (await loadWorkflowEnv(deps.db, deps.clock, deps.keyring)).today;

/** One page of the current or past notices, newest start first. */
export async function publicNoticePage(
  deps: PublicFundsDeps,
  phase: 'current' | 'ended',
  paging: { limit: number; offset: number },
) {
  const day = await today(deps);
  const page = await publicNotices(deps.db, day, phase, paging);
  return { total: page.total, items: page.items.map((n) => presentNoticeSummary(n, day)) };
}

/** A published notice that has started, with its items and answered objections; 404 otherwise. */
export async function publicNoticeDetail(deps: PublicFundsDeps, id: string) {
  const day = await today(deps);
  const notice = await publicNotice(deps.db, id, day);
  if (!notice) throw notFound('公示不存在', 'NOTICE_NOT_FOUND');
  const [items, objections] = await Promise.all([
    noticeItems(deps.db, id),
    noticeObjections(deps.db, id, true),
  ]);
  return {
    id: notice.id,
    title: notice.title,
    year: notice.year,
    startsOn: notice.startsOn,
    endsOn: notice.endsOn,
    phase: publicityPhase(notice, day),
    authority: notice.authority,
    itemCount: items.length,
    itemTotal: formatFen(items.reduce((s, i) => s + i.amountFen, 0n)),
    items: items.map((i) => ({
      projectCode: i.projectCode,
      projectName: i.projectName,
      department: i.department,
      amount: formatFen(i.amountFen),
    })),
    objections: objections.map((o) => ({
      content: o.content,
      createdAt: o.createdAt.toISOString(),
      answer: o.answer ?? '',
      answeredAt: o.answeredAt?.toISOString() ?? '',
    })),
  };
}
