/**
 * The check stored on submission (issue 16): runs inside the submission's own command (one
 * transaction, one audit row: project.submit), with its inputs and every hit, one row per
 * submission so that the history of checks stays.
 */
import type { Tx } from '../../platform/db/client.ts';
import type { ProjectContext } from '../../projects/index.ts';
import { jurisdictionChain } from '../../projects/index.ts';
import type { SubmissionHook } from '../../workflow/index.ts';
import type { DocText } from '../engine/compare.ts';
import type { DedupIndexStore } from '../index-store.ts';
import { checkProposal } from '../queries/check.ts';
import { dedupChecks, dedupHits } from '../tables.ts';

/**
 * What a submitted application is compared by: its name, and its summary followed by the names of
 * the systems it builds or changes (names, not functions: they are text, not items).
 */
export function applicationProposal(pc: ProjectContext): DocText {
  const systems = pc.systemDetails.map((s) => s.name).filter((n) => n !== '');
  return {
    name: pc.bundle.project.name,
    text: [pc.bundle.project.summary, ...systems].join('\n'),
    items: [],
  };
}

export function submissionCheck(store: DedupIndexStore): SubmissionHook {
  return async (tx: Tx, pc: ProjectContext, submission) => {
    const project = pc.bundle.project;
    const proposal = applicationProposal(pc);
    const { hits } = await checkProposal(
      store,
      tx,
      proposal,
      {
        jurisdictionIds: jurisdictionChain(pc.directory, project.jurisdictionId).map((j) => j.id),
        year: Number(pc.env.today.slice(0, 4)),
        projectId: project.id,
        ownSystemIds: pc.bundle.systems.flatMap((s) => (s.systemId ? [s.systemId] : [])),
        upgradeOnly: pc.bundle.systems.length > 0 && pc.bundle.systems.every((s) => s.relation === 'changes'),
      },
      20,
      { inTransaction: true },
    );
    const [check] = await tx
      .insert(dedupChecks)
      .values({
        projectId: project.id,
        submissionSeq: submission.seq,
        input: { name: proposal.name, text: proposal.text, items: [...proposal.items] },
        highCount: hits.filter((h) => h.level === 'high').length,
        partialCount: hits.filter((h) => h.level === 'partial').length,
        checkedBy: submission.userId,
        checkedAt: submission.at,
      })
      .returning({ id: dedupChecks.id });
    if (hits.length === 0) return;
    await tx.insert(dedupHits).values(
      hits.map((hit, rank) => {
        const isEntry = hit.kind === 'unified' || hit.kind === 'negative';
        const [code, basis] = isEntry ? splitEntryDetail(hit.detail) : [null, null];
        return {
          checkId: check.id,
          rank: rank + 1,
          kind: hit.kind,
          targetId: hit.id,
          name: hit.name,
          detail: hit.detail,
          score: hit.score,
          level: hit.level,
          phrases: hit.phrases,
          marks: {
            queryMarks: hit.queryMarks,
            candidateMarks: hit.candidateMarks,
            candidate: {
              name: hit.candidate.name,
              text: hit.candidate.text,
              items: [...hit.candidate.items],
            },
          },
          entryCode: code,
          entryBasis: basis,
        };
      }),
    );
  };
}

/** `统建清单 TJ-01 · 依据：…` → [TJ-01, …] (the detail the index store writes for list entries). */
function splitEntryDetail(detail: string | null): [string | null, string | null] {
  if (!detail) return [null, null];
  const match = /^\S+ (\S+)(?: · 依据：(.*))?$/.exec(detail);
  return match ? [match[1], match[2] ?? null] : [null, null];
}
