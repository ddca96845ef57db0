/**
 * The gate before the review concludes (issue 16): every `high` hit of the latest check carries the
 * reviewer's acknowledgement, else a refusal citing the review step's article.
 */
import type { ReviewGate } from '../../workflow/index.ts';
import { requireAcknowledged } from '../policy.ts';
import { latestHits } from '../queries/project-checks.ts';

export const reviewGate: ReviewGate = async (tx, pc, step) => {
  const hits = await latestHits(tx, pc.bundle.project.id);
  requireAcknowledged(hits, step.articles[0] ?? '');
};
