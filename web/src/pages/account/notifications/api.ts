/** 通知设置: the caller's own channel preferences (src/notifications/routes.ts). */
import { api } from '../../../api/client.ts';

export interface NotificationPreferences {
  inApp: true;
  email: string | null;
  emailEnabled: boolean;
  webhookEnabled: boolean;
  mutedKinds: string[];
  version: number;
  updatedAt: string | null;
  available: { smtp: boolean; webhook: boolean };
  kinds: { code: string; name: string }[];
}

export interface PreferencesInput {
  version: number;
  email: string | null;
  emailEnabled: boolean;
  webhookEnabled: boolean;
  mutedKinds: string[];
}

export const getPreferences = (signal: AbortSignal) =>
  api.get<NotificationPreferences>('/api/notifications/preferences', { signal });
export const savePreferences = (body: PreferencesInput) =>
  api.put<NotificationPreferences>('/api/notifications/preferences', body);
