import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { forbidden, invalid } from '../../platform/errors.ts';
import { type PlanKind, plans } from '../../projects/index.ts';
import { compilerRole } from '../actors.ts';

export async function createPlan(
  deps: CommandDeps,
  ctx: CommandContext,
  input: {
    kind: PlanKind;
    title: string;
    year: number;
    endYear?: number;
    summary: string;
    organisationId?: string;
  },
): Promise<string> {
  const actor = ctx.actor!;
  return runCommand(deps, ctx, { action: 'plan.create', objectType: 'plan' }, async (tx, audit) => {
    const compiler = compilerRole(actor, input.organisationId);
    if (!compiler) throw forbidden('只能以本人所在单位的名义编制规划', 'NOT_PLAN_EDITOR');
    const endYear = input.kind === 'annual' ? input.year : (input.endYear ?? input.year);
    if (endYear < input.year)
      throw invalid('PLAN_YEARS_INVALID', '规划期末年份不能早于起始年份', { field: 'endYear' });
    const [row] = await tx
      .insert(plans)
      .values({
        jurisdictionId: compiler.role.jurisdictionId,
        organisationId: compiler.role.organisationId,
        scope: compiler.scope,
        kind: input.kind,
        title: input.title.trim(),
        year: input.year,
        endYear,
        summary: input.summary,
        createdBy: actor.userId,
        createdAt: deps.clock.now(),
      })
      .returning({ id: plans.id });
    audit.role = compiler.role.role;
    audit.organisationId = compiler.role.organisationId;
    audit.objectId = row.id;
    audit.details = { kind: input.kind, scope: compiler.scope, title: input.title };
    return row.id;
  });
}
