/**
 * The questionnaire's pure rules (no I/O): the shape of questions, the answers a response may give,
 * the open window, and the satisfaction score.
 *
 * Satisfaction score (0–100, one decimal): every rating answer (1–5) of the system's questionnaires
 * of the year counts once; score = (mean rating − 1) ÷ 4 × 100. So all 5 → 100, all 1 → 0, all 3 → 50.
 * No rating answer → no score (null), never 0.
 */
import { invalid } from '../platform/errors.ts';

export const QUESTION_KINDS = ['single', 'multiple', 'rating', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const QUESTION_KIND_NAMES: Record<QuestionKind, string> = {
  single: '单选',
  multiple: '多选',
  rating: '评分（1–5）',
  text: '填空',
};
export type QuestionnaireStatus = 'draft' | 'published' | 'closed';

export const LIMITS = {
  title: 100,
  intro: 1000,
  questions: 50,
  prompt: 200,
  options: 20,
  option: 100,
  text: 500,
} as const;

export interface QuestionInput {
  kind: QuestionKind;
  prompt: string;
  required: boolean;
  options?: string[];
}

export interface QuestionDef {
  id: string;
  kind: QuestionKind;
  prompt: string;
  required: boolean;
  options: string[];
}

/** Trimmed questions, or a 400 at the first bad field. */
export function checkQuestions(questions: readonly QuestionInput[]): QuestionInput[] {
  if (questions.length === 0)
    throw invalid('QUESTIONS_REQUIRED', '问卷至少需要一个问题', { field: 'questions' });
  return questions.map((q, i) => {
    const prompt = q.prompt.trim();
    if (prompt.length === 0)
      throw invalid('QUESTION_PROMPT_REQUIRED', `第 ${i + 1} 题请填写题目`, {
        field: `questions[${i}].prompt`,
      });
    const choice = q.kind === 'single' || q.kind === 'multiple';
    const options = (q.options ?? []).map((o) => o.trim());
    if (choice) {
      if (options.length < 2)
        throw invalid('QUESTION_OPTIONS_REQUIRED', `第 ${i + 1} 题（选择题）至少需要两个选项`, {
          field: `questions[${i}].options`,
        });
      if (options.some((o) => o.length === 0))
        throw invalid('QUESTION_OPTION_EMPTY', `第 ${i + 1} 题有空白选项`, {
          field: `questions[${i}].options`,
        });
      if (new Set(options).size !== options.length)
        throw invalid('QUESTION_OPTION_DUPLICATE', `第 ${i + 1} 题有重复的选项`, {
          field: `questions[${i}].options`,
        });
    } else if (options.length > 0) {
      throw invalid('QUESTION_OPTIONS_NOT_ALLOWED', `第 ${i + 1} 题（评分或填空）不设选项`, {
        field: `questions[${i}].options`,
      });
    }
    return { kind: q.kind, prompt, required: q.required, options: choice ? options : [] };
  });
}

export interface AnswerInput {
  questionId: string;
  choice?: number;
  choices?: number[];
  rating?: number;
  text?: string;
}

/** One stored answer row (exactly one value). */
export interface AnswerRow {
  questionId: string;
  optionIndex: number | null;
  rating: number | null;
  textValue: string | null;
}

const at = (questionId: string) => ({ field: `answers.${questionId}` });

/**
 * The rows a response stores, or a 400 naming the question (`answers.<questionId>`): unknown or
 * repeated questions, a value of the wrong kind, an option out of range, a required question left
 * empty, a text too long.
 */
export function answerRows(questions: readonly QuestionDef[], answers: readonly AnswerInput[]): AnswerRow[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const given = new Map<string, AnswerInput>();
  for (const a of answers) {
    if (!byId.has(a.questionId))
      throw invalid('ANSWER_UNKNOWN_QUESTION', '问卷中没有这个问题', at(a.questionId));
    if (given.has(a.questionId)) throw invalid('ANSWER_REPEATED', '同一问题只能回答一次', at(a.questionId));
    given.set(a.questionId, a);
  }
  const rows: AnswerRow[] = [];
  for (const q of questions) {
    const a = given.get(q.id);
    const row = (v: Partial<AnswerRow>): AnswerRow => ({
      questionId: q.id,
      optionIndex: null,
      rating: null,
      textValue: null,
      ...v,
    });
    const other = (keys: (keyof AnswerInput)[]) => {
      if (a !== undefined && keys.some((k) => a[k] !== undefined))
        throw invalid('ANSWER_WRONG_KIND', '答案与题型不符', at(q.id));
    };
    const missing = () => {
      if (q.required) throw invalid('ANSWER_REQUIRED', `请回答：${q.prompt}`, at(q.id));
    };
    switch (q.kind) {
      case 'single': {
        other(['choices', 'rating', 'text']);
        if (a?.choice === undefined) {
          missing();
          break;
        }
        if (!Number.isInteger(a.choice) || a.choice < 0 || a.choice >= q.options.length)
          throw invalid('ANSWER_OPTION_UNKNOWN', '所选选项不存在', at(q.id));
        rows.push(row({ optionIndex: a.choice }));
        break;
      }
      case 'multiple': {
        other(['choice', 'rating', 'text']);
        const choices = a?.choices ?? [];
        if (choices.length === 0) {
          missing();
          break;
        }
        if (new Set(choices).size !== choices.length)
          throw invalid('ANSWER_OPTION_REPEATED', '同一选项只能选一次', at(q.id));
        for (const c of choices) {
          if (!Number.isInteger(c) || c < 0 || c >= q.options.length)
            throw invalid('ANSWER_OPTION_UNKNOWN', '所选选项不存在', at(q.id));
          rows.push(row({ optionIndex: c }));
        }
        break;
      }
      case 'rating': {
        other(['choice', 'choices', 'text']);
        if (a?.rating === undefined) {
          missing();
          break;
        }
        if (!Number.isInteger(a.rating) || a.rating < 1 || a.rating > 5)
          throw invalid('ANSWER_RATING_RANGE', '评分须为 1–5 分', at(q.id));
        rows.push(row({ rating: a.rating }));
        break;
      }
      case 'text': {
        other(['choice', 'choices', 'rating']);
        const text = (a?.text ?? '').trim();
        if (text.length === 0) {
          missing();
          break;
        }
        if (text.length > LIMITS.text)
          throw invalid('ANSWER_TEXT_TOO_LONG', `回答不能超过 ${LIMITS.text} 字`, at(q.id));
        rows.push(row({ textValue: text }));
        break;
      }
    }
  }
  return rows;
}

export type Phase = 'draft' | 'scheduled' | 'open' | 'ended' | 'closed';

/** Where a questionnaire stands on `today` (China date, YYYY-MM-DD). */
export function phaseOf(
  q: { status: string; startsOn: string | null; endsOn: string | null },
  today: string,
): Phase {
  if (q.status === 'draft') return 'draft';
  if (q.status === 'closed') return 'closed';
  if (q.startsOn && today < q.startsOn) return 'scheduled';
  if (q.endsOn && today > q.endsOn) return 'ended';
  return 'open';
}

export const PHASE_NAMES: Record<Phase, string> = {
  draft: '草稿',
  scheduled: '未开始',
  open: '收集中',
  ended: '已到期',
  closed: '已结束',
};

/** (mean − 1) ÷ 4 × 100, one decimal; null without ratings. */
export function scoreFromMean(mean: number | null): number | null {
  if (mean === null || Number.isNaN(mean)) return null;
  return Math.round(((mean - 1) / 4) * 1000) / 10;
}

/** The public link's slug: 10 characters of [a-z0-9] from random bytes. */
export function slugFrom(bytes: Uint8Array): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return Array.from(bytes.slice(0, 10), (b) => alphabet[b % alphabet.length]).join('');
}

export const DEVICE_ID_PATTERN = '^[A-Za-z0-9_-]{16,64}$';
