/** The authority drafts a fund-allocation 公示 of projects it sees in its jurisdiction. */

import { type CommandContext, runCommand } from '../../platform/command.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import type { WorkflowEnv } from '../../projects/index.ts';
import { visibleContext } from '../../projects/index.ts';
import { publicityItems, publicityNotices } from '../tables.ts';
import { authorityRole, type FundsDeps } from './support.ts';

export interface NoticeInput {
  title: string;
  year: number;
  startsOn: string;
  endsOn: string;
  items: { projectId: string; amountFen: bigint }[];
}

export async function createNotice(
  deps: FundsDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  input: NoticeInput,
): Promise<string> {
  const actor = ctx.actor!;
  return runCommand(
    deps,
    ctx,
    { action: 'funds.publicity_create', objectType: 'publicity' },
    async (tx, audit) => {
      const role = authorityRole(actor);
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      if (input.endsOn < input.startsOn)
        throw invalid('DATES_INVALID', '公示结束日期不得早于开始日期', { field: 'endsOn' });
      if (input.items.length === 0) throw invalid('ITEMS_REQUIRED', '请至少列入一个项目', { field: 'items' });
      const seen = new Set<string>();
      const rows: { projectId: string; organisationId: string; amountFen: bigint }[] = [];
      for (const [i, item] of input.items.entries()) {
        if (seen.has(item.projectId))
          throw invalid('ITEM_DUPLICATE', '同一项目重复列入', { field: `items[${i}].projectId` });
        seen.add(item.projectId);
        // A project the caller cannot see, or of another jurisdiction, is absent (404, no field).
        const { pc } = await visibleContext(tx, env, actor, item.projectId);
        if (pc.bundle.project.jurisdictionId !== role.jurisdictionId)
          throw notFound('项目不存在或无权查看', 'PROJECT_NOT_FOUND');
        rows.push({
          projectId: item.projectId,
          organisationId: pc.bundle.project.ownerOrganisationId,
          amountFen: item.amountFen,
        });
      }
      const [notice] = await tx
        .insert(publicityNotices)
        .values({
          jurisdictionId: role.jurisdictionId,
          organisationId: role.organisationId,
          title: input.title,
          year: input.year,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          createdBy: actor.userId,
        })
        .returning({ id: publicityNotices.id });
      await tx.insert(publicityItems).values(rows.map((r) => ({ ...r, noticeId: notice.id })));
      audit.objectId = notice.id;
      return notice.id;
    },
  );
}
