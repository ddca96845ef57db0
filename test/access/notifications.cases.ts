/** Authorization-matrix cases of 通知设置 (src/notifications/access.ts); the bell's are in the matrix test. */
import type { RouteCase } from './types.ts';

export const CASES: Record<string, RouteCase> = {
  'GET /api/notifications/preferences': { call: () => ({ url: '/api/notifications/preferences' }) },
  'PUT /api/notifications/preferences': {
    // Each role saves its own defaults once (version 1); a repeat is a stale version (409), never
    // another user's row: there is no user in the route.
    call: () => ({
      url: '/api/notifications/preferences',
      body: { version: 1, email: null, emailEnabled: true, webhookEnabled: false, mutedKinds: [] },
    }),
    allowed: (res) => res.statusCode === 200 || res.statusCode === 409,
  },
};
