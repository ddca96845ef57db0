import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { constructionTasks, TASK_KIND_OPTIONS, taskKey } from './logic.ts';

describe('待办 list', () => {
  it('offers every kind the server filters on, by its Chinese name', () => {
    assert.deepEqual(
      TASK_KIND_OPTIONS.map((o) => o.value),
      [
        'application',
        'step',
        'review',
        'expert_opinion',
        'construction_record',
        'construction_step',
        'budget',
      ],
    );
    assert.equal(TASK_KIND_OPTIONS.find((o) => o.value === 'review')?.label, '合理性审核');
  });

  it('keys a row by project, kind and step (申报 has no step)', () => {
    const p = '7d1f4a52-0c1e-4d7a-9b3e-2f5a6c7d8e9f';
    assert.equal(taskKey({ projectId: p, kind: 'application', stepId: null }), `${p}:application:null`);
    assert.notEqual(
      taskKey({ projectId: p, kind: 'step', stepId: 'a' }),
      taskKey({ projectId: p, kind: 'construction_step', stepId: 'a' }),
    );
  });

  it('keeps the construction kinds of a project’s tasks, in the server’s order', () => {
    const items = [
      { kind: 'construction_step' as const, n: 1 },
      { kind: 'review' as const, n: 2 },
      { kind: 'construction_record' as const, n: 3 },
    ];
    assert.deepEqual(
      constructionTasks(items).map((t) => t.n),
      [1, 3],
    );
  });
});
