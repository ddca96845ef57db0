/**
 * Pure account-state rules (no I/O): password age (SECURITY.md 2; 等保 8.1.4.1a 定期更换), lockout
 * counting (SECURITY.md 3; 等保 8.1.4.1b), inactivity (SECURITY.md 18; 等保 访问控制 c). The routes
 * and the sweep read the columns, call these and write the result.
 */

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export interface LockoutPolicy {
  /** Failures (wrong password or wrong second-factor code) that lock the account; at most 5. */
  maxFailures: number;
  /** The failures must fall within this many minutes of the first one. */
  windowMinutes: number;
  /** How long the account stays locked. */
  lockMinutes: number;
}

/** True when the password is older than the maximum age (a change is forced at login). */
export function isPasswordExpired(passwordChangedAt: Date, now: Date, maxAgeDays: number): boolean {
  return now.getTime() - passwordChangedAt.getTime() > maxAgeDays * DAY_MS;
}

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

export interface FailureState {
  failedLoginCount: number;
  firstFailedLoginAt: Date | null;
}

/**
 * The counters after one more failure. `locks` is true when this failure reaches the limit: the
 * counters start again and the caller locks the account until `lockedUntil`.
 */
export function nextFailureState(
  state: FailureState,
  now: Date,
  policy: LockoutPolicy,
): FailureState & { locks: boolean; lockedUntil: Date | null } {
  const windowStart = now.getTime() - policy.windowMinutes * MINUTE_MS;
  const inWindow = state.firstFailedLoginAt !== null && state.firstFailedLoginAt.getTime() > windowStart;
  const count = inWindow ? state.failedLoginCount + 1 : 1;
  if (count >= policy.maxFailures) {
    return {
      failedLoginCount: 0,
      firstFailedLoginAt: null,
      locks: true,
      lockedUntil: new Date(now.getTime() + policy.lockMinutes * MINUTE_MS),
    };
  }
  return {
    failedLoginCount: count,
    firstFailedLoginAt: inWindow ? state.firstFailedLoginAt : now,
    locks: false,
    lockedUntil: null,
  };
}

export interface ActivityFacts {
  lastLoginAt: Date | null;
  /** Set at creation and at every password change; the floor for an account never used. */
  passwordChangedAt: Date;
  /** When an administrator last enabled the account. */
  enabledAt: Date | null;
}

/** The last sign of life of an account: its last login, password change or re-enabling. */
export function lastActivity(facts: ActivityFacts): Date {
  const times = [facts.lastLoginAt, facts.passwordChangedAt, facts.enabledAt]
    .filter((d): d is Date => d !== null)
    .map((d) => d.getTime());
  return new Date(Math.max(...times));
}

/** True when the account has shown no activity for more than `inactiveDays`. */
export function isInactive(facts: ActivityFacts, now: Date, inactiveDays: number): boolean {
  return now.getTime() - lastActivity(facts).getTime() > inactiveDays * DAY_MS;
}
