/** Pure parts of the 待办 list (no React), tested under `node --test`. */
import type { TaskItem } from '../api.ts';

/** Each kind of 待办 with its Chinese name and tag colour (every kind the API names). */
export const TASK_KIND: Record<TaskItem['kind'], { text: string; color: string }> = {
  application: { text: '申报', color: 'blue' },
  step: { text: '办理', color: 'geekblue' },
  review: { text: '合理性审核', color: 'cyan' },
  expert_opinion: { text: '专家意见', color: 'purple' },
  construction_record: { text: '建设登记', color: 'green' },
  construction_step: { text: '建设验收', color: 'lime' },
  budget: { text: '预算', color: 'gold' },
};

/** The 事项类型 filter's choices: the server's `kind` with its Chinese name. */
export const TASK_KIND_OPTIONS = Object.entries(TASK_KIND).map(([value, k]) => ({ value, label: k.text }));

/**
 * A row's key: a project has several open tasks, and a task of one kind has no step (申报), so the
 * project, the kind and the step together name it.
 */
export const taskKey = (t: Pick<TaskItem, 'projectId' | 'kind' | 'stepId'>) =>
  `${t.projectId}:${t.kind}:${t.stepId}`;

/** The construction page's tasks among one project's 待办 (建设登记, 建设验收). */
export const constructionTasks = <T extends Pick<TaskItem, 'kind'>>(items: readonly T[]): T[] =>
  items.filter((t) => t.kind === 'construction_record' || t.kind === 'construction_step');
