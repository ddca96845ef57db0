/**
 * A per-caller quota counted in the handler itself (issue 9 item 12): the rate-limit plugin keeps a
 * separate count per route and method, so a GET route's automatic HEAD twin — which runs the same
 * handler and does the same work — had its own allowance. A quota in the handler counts both.
 * Fixed windows over the injected clock; in memory, per process.
 */
import type { Clock } from '../clock.ts';
import { DomainError } from '../errors.ts';

export function perCallerQuota(clock: Clock, max: number, windowMs: number) {
  const windows = new Map<string, { start: number; used: number }>();
  return {
    /** Counts one use by `key`; throws 429 RATE_LIMITED once the window's allowance is spent. */
    take(key: string): void {
      const now = clock.now().getTime();
      let w = windows.get(key);
      if (!w || now - w.start >= windowMs) {
        w = { start: now, used: 0 };
        windows.set(key, w);
        if (windows.size > 10_000) {
          for (const [k, v] of windows) if (now - v.start >= windowMs) windows.delete(k);
        }
      }
      if (w.used >= max) {
        const seconds = Math.ceil((w.start + windowMs - now) / 1000);
        throw new DomainError('rate_limited', 'RATE_LIMITED', `请求过于频繁，请 ${seconds} 秒后再试`);
      }
      w.used++;
    },
  };
}
