import { eq } from 'drizzle-orm';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { jurisdictions } from '../../platform/db/core.ts';
import { conflict, invalid } from '../../platform/errors.ts';

export function createJurisdiction(
  deps: CommandDeps,
  ctx: CommandContext,
  body: { code: string; name: string; level: string; parentId: string | null; rulebookCode: string | null },
) {
  return runCommand(
    deps,
    ctx,
    { action: 'jurisdiction.create', objectType: 'jurisdiction' },
    async (tx, audit) => {
      if (body.parentId) {
        const [parent] = await tx
          .select({ id: jurisdictions.id })
          .from(jurisdictions)
          .where(eq(jurisdictions.id, body.parentId));
        if (!parent) throw invalid('PARENT_NOT_FOUND', '上级行政区划不存在', { field: 'parentId' });
      }
      const [dup] = await tx
        .select({ id: jurisdictions.id })
        .from(jurisdictions)
        .where(eq(jurisdictions.code, body.code));
      if (dup) throw conflict('JURISDICTION_CODE_TAKEN', '行政区划代码已存在', { field: 'code' });
      const [row] = await tx.insert(jurisdictions).values(body).returning();
      audit.objectId = row.id;
      audit.details = { code: row.code, name: row.name };
      return row;
    },
  );
}
