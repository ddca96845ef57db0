/**
 * The catalog rules of a jurisdiction come from its rulebook like every other rule (issue 10 item 8):
 * `Rulebook.catalog` of the jurisdiction's rulebook code. A derived county rulebook (`SC-…`, DT-37)
 * keeps the rules of the base it derives from until the derived version is loaded here.
 */
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { organisations } from '../../platform/db/core.ts';
import { getRulebook, type Rulebook } from '../../rules/index.ts';
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

function rulebookFor(rulebookCode: string | null): Rulebook | null {
  if (!rulebookCode) return null;
  for (const code of [rulebookCode, rulebookCode.split('-')[0]]) {
    try {
      return getRulebook(code);
    } catch {
      // not a built-in code: try the base it derives from
    }
  }
  return null;
}

/**
 * The organisation that compiles the jurisdiction's 政务云服务目录 as its rulebook names it
 * (`catalog.cloudCatalog.compiler`; SC 第十二条: 区数字政府服务中心), bound in the jurisdiction itself:
 * the one organisation of that kind there, or the one whose name ends with the rulebook's name.
 * Null when the rulebook names none or nobody matches (then the authority compiles, as before).
 */
export async function cloudCatalogCompiler(
  q: Queryable,
  jurisdiction: { id: string; rulebookCode: string | null },
): Promise<{ organisationId: string; name: string; kind: string; article: string | undefined } | null> {
  const rulebook = rulebookFor(jurisdiction.rulebookCode);
  const cloud = rulebook?.catalog?.cloudCatalog;
  const org = cloud ? rulebook?.organisations.find((o) => o.key === cloud.compiler) : undefined;
  if (!cloud || !org) return null;
  const candidates = await q
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.jurisdictionId, jurisdiction.id), eq(organisations.kind, org.kind)));
  const names = [org.name, ...org.terms.map((t) => t.term)];
  const match =
    candidates.length === 1 ? candidates : candidates.filter((c) => names.some((n) => c.name.endsWith(n)));
  return match.length === 1
    ? { organisationId: match[0].id, name: match[0].name, kind: org.kind, article: cloud.articles[0] }
    : null;
}
