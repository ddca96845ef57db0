/** What several identity commands share: the password history length, the client of a session, the enrolment conflict. */

import { conflict } from '../../platform/errors.ts';

/** The last N passwords may not be reused (等保 8.1.4.1a). */
export const PASSWORD_HISTORY = 5;

/** The browser a new session is created for. */
export interface ClientMeta {
  sourceIp: string | null;
  userAgent: string | null;
}

export const alreadyEnrolled = () =>
  conflict('MFA_ALREADY_ENROLLED', '已绑定动态口令；如需更换，请联系安全管理员重置');
