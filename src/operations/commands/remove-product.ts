/** A key product removed from a system's 自主可控 inventory (DT-35). */
import { and, eq } from 'drizzle-orm';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { notFound } from '../../platform/errors.ts';
import { callerOfContext } from '../policy.ts';
import { loadSystem } from '../queries/context.ts';
import { opsKeyProducts } from '../tables/index.ts';

export async function removeProduct(
  deps: CommandDeps,
  ctx: CommandContext,
  systemId: string,
  productId: string,
): Promise<void> {
  const caller = callerOfContext(deps, ctx);
  await runCommand(
    deps,
    ctx,
    {
      action: 'ops.product_remove',
      objectType: 'ops_key_product',
      objectId: productId,
      details: { systemId },
    },
    async (tx) => {
      const system = await loadSystem(tx, caller, systemId, 'edit');
      const removed = await tx
        .delete(opsKeyProducts)
        .where(and(eq(opsKeyProducts.id, productId), eq(opsKeyProducts.systemId, system.id)))
        .returning({ id: opsKeyProducts.id });
      if (removed.length === 0) throw notFound('产品记录不存在');
    },
  );
}
