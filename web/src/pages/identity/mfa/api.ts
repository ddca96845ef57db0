import { api } from '../../../api/client.ts';
import type { MfaEnrolmentConfirmResponse, MfaEnrolmentStartResponse } from '../../../api/types.ts';

/** A new secret for this account: QR code and text, shown once (409 when one is already bound). */
export const startEnrolment = () => api.post<MfaEnrolmentStartResponse>('/api/auth/mfa/enrolment');

/** 400 MFA_CODE_WRONG for a wrong code; on success the ten recovery codes, shown once. */
export const confirmEnrolment = (code: string) =>
  api.post<MfaEnrolmentConfirmResponse>('/api/auth/mfa/enrolment/confirm', { code });
