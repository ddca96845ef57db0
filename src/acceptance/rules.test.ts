/**
 * The limits a rulebook sets on acceptance extensions (how often, how far), applied to a request.
 * DT 第二十六条 and SC 第二十条 set none (null), so every request goes to the authority.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getRulebook } from '../rules/index.ts';
import { extensibleDeadlines, extensionLimitProblem } from './rules.ts';

const months = (from: string, n: number) => {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return { known: true as const, date: d.toISOString().slice(0, 10), unknownYears: [] };
};
const base = {
  requestEvent: 'extension_requested',
  grantEvent: 'extension_granted',
  refuseEvent: 'extension_refused',
  articles: ['SC-20c'],
} as const;

test('SC-20c/DT-26b the texts set no limit: the extensible deadlines name the authority and carry null limits', () => {
  for (const [code, id, article] of [
    ['SC', 'sc.deadline.acceptance', 'SC-20c'],
    ['DT', 'dt.deadline.acceptance_application', 'DT-26b'],
  ] as const) {
    const d = extensibleDeadlines(getRulebook(code)).find((x) => x.id === id);
    assert.ok(d, id);
    assert.deepEqual(d.extension.articles, [article]);
    assert.equal(d.extension.decidedBy.role, 'authority_reviewer');
    assert.equal(d.extension.maxRequests, null);
    assert.equal(d.extension.maxCalendarMonths, null);
    assert.equal(
      extensionLimitProblem(d.extension, {
        previousRequests: 9,
        originalDue: '2027-04-12',
        until: '2030-01-01',
        addMonths: months,
      }),
      null,
    );
  }
});

test('SC-20c limits set as rulebook data refuse a request too many or too far', () => {
  const ext = { ...base, articles: [...base.articles], maxRequests: 2, maxCalendarMonths: 3 };
  const input = { previousRequests: 1, originalDue: '2027-04-12', until: '2027-07-12', addMonths: months };
  assert.equal(extensionLimitProblem(ext, input), null);
  assert.match(String(extensionLimitProblem(ext, { ...input, previousRequests: 2 })), /最多可提出 2 次/);
  assert.match(
    String(extensionLimitProblem(ext, { ...input, until: '2027-07-13' })),
    /3 个月（最晚 2027-07-12）/,
  );
});
