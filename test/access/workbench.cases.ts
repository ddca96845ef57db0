/** Authorization-matrix cases of the workbench routes (src/workbench/access.ts). */
import type { RouteCase } from './types.ts';

export const CASES: Record<string, RouteCase> = {
  'GET /api/workbench/done': { call: () => ({ url: '/api/workbench/done' }) },
  'GET /api/workbench/started': { call: () => ({ url: '/api/workbench/started' }) },
  'GET /api/workbench/export': { call: () => ({ url: '/api/workbench/export?list=started' }) },
  'GET /api/cockpit': {
    call: () => ({ url: '/api/cockpit' }),
    relationsTestedIn: [
      'test/api/workbench/search.test.ts: the cockpit counts only the projects the caller may see, by state, department and year',
    ],
  },
  'GET /api/search': {
    call: () => ({ url: `/api/search?q=${encodeURIComponent('证照')}` }),
    relationsTestedIn: [
      'test/api/workbench/search.test.ts: a two-character fragment finds projects, systems and documents the caller may see, and nothing else',
    ],
  },
};
