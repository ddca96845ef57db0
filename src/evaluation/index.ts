/**
 * src/evaluation — self-evaluation, yearly assessment, efficacy evaluation, rectification and the
 * yearly outputs (issue 14). Other modules import only from here.
 */
export { EVALUATION_ACCESS } from './access.ts';
export type { EvaluationDeps, SatisfactionSource } from './commands.ts';
export { jurisdictionRules } from './context.ts';
export { registerEvaluationRoutes } from './routes.ts';
