import { and, eq } from 'drizzle-orm';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { organisations } from '../../platform/db/core.ts';
import { notFound, versionConflict } from '../../platform/errors.ts';

export function updateOrganisation(
  deps: CommandDeps,
  ctx: CommandContext,
  id: string,
  version: number,
  changes: { name?: string; kind?: string },
) {
  return runCommand(
    deps,
    ctx,
    { action: 'organisation.update', objectType: 'organisation', objectId: id, details: changes },
    async (tx) => {
      const updated = await tx
        .update(organisations)
        .set({ ...changes, version: version + 1 })
        .where(and(eq(organisations.id, id), eq(organisations.version, version)))
        .returning({ id: organisations.id });
      if (updated.length === 0) {
        const [exists] = await tx
          .select({ id: organisations.id })
          .from(organisations)
          .where(eq(organisations.id, id));
        if (!exists) throw notFound('组织机构不存在');
        throw versionConflict();
      }
    },
  );
}
