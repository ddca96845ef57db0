/**
 * Role groups that several modules' matrix rows share (issue 5: the project routes). Who may call a
 * project route at all; the relation is checked per project by the module's queries and commands.
 * Pure data over the role vocabulary, so every module's access.ts imports it through index.ts
 * without a cycle.
 */
import type { Role } from './roles.ts';

/** The authority (主管部门): reviewer and leader. */
export const AUTHORITY: readonly Role[] = ['authority_reviewer', 'authority_leader'];
/** The bodies that oversee a project: the authority, approval bureau, finance, leadership body. */
export const OVERSIGHT: readonly Role[] = [...AUTHORITY, 'approver', 'finance_officer', 'leadership_body'];
/** Who may act on a project's workflow step (the rulebook's step actor decides per step). */
export const STEP_ACTORS: readonly Role[] = ['dept_staff', ...OVERSIGHT];
/** A project's parties: its department (staff, leader) and the overseeing bodies. */
export const PROJECT_PARTIES: readonly Role[] = ['dept_staff', 'dept_leader', ...OVERSIGHT];
/** Who may see a project: its parties, the assigned experts and third-party evaluators. */
export const PROJECT_VIEWERS: readonly Role[] = [...PROJECT_PARTIES, 'expert', 'third_party_evaluator'];
