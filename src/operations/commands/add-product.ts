/** A key product added to a system's 自主可控 inventory (DT-35). */
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { callerOfContext } from '../policy.ts';
import { loadSystem } from '../queries/context.ts';
import { opsKeyProducts } from '../tables/index.ts';

export interface ProductInput {
  category: string;
  name: string;
  vendor: string;
  productVersion?: string;
  controllable: boolean;
}

export async function addProduct(
  deps: CommandDeps,
  ctx: CommandContext,
  systemId: string,
  input: ProductInput,
): Promise<{ id: string }> {
  const caller = callerOfContext(deps, ctx);
  return runCommand(
    deps,
    ctx,
    {
      action: 'ops.product_add',
      objectType: 'information_system',
      objectId: systemId,
      details: { name: input.name },
    },
    async (tx) => {
      const system = await loadSystem(tx, caller, systemId, 'edit');
      const [row] = await tx
        .insert(opsKeyProducts)
        .values({
          systemId: system.id,
          category: input.category,
          name: input.name,
          vendor: input.vendor,
          productVersion: input.productVersion ?? null,
          controllable: input.controllable,
          recordedBy: caller.userId,
          recordedAt: caller.now,
        })
        .returning({ id: opsKeyProducts.id });
      return { id: row.id };
    },
  );
}
