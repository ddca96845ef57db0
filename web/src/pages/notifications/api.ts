/** The 待办 page's notices (src/notifications); the header bell's are web/src/api/notifications.ts. */
import { type ApiResponse, api } from '../../api/client.ts';

/** The user's notices, shown beside the 待办 page's list. */
export const listNotifications = (signal: AbortSignal) =>
  api.get<ApiResponse<'/api/notifications', 'get'>>('/api/notifications', { signal });
export const readNotification = (id: string) =>
  api.post<ApiResponse<'/api/notifications/{id}/read', 'post'>>(`/api/notifications/${id}/read`);
