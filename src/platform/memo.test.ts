import assert from 'node:assert/strict';
import { test } from 'node:test';
import { weakMemo } from './memo.ts';

test('weakMemo computes once per (object, object, key) and keeps each combination apart', () => {
  const memo = weakMemo<object, object, { n: number }>();
  let computed = 0;
  const compute = () => ({ n: ++computed });
  const a = {};
  const b = {};
  const first = memo(a, b, 'k', compute);
  assert.equal(memo(a, b, 'k', compute), first, 'the same value, not recomputed');
  assert.equal(computed, 1);
  assert.notEqual(memo(a, b, 'other', compute), first, 'another key');
  assert.notEqual(memo({}, b, 'k', compute), first, 'another first object');
  assert.notEqual(memo(a, {}, 'k', compute), first, 'another second object');
  assert.equal(computed, 4);
  assert.equal(weakMemo<object, object, { n: number }>()(a, b, 'k', compute).n, 5, 'per memo');
});

test('weakMemo remembers a computed undefined', () => {
  const memo = weakMemo<object, object, undefined>();
  let computed = 0;
  const a = {};
  memo(a, a, 'k', () => void computed++);
  memo(a, a, 'k', () => void computed++);
  assert.equal(computed, 1);
});
