import { api } from '../../../api/client.ts';
import type { CockpitData } from './charts.ts';

export const getCockpit = (signal: AbortSignal) => api.get<CockpitData>('/api/cockpit', { signal });
