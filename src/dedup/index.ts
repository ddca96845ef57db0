/**
 * 查重 (issue 16): what other modules may use. `dedupModule` gives the routes and the two hooks the
 * project workflow calls: the check stored on each submission and the gate before the review
 * concludes. One index store per app (per process).
 */
import type { FastifyInstance } from 'fastify';
import type { ProjectDeps, ReviewGate, SubmissionHook } from '../workflow/index.ts';
import { submissionCheck } from './commands/record-check.ts';
import { reviewGate } from './commands/review-gate.ts';
import { DedupIndexStore } from './index-store.ts';
import { registerDedupRoutes } from './routes.ts';

export { DEDUP_ACCESS } from './access.ts';

export interface DedupModule {
  store: DedupIndexStore;
  onSubmitted: SubmissionHook;
  beforeReviewConcludes: ReviewGate;
  register(app: FastifyInstance, deps: ProjectDeps): void;
}

export function dedupModule(): DedupModule {
  const store = new DedupIndexStore();
  return {
    store,
    onSubmitted: submissionCheck(store),
    beforeReviewConcludes: reviewGate,
    register: (app, deps) => registerDedupRoutes(app, deps, store),
  };
}
