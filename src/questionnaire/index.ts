/**
 * src/questionnaire — the public satisfaction questionnaire of an operating system (issue 14:
 * efficacy evaluation, DT-30, SC-24, XZ-26). Other modules import only from here.
 *
 * satisfactionScore(db, systemId, year): 0–100 (one decimal) = (mean of every rating answer 1–5 of
 * the system's questionnaires of the year − 1) ÷ 4 × 100; null when there is no rating answer.
 * The public page's read (`publicQuestionnaire`) and answer (`submitResponse`) with their schemas
 * are served by src/publication.
 */
export { QUESTIONNAIRE_ACCESS } from './access.ts';
export { submitResponse } from './commands/submit-response.ts';
export { scoreFromMean } from './model.ts';
export { publicQuestionnaire } from './queries/public.ts';
export { ratingDistribution, satisfactionScore } from './queries/satisfaction.ts';
export { publicPath, registerQuestionnaireRoutes } from './routes.ts';
export {
  AnswerBody as QuestionnaireAnswerBody,
  Ok as QuestionnaireAnswered,
  PublicView as PublicQuestionnaireView,
  SlugParams as QuestionnaireSlugParams,
} from './schemas.ts';
