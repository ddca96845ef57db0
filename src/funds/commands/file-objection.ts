/**
 * An anonymous objection while the notice runs (the public 公示 page, src/publication); the address
 * is kept only as a keyed hash. The notice's phase is decided on the working calendar's China date.
 */
import { eq } from 'drizzle-orm';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import type { Keyring } from '../../platform/crypto/keyring.ts';
import { hmacSm3Hex } from '../../platform/crypto/sm3.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { loadWorkflowEnv } from '../../projects/index.ts';
import { publicityPhase } from '../model.ts';
import { publicityNotices, publicityObjections } from '../tables.ts';

export async function fileObjection(
  deps: CommandDeps & { keyring: Keyring },
  ctx: CommandContext,
  noticeId: string,
  content: string,
): Promise<string> {
  const env = await loadWorkflowEnv(deps.db, deps.clock, deps.keyring);
  return runCommand(
    deps,
    ctx,
    { action: 'funds.objection_file', objectType: 'publicity', objectId: noticeId },
    async (tx) => {
      const [notice] = await tx.select().from(publicityNotices).where(eq(publicityNotices.id, noticeId));
      const phase = notice ? publicityPhase(notice, env.today) : 'draft';
      if (!notice || phase === 'draft' || phase === 'scheduled')
        throw notFound('公示不存在', 'NOTICE_NOT_FOUND');
      if (phase === 'ended') throw conflict('PUBLICITY_ENDED', '公示期已结束，不再受理异议');
      const text = content.trim();
      if (text.length === 0) throw invalid('CONTENT_REQUIRED', '请填写异议内容', { field: 'content' });
      const [row] = await tx
        .insert(publicityObjections)
        .values({
          noticeId,
          content: text,
          clientKey: hmacSm3Hex(deps.auditKey, `objection:${ctx.sourceIp ?? ''}`),
          createdAt: env.now,
        })
        .returning({ id: publicityObjections.id });
      return row.id;
    },
  );
}
