import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isInactive, isLocked, isPasswordExpired, lastActivity, nextFailureState } from './account-state.ts';

const at = (iso: string) => new Date(iso);
const policy = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 };

describe('account state (pure)', () => {
  test('a password expires strictly after the maximum age', () => {
    const changed = at('2026-01-01T00:00:00Z');
    assert.equal(isPasswordExpired(changed, at('2026-04-01T00:00:00Z'), 90), false); // exactly 90 days
    assert.equal(isPasswordExpired(changed, at('2026-04-01T00:00:01Z'), 90), true);
  });

  test('failures count within the window and the limit locks for the configured minutes', () => {
    const now = at('2026-11-23T02:00:00Z');
    let state = { failedLoginCount: 0, firstFailedLoginAt: null as Date | null };
    for (let i = 1; i <= 4; i++) {
      const next = nextFailureState(state, new Date(now.getTime() + i * 60_000), policy);
      assert.equal(next.locks, false);
      assert.equal(next.failedLoginCount, i);
      state = next;
    }
    const fifth = nextFailureState(state, new Date(now.getTime() + 5 * 60_000), policy);
    assert.equal(fifth.locks, true);
    assert.deepEqual(fifth.lockedUntil, new Date(now.getTime() + 20 * 60_000));
    assert.equal(fifth.failedLoginCount, 0);
  });

  test('a failure after the window starts a new count', () => {
    const first = at('2026-11-23T02:00:00Z');
    const next = nextFailureState(
      { failedLoginCount: 4, firstFailedLoginAt: first },
      at('2026-11-23T02:16:00Z'),
      policy,
    );
    assert.deepEqual(
      { count: next.failedLoginCount, locks: next.locks, first: next.firstFailedLoginAt },
      { count: 1, locks: false, first: at('2026-11-23T02:16:00Z') },
    );
  });

  test('locked only while lockedUntil lies ahead', () => {
    assert.equal(isLocked(null, at('2026-11-23T02:00:00Z')), false);
    assert.equal(isLocked(at('2026-11-23T02:15:00Z'), at('2026-11-23T02:14:59Z')), true);
    assert.equal(isLocked(at('2026-11-23T02:15:00Z'), at('2026-11-23T02:15:00Z')), false);
  });

  test('inactivity counts from the last login, password change or re-enabling, whichever is latest', () => {
    const facts = {
      lastLoginAt: at('2026-01-10T00:00:00Z'),
      passwordChangedAt: at('2026-01-01T00:00:00Z'),
      enabledAt: at('2026-02-01T00:00:00Z'),
    };
    assert.deepEqual(lastActivity(facts), at('2026-02-01T00:00:00Z'));
    assert.equal(isInactive(facts, at('2026-05-02T00:00:00Z'), 90), false);
    assert.equal(isInactive(facts, at('2026-05-03T00:00:00Z'), 90), true);
    assert.equal(
      isInactive({ ...facts, lastLoginAt: null, enabledAt: null }, at('2026-04-02T00:00:00Z'), 90),
      true,
    );
  });
});
