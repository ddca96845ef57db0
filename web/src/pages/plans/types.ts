/** Types of the plan API: aliases of the generated OpenAPI types (web/src/api/schema.ts). */
import type { ApiResponse } from '../../api/client.ts';

export type Plan = ApiResponse<'/api/plans/{id}', 'get'>;
export type PlanEntry = Plan['entries'][number];
export type LinkableEntry = ApiResponse<'/api/plan-entries', 'get'>['items'][number];
