/** The rulebooks' write: a derived version stored (DT-37), numbered and audited in one transaction. */

import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { versionConflict } from '../../platform/errors.ts';
import { deriveRulebook, type Rulebook } from '../../rules/index.ts';
import { insertRulebookVersion, latestStoredVersion } from '../repository.ts';

/**
 * Derives the next version of rulebook `code` from `base` and stores it; the version follows the
 * higher of the built-in (`builtInMax`) and stored versions. Throws RulebookInvalidError when the
 * changes do not give a valid rulebook.
 */
export function deriveVersion(
  deps: CommandDeps,
  ctx: CommandContext,
  userId: string,
  input: {
    code: string;
    base: Rulebook;
    builtInMax: number;
    jurisdictionCode: string;
    jurisdictionName: string | undefined;
    name: string;
    effectiveFrom: string;
    regulation?: Rulebook['regulation'];
    changes: unknown[];
  },
): Promise<Rulebook> {
  const { code, base, jurisdictionName } = input;
  return runCommand(
    deps,
    ctx,
    { action: 'rulebook.derive', objectType: 'rulebook', objectId: code },
    async (tx, audit) => {
      const version = Math.max(input.builtInMax, await latestStoredVersion(tx, code)) + 1;
      const derived = deriveRulebook(base, input.changes, {
        id: code,
        jurisdictionCode: input.jurisdictionCode,
        ...(jurisdictionName ? { jurisdictionName } : {}),
        name: input.name.trim(),
        version,
        effectiveFrom: input.effectiveFrom,
        ...(input.regulation ? { regulation: input.regulation } : {}),
      });
      const id = await insertRulebookVersion(tx, derived, input.changes, userId);
      if (!id) throw versionConflict('该规则集刚刚有新版本保存，请刷新后重试', null);
      audit.objectId = `${code}@${version}`;
      audit.details = {
        code,
        version,
        baseCode: base.id,
        baseVersion: base.version,
        jurisdictionCode: input.jurisdictionCode,
        effectiveFrom: input.effectiveFrom,
        changes: input.changes,
      };
      return derived;
    },
  );
}
