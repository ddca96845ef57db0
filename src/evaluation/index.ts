/**
 * src/evaluation — self-evaluation, yearly assessment, efficacy evaluation, rectification and the
 * yearly outputs (issue 14). Other modules import only from here. The published results' read
 * (`publicResults`) and its schemas are served by src/publication.
 */
export { EVALUATION_ACCESS } from './access.ts';
export type { EvaluationDeps, SatisfactionSource } from './commands/support.ts';
export { jurisdictionRules } from './queries/jurisdiction-rules.ts';
export { publicResults } from './queries/public-results.ts';
export { PublicResults as PublicEvaluationResults } from './responses.ts';
export { registerEvaluationRoutes } from './routes.ts';
export { PublicQuery as PublicEvaluationQuery } from './schemas.ts';
