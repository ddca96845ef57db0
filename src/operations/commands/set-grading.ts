/** 等保定级备案 of a system (DT-35, SC-28, XZ-31); a 备案 opens the first 测评 / 密评 obligations. */
import { and, eq } from 'drizzle-orm';
import { loadCalendar } from '../../calendar/index.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { versionConflict } from '../../platform/errors.ts';
import { syncCatalogLevel } from '../grading-level.ts';
import { openAssessmentObligation } from '../obligations.ts';
import { callerOfContext } from '../policy.ts';
import { loadSystem } from '../queries/context.ts';
import { notFuture, requireRules } from '../rules.ts';
import { opsAssessments, opsGradings } from '../tables/index.ts';

export interface GradingInput {
  level: number;
  filingNumber: string;
  filingDate: string;
  criticalInfrastructure: boolean;
  /** The current version when the grading exists (optimistic concurrency). */
  version?: number;
}

export async function setGrading(
  deps: CommandDeps,
  ctx: CommandContext,
  systemId: string,
  input: GradingInput,
): Promise<void> {
  const caller = callerOfContext(deps, ctx);
  const calendar = await loadCalendar(deps.db);
  await runCommand(
    deps,
    ctx,
    {
      action: 'ops.grading_set',
      objectType: 'information_system',
      objectId: systemId,
      details: { level: input.level },
    },
    async (tx) => {
      const system = await loadSystem(tx, caller, systemId, 'edit');
      const rules = requireRules(system.rules);
      notFuture(input.filingDate, caller.now, 'filingDate');
      // The first 测评 and 密评 are owed one interval after the 备案 date, until a report is filed.
      const env = { calendar, now: caller.now };
      const openFirst = async () => {
        for (const kind of ['mlps', 'crypto'] as const) {
          const [filed] = await tx
            .select({ id: opsAssessments.id })
            .from(opsAssessments)
            .where(and(eq(opsAssessments.systemId, system.id), eq(opsAssessments.kind, kind)))
            .limit(1);
          if (!filed) {
            await openAssessmentObligation(
              tx,
              env,
              rules,
              system,
              kind,
              input.level,
              input.filingDate,
              `grading:${input.filingDate}`,
            );
          }
        }
      };
      const values = {
        level: input.level,
        filingNumber: input.filingNumber,
        filingDate: input.filingDate,
        criticalInfrastructure: input.criticalInfrastructure,
        recordedBy: caller.userId,
        updatedAt: caller.now,
      };
      const [current] = await tx
        .select({ id: opsGradings.id, version: opsGradings.version })
        .from(opsGradings)
        .where(eq(opsGradings.systemId, system.id));
      // One truth for the level: the catalog entry follows the grading in this transaction.
      await syncCatalogLevel(tx, system.id, input.level, caller.now);
      if (!current) {
        await tx.insert(opsGradings).values({ ...values, systemId: system.id });
        await openFirst();
        return;
      }
      if (input.version === undefined || input.version !== current.version) throw versionConflict();
      const updated = await tx
        .update(opsGradings)
        .set({ ...values, version: current.version + 1 })
        .where(and(eq(opsGradings.id, current.id), eq(opsGradings.version, current.version)))
        .returning({ id: opsGradings.id });
      if (updated.length === 0) throw versionConflict();
      await openFirst();
    },
  );
}
