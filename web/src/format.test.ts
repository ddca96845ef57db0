import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chinaToday } from './format.ts';

test('chinaToday is the date in Beijing, whatever the browser’s time zone', () => {
  assert.equal(chinaToday(Date.parse('2026-12-03T15:59:59Z')), '2026-12-03');
  assert.equal(chinaToday(Date.parse('2026-12-03T16:00:00Z')), '2026-12-04');
  assert.equal(chinaToday(Date.parse('2026-12-31T19:49:00Z')), '2027-01-01');
});
