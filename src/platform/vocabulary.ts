/**
 * The canonical role codes and organisation kinds for the server. The one definition is in shared/
 * (shared/roles.ts, shared/organisations.ts), which the web reads too; this file is the kernel's
 * entry to it: the rules engine (src/rules/model.ts re-exports ROLE_CODES), the actor types
 * (src/platform/actor.ts) and the role_assignments and organisations CHECK constraints
 * (src/platform/db/core.ts, built from these arrays). Labels: src/access/roles.ts. Pure.
 */
export { ORGANISATION_KINDS, type OrganisationKind } from '../../shared/organisations.ts';
export { ROLE_CODES, type RoleCode } from '../../shared/roles.ts';
