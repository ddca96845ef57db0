/**
 * The catalog rules of a jurisdiction come from its rulebook like every other rule (issue 10 item 8):
 * `Rulebook.catalog` of the jurisdiction's rulebook code. A derived county rulebook (`SC-…`, DT-37)
 * keeps the rules of the base it derives from until the derived version is loaded here.
 */
import { getRulebook } from '../../rules/index.ts';
import type { SystemCatalogRules } from '../model.ts';

export function catalogRulesFor(rulebookCode: string | null): SystemCatalogRules | null {
  if (!rulebookCode) return null;
  for (const code of [rulebookCode, rulebookCode.split('-')[0]]) {
    try {
      return getRulebook(code).catalog ?? null;
    } catch {
      // not a built-in code: try the base it derives from
    }
  }
  return null;
}
