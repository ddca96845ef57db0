import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { numberProblem } from './numberRules.ts';

describe('number fields are checked, not clamped', () => {
  it('names the problem at the field', () => {
    const mlps = { label: '等保级别', min: 1, max: 5, integer: true };
    assert.equal(numberProblem(7, mlps), '等保级别须在 1–5 之间');
    assert.equal(numberProblem(2.5, mlps), '等保级别须为整数');
    assert.equal(numberProblem(3, mlps), null);
    assert.equal(numberProblem(undefined, mlps), null);
    assert.equal(numberProblem(150, { label: '评分', min: 0, max: 100 }), '评分须在 0–100 之间');
    assert.equal(numberProblem(1999, { label: '年度', min: 2000, max: 2100 }), '年度须在 2000–2100 之间');
    assert.equal(numberProblem(-1, { label: '共享资源数', min: 0 }), '共享资源数不得小于 0');
    assert.equal(numberProblem('1.234', { label: '单价', min: 0, decimals: 2 }), '单价最多 2 位小数');
  });
});
