/** The calendar's write: one year's holiday arrangement replaced, in one audited transaction. */

import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { saveCalendarYear } from '../repository.ts';

/**
 * Replaces the arrangement of `input.year` (optimistic lock on the updatedAt the editor loaded);
 * `warnings` is the number of problems shown with the save, recorded in the audit details.
 */
export function saveYear(
  deps: CommandDeps,
  ctx: CommandContext,
  input: {
    year: number;
    rows: { date: string; kind: 'holiday' | 'workday'; name: string }[];
    publishedRef: string;
    updatedAt: string | null;
  },
  warnings: number,
) {
  const { year, rows, publishedRef } = input;
  return runCommand(
    deps,
    ctx,
    { action: 'calendar.year_save', objectType: 'calendar_year', objectId: String(year) },
    async (tx, audit) => {
      const saved = await saveCalendarYear(tx, {
        year,
        rows,
        publishedRef,
        expectedUpdatedAt: input.updatedAt,
        now: deps.clock.now(),
      });
      audit.details = {
        year,
        publishedRef,
        holidays: rows.filter((r) => r.kind === 'holiday').length,
        workdays: rows.filter((r) => r.kind === 'workday').length,
        replacedRows: saved.previous.rows,
        previousSource: saved.previous.source,
        warnings,
      };
    },
  );
}
