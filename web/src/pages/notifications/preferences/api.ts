/** 通知设置: the caller's own channel preferences (src/notifications/routes.ts); generated types. */
import { type ApiBody, type ApiResponse, call } from '../../../api/client.ts';

export type NotificationPreferences = ApiResponse<'/api/notifications/preferences', 'get'>;
export type PreferencesInput = ApiBody<'/api/notifications/preferences', 'put'>;

export const getPreferences = (signal: AbortSignal) =>
  call('get', '/api/notifications/preferences', { signal });
export const savePreferences = (body: PreferencesInput) =>
  call('put', '/api/notifications/preferences', { body });
