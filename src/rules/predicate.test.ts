import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Predicate } from './model.ts';
import {
  all,
  any,
  describePredicate,
  eachFollowedBy,
  evaluatePredicate,
  happened,
  isNotTrue,
  isTrue,
  not,
  notHappened,
} from './predicate.ts';
import { ev } from './test-support.ts';

const facts = { planned: true, projectType: 'upgrade', plannedAcceptanceDate: '2026-06-30' } as const;

describe('predicate language', () => {
  test('facts: equals, in and exists; an unknown fact equals nothing', () => {
    const ctx = { facts, events: [] };
    assert.equal(evaluatePredicate(isTrue('planned'), ctx), true);
    assert.equal(evaluatePredicate(isTrue('newDepartment'), ctx), false);
    assert.equal(evaluatePredicate({ fact: 'newDepartment', equals: false }, ctx), false);
    assert.equal(evaluatePredicate(isNotTrue('newDepartment'), ctx), true);
    assert.equal(evaluatePredicate({ fact: 'projectType', in: ['new', 'upgrade'] }, ctx), true);
    assert.equal(evaluatePredicate({ fact: 'projectType', in: ['maintenance'] }, ctx), false);
    assert.equal(evaluatePredicate({ fact: 'plannedAcceptanceDate', exists: true }, ctx), true);
    assert.equal(evaluatePredicate({ fact: 'multiYear', exists: false }, ctx), true);
  });

  test('all / any / not combine, and empty facts keep gates closed', () => {
    const p: Predicate = all(isTrue('planned'), any(isTrue('onCloud'), not(isTrue('cloudExempt'))));
    assert.equal(evaluatePredicate(p, { facts, events: [] }), true);
    assert.equal(evaluatePredicate(p, { facts: {}, events: [] }), false);
  });

  test('events: happened / not happened, optionally for one step', () => {
    const events = [ev('consent_given', '2026-03-01', { stepId: 'xz.review.party_consent' })];
    const ctx = { facts: {}, events };
    assert.equal(evaluatePredicate(happened('consent_given'), ctx), true);
    assert.equal(evaluatePredicate(happened('consent_given', 'xz.review.party_consent'), ctx), true);
    assert.equal(evaluatePredicate(happened('consent_given', 'xz.acceptance.report_consent'), ctx), false);
    assert.equal(evaluatePredicate(notHappened('terminated'), ctx), true);
  });

  test('XZ-21 each/followedBy pairs every contract with its own filing (by ref, then by date)', () => {
    const p = eachFollowedBy('contract_signed', 'contract_filed');
    const check = (events: ReturnType<typeof ev>[]) => evaluatePredicate(p, { facts: {}, events });
    assert.equal(check([]), true);
    assert.equal(check([ev('contract_signed', '2026-04-01')]), false);
    assert.equal(check([ev('contract_signed', '2026-04-01'), ev('contract_filed', '2026-04-03')]), true);
    assert.equal(check([ev('contract_filed', '2026-03-30'), ev('contract_signed', '2026-04-01')]), false);
    assert.equal(
      check([
        ev('contract_signed', '2026-04-01'),
        ev('contract_signed', '2026-04-02'),
        ev('contract_filed', '2026-04-03'),
      ]),
      false,
    );
    assert.equal(
      check([
        ev('contract_signed', '2026-04-01', { ref: 'A' }),
        ev('contract_signed', '2026-04-02', { ref: 'B' }),
        ev('contract_filed', '2026-04-03', { ref: 'B' }),
        ev('contract_filed', '2026-04-04', { ref: 'B' }),
      ]),
      false,
    );
  });

  test('predicates read as Chinese for users', () => {
    assert.equal(
      describePredicate(all(isTrue('planned'), happened('consent_given', 'dt.review.network_consent'))),
      '（已纳入政务信息化规划或年度计划：是）且（已同意［dt.review.network_consent］）',
    );
    assert.equal(describePredicate(isNotTrue('rectificationRefused')), '并非（拒不整改：是）');
    assert.equal(
      describePredicate(eachFollowedBy('contract_signed', 'contract_filed')),
      '每项“签订合同”均已合同备案',
    );
  });

  test('predicates are plain JSON', () => {
    const p = all(
      isTrue('planned'),
      any(happened('filed'), not(isTrue('onCloud'))),
      eachFollowedBy('acceptance_passed', 'acceptance_report_filed'),
    );
    assert.deepEqual(JSON.parse(JSON.stringify(p)), p);
  });
});
