/**
 * What other modules may use of src/identity (accounts, sessions, passwords, MFA): the auth plugin and
 * commandContext every route file uses, password hashing and policy, session revocation, the user
 * list the org module pages, the `users` and `role_assignments` tables other modules' queries and commands read (names,
 * account state, who holds a role where) and org's commands write (accounts are created and edited,
 * roles granted and revoked by org), the routes plugin
 * src/app.ts registers, and its matrix rows (IDENTITY_ACCESS, composed by src/access/matrix.ts).
 * Sessions and password history stay inside identity.
 */
export { IDENTITY_ACCESS } from './access.ts';
export { checkPassword } from './password-policy.ts';
export { hashPassword } from './passwords.ts';
export { authPlugin, commandContext } from './plugin.ts';
export {
  countUsers,
  roleAssignmentsOf,
  type UserListFilters,
  UserListQuery,
  UserPage,
  userListOrder,
  userListWhere,
  userPage,
} from './queries/user-list.ts';
export { registerIdentityRoutes } from './routes.ts';
export { revokeUserSessions } from './sessions.ts';
export { roleAssignments, users } from './tables.ts';
