import type { RoleCode } from './vocabulary.ts';

/** A canonical role code (the role model and its names are in src/access/roles.ts). */
export type Role = RoleCode;

/** One role a user holds, scoped to an organisation and its jurisdiction. */
export interface Assignment {
  id: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  organisationKind: string;
  jurisdictionId: string;
  jurisdictionName: string;
  jurisdictionCode: string;
}

/** The authenticated user behind a request. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  mustChangePassword: boolean;
  /** The password is older than PASSWORD_MAX_AGE_DAYS: like mustChangePassword, a change comes first. */
  passwordExpired: boolean;
  /** A TOTP second factor is enrolled. */
  mfaEnrolled: boolean;
  /** A second factor is required and not yet enrolled: only the enrolment routes are open. */
  mfaEnrolmentRequired: boolean;
  assignments: Assignment[];
  sessionIdHash: string;
  csrfToken: string;
}

export function hasRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.assignments.some((a) => roles.includes(a.role));
}

/** The first assignment of the actor that carries one of `roles` (the role an action is taken in). */
export function assignmentFor(actor: Actor, roles: readonly Role[]): Assignment | undefined {
  return actor.assignments.find((a) => roles.includes(a.role));
}
