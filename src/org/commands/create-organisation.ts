import { and, eq } from 'drizzle-orm';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { jurisdictions, organisations } from '../../platform/db/core.ts';
import { conflict, invalid } from '../../platform/errors.ts';

/** Creates an organisation; answers its id. */
export function createOrganisation(
  deps: CommandDeps,
  ctx: CommandContext,
  body: { name: string; kind: string; parentId: string | null; jurisdictionId: string },
) {
  return runCommand(
    deps,
    ctx,
    { action: 'organisation.create', objectType: 'organisation' },
    async (tx, audit) => {
      const [j] = await tx
        .select({ id: jurisdictions.id })
        .from(jurisdictions)
        .where(eq(jurisdictions.id, body.jurisdictionId));
      if (!j) throw invalid('JURISDICTION_NOT_FOUND', '行政区划不存在', { field: 'jurisdictionId' });
      const [dup] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(
          and(
            eq(organisations.jurisdictionId, body.jurisdictionId),
            eq(organisations.name, body.name.trim()),
          ),
        );
      if (dup) throw conflict('ORGANISATION_NAME_TAKEN', '该行政区划下已有同名组织机构', { field: 'name' });
      const [row] = await tx
        .insert(organisations)
        .values({ ...body, name: body.name.trim() })
        .returning({ id: organisations.id });
      audit.objectId = row.id;
      audit.details = { name: body.name, kind: body.kind };
      return row.id;
    },
  );
}
