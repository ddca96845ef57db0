/**
 * The progress and change-request rules of a rulebook (issue 12), looked up like the operations
 * rules: the built-in section by rulebook id, a derived county rulebook (DT-37) by its base.
 */
import { DT_PROGRESS } from './jurisdictions/dt.ts';
import { JC_PROGRESS } from './jurisdictions/jc.ts';
import { SC_PROGRESS } from './jurisdictions/sc.ts';
import { XZ_PROGRESS } from './jurisdictions/xz.ts';
import type { ProgressRules } from './progress-model.ts';

export * from './progress-model.ts';

const BY_RULEBOOK: Readonly<Record<string, ProgressRules>> = {
  DT: DT_PROGRESS,
  SC: SC_PROGRESS,
  JC: JC_PROGRESS,
  XZ: XZ_PROGRESS,
};

export function progressRulesFor(
  rulebookCode: string | null,
  derivedFrom?: string | null,
): ProgressRules | null {
  if (rulebookCode && BY_RULEBOOK[rulebookCode]) return BY_RULEBOOK[rulebookCode];
  if (derivedFrom && BY_RULEBOOK[derivedFrom]) return BY_RULEBOOK[derivedFrom];
  return null;
}
