import { useRequest } from '../../hooks/useRequest.ts';
import { getCatalogMeta } from './api.ts';

const fetchMeta = () => getCatalogMeta();

/** The catalog options (codes with their Chinese labels) and what the signed-in user may do. */
export function useCatalogMeta() {
  return useRequest(fetchMeta);
}
