import { api } from '../../../api/client.ts';
import type {
  CalendarYearDetail,
  CalendarYearListResponse,
  ComputeResponse,
  DeadlineUnit,
  SaveCalendarYearRequest,
  SaveCalendarYearResponse,
} from '../../../api/types.ts';

export const listCalendarYears = (signal: AbortSignal) =>
  api.get<CalendarYearListResponse>('/api/calendar/years', { signal });

export const getCalendarYear = (year: number, signal: AbortSignal) =>
  api.get<CalendarYearDetail>(`/api/calendar/years/${year}`, { signal });

/** sys_admin: replaces the year's rows (optimistic lock on `updatedAt`); 400 lists every problem. */
export const saveCalendarYear = (year: number, body: SaveCalendarYearRequest) =>
  api.put<SaveCalendarYearResponse>(`/api/calendar/years/${year}`, body);

export const computeDueDate = (from: string, amount: number, unit: DeadlineUnit) =>
  api.get<ComputeResponse>('/api/calendar/compute', { query: { from, amount, unit } });
