import { api } from '../../../api/client.ts';
import type { OrganisationListResponse } from '../../../api/types.ts';

/** sys_admin only. */
export const listOrganisations = (signal: AbortSignal) =>
  api.get<OrganisationListResponse>('/api/organisations', { signal });
