import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segments } from './logic.ts';

test('segments: overlapping marks merge, other fields and items are ignored', () => {
  const marks = [
    { field: 'text' as const, start: 2, end: 4 },
    { field: 'text' as const, start: 3, end: 6 },
    { field: 'name' as const, start: 0, end: 1 },
    { field: 'items' as const, index: 1, start: 0, end: 2 },
  ];
  assert.deepEqual(segments('上门服务派单记录', marks, 'text'), [
    { text: '上门', marked: false },
    { text: '服务派单', marked: true },
    { text: '记录', marked: false },
  ]);
  assert.deepEqual(segments('补贴结算', marks, 'items', 0), [{ text: '补贴结算', marked: false }]);
  assert.deepEqual(segments('补贴结算', marks, 'items', 1), [
    { text: '补贴', marked: true },
    { text: '结算', marked: false },
  ]);
});
