/** The organisation picker of other modules' pages (GET /api/organisations, src/org). */
import { type ApiResponse, api } from '../../api/client.ts';

export type OrganisationOption = ApiResponse<'/api/organisations', 'get'>['items'][number];
export const listOrganisations = (signal: AbortSignal) =>
  api.get<ApiResponse<'/api/organisations', 'get'>>('/api/organisations', { signal });
