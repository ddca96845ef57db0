/**
 * The check itself (a read): the proposal against the process's index, within its scope.
 */

import type { Actor } from '../../platform/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { invalid } from '../../platform/errors.ts';
import { jurisdictionChain, jurisdictionSubtree, loadDirectory } from '../../projects/index.ts';
import type { DocText } from '../engine/compare.ts';
import type { Hit } from '../engine/search-index.ts';
import type { DedupIndexStore } from '../index-store.ts';
import { type CheckScope, scopeCap, scopeFilter } from '../policy.ts';
import type { CheckInput } from '../schemas.ts';

export function proposalOf(input: CheckInput): DocText {
  return {
    name: input.name,
    text: input.summary ?? '',
    items: [...(input.functions ?? []), ...(input.dataItems ?? [])],
  };
}

export async function checkProposal(
  store: DedupIndexStore,
  q: Queryable,
  proposal: DocText,
  scope: CheckScope,
  limit = 20,
  options: { inTransaction?: boolean } = {},
): Promise<{ indexed: number; hits: Hit[] }> {
  const index = await store.current(q, options);
  return {
    indexed: index.size,
    hits: index.search(proposal, { filter: scopeFilter(scope), cap: scopeCap(scope), limit }),
  };
}

/**
 * The jurisdiction a caller checks for: the one asked for, if it is the caller's own or below it
 * (an authority plans for its counties), else the caller's own; and the chain compared with. An
 * unknown and an invisible jurisdiction give the same answer.
 */
export async function checkJurisdiction(
  q: Queryable,
  actor: Actor,
  requested: string | undefined,
): Promise<{ jurisdictionId: string; chain: string[] }> {
  const directory = await loadDirectory(q);
  const allowed = new Set(actor.assignments.flatMap((a) => jurisdictionSubtree(directory, a.jurisdictionId)));
  const target = requested ?? actor.assignments[0]?.jurisdictionId;
  if (!target || !allowed.has(target)) {
    throw invalid('JURISDICTION_NOT_FOUND', '行政区划不存在或不在本人管辖范围内', {
      field: 'jurisdictionId',
    });
  }
  return { jurisdictionId: target, chain: jurisdictionChain(directory, target).map((j) => j.id) };
}
