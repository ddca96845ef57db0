/**
 * Shapes of the questionnaire API (src/questionnaire/schemas.ts), as aliases of the types generated
 * from the OpenAPI document (web/src/api/schema.ts, `npm run gen:api-types`), and labels of the pages.
 */
import type { ApiBody, ApiResponse } from '../../api/client.ts';

export type QuestionnaireSummary = ApiResponse<'/api/questionnaires', 'get'>['items'][number];
export type QuestionnaireDetail = ApiResponse<'/api/questionnaires/{id}', 'get'>;
export type Question = QuestionnaireDetail['questions'][number];
export type QuestionKind = Question['kind'];
export type Phase = QuestionnaireSummary['phase'];
/** The design form's part of POST /api/questionnaires (the system and year are chosen beside it). */
export type DesignInput = Omit<ApiBody<'/api/questionnaires', 'post'>, 'systemId' | 'year'>;
export type QuestionInput = DesignInput['questions'][number];
export type QuestionnaireResults = ApiResponse<'/api/questionnaires/{id}/results', 'get'>;
export type QuestionResult = QuestionnaireResults['questions'][number];
export type PublicQuestionnaire = ApiResponse<'/api/public/questionnaires/{slug}', 'get'>;
export type AnswerInput = ApiBody<'/api/public/questionnaires/{slug}/responses', 'post'>['answers'][number];

export const KIND_LABELS: Record<QuestionKind, string> = {
  single: '单选',
  multiple: '多选',
  rating: '评分（1–5）',
  text: '填空',
};
export const PHASE_LABELS: Record<Phase, string> = {
  draft: '草稿',
  scheduled: '未开始',
  open: '收集中',
  ended: '已到期',
  closed: '已结束',
};
export const PHASE_COLORS: Record<Phase, string> = {
  draft: 'default',
  scheduled: 'blue',
  open: 'green',
  ended: 'orange',
  closed: 'default',
};
export const RATING_LABELS = ['很不满意', '不满意', '一般', '满意', '很满意'];
