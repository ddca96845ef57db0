/** Shapes of the questionnaire API (src/questionnaire/schemas.ts) and labels of the pages. */
export type QuestionKind = 'single' | 'multiple' | 'rating' | 'text';
export type Phase = 'draft' | 'scheduled' | 'open' | 'ended' | 'closed';

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

export interface Question {
  id: string;
  kind: QuestionKind;
  prompt: string;
  required: boolean;
  options: string[];
}

export interface QuestionInput {
  kind: QuestionKind;
  prompt: string;
  required: boolean;
  options?: string[];
}

export interface DesignInput {
  title: string;
  intro?: string;
  questions: QuestionInput[];
}

export interface QuestionnaireSummary {
  id: string;
  title: string;
  year: number;
  status: 'draft' | 'published' | 'closed';
  phase: Phase;
  slug: string | null;
  startsOn: string | null;
  endsOn: string | null;
  version: number;
  systemId: string;
  systemName: string;
  systemCode: string;
  organisationName: string;
  responses: number;
}

export interface QuestionnaireDetail extends QuestionnaireSummary {
  intro: string;
  questions: Question[];
}

export interface QuestionResult extends Question {
  answered: number;
  counts: number[];
  average: number | null;
  texts: string[];
}

export interface QuestionnaireResults {
  id: string;
  title: string;
  responses: number;
  satisfaction: number | null;
  byDay: { day: string; responses: number }[];
  questions: QuestionResult[];
}

export interface PublicQuestionnaire {
  title: string;
  intro: string;
  year: number;
  startsOn: string | null;
  endsOn: string | null;
  systemName: string;
  organisationName: string;
  phase: Phase;
  questions: Question[];
}

export interface AnswerInput {
  questionId: string;
  choice?: number;
  choices?: number[];
  rating?: number;
  text?: string;
}
