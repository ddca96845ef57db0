/**
 * The two ends of the Excel round trip that touch the database as a whole: the caller's filtered
 * view written as a workbook (capped: queries/export-workbook.ts), and here a checked upload written
 * in one audited transaction.
 */

import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import type { CatalogKind } from '../model.ts';
import type { Caller } from './caller.ts';
import { type ImportPlan, writeImport } from './transfer.ts';

/** Writes a checked upload in one audited transaction ('catalog.import'). */
export function importEntries(
  deps: CommandDeps,
  ctx: CommandContext,
  caller: Caller,
  kind: CatalogKind,
  plan: ImportPlan,
  source: { fileName: string; rows: number },
) {
  return runCommand(
    deps,
    ctx,
    { action: 'catalog.import', objectType: 'catalog', objectId: kind },
    async (tx, audit) => {
      const result = await writeImport(tx, caller, plan);
      audit.details = {
        fileName: source.fileName,
        rows: source.rows,
        created: result.created,
        updated: result.updated,
        ...(result.conflictsOpen !== undefined ? { singleSourceOpen: result.conflictsOpen } : {}),
      };
      return result;
    },
  );
}
