/**
 * The shape of one authorization-matrix entry. A module keeps its routes' entries in
 * `src/<module>/access.ts` (a `Record<string, RouteRule>`), spread into ROUTE_ACCESS in matrix.ts.
 */
import type { Role } from './roles.ts';

export type Relation =
  | 'none' // public or self-service: no object
  | 'self' // the caller's own account or session
  | 'own_department' // objects of the caller's organisation
  | 'own_jurisdiction' // objects of the caller's jurisdiction (authority, finance, approval bureau)
  | 'assigned' // objects assigned to the caller (experts, evaluators)
  | 'any'; // platform-wide (administrators)

export type RouteRule =
  | { public: true; relation: 'none'; note?: string }
  | { public?: false; roles: readonly Role[] | 'authenticated'; relation: Relation; note?: string };

/** The key of a route in the matrix: `METHOD /api/path/:param`. */
export function routeKey(method: string, url: string): string {
  return `${method.toUpperCase()} ${url}`;
}
