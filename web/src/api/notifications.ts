/** Types (generated, ./schema.ts) and calls of the header bell (src/notifications). */
import { type ApiResponse, call } from './client.ts';

export type NotificationItem = ApiResponse<'/api/notifications', 'get'>['items'][number];

export const unreadCount = (signal?: AbortSignal) =>
  call('get', '/api/notifications/unread-count', { signal });
export const latestNotifications = (signal?: AbortSignal) =>
  call('get', '/api/notifications', { query: { limit: 10 }, signal });
export const markRead = (id: string) => call('post', '/api/notifications/{id}/read', { params: { id } });
export const markAllRead = () => call('post', '/api/notifications/read-all');
