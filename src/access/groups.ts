/**
 * Role groups that several modules' matrix rows share (issue 5: the project routes). Who may call a
 * project route at all; the relation is checked per project by the module's queries and commands.
 * Pure data over the role vocabulary (its groups DEPARTMENT, AUTHORITY, OVERSIGHT are in
 * shared/roles.ts), so every module's access.ts imports it through index.ts without a cycle.
 */
import { DEPARTMENT, OVERSIGHT, type Role } from './roles.ts';

/** Who may act on a project's workflow step (the rulebook's step actor decides per step). */
export const STEP_ACTORS: readonly Role[] = ['dept_staff', ...OVERSIGHT];
/** A project's parties: its department (staff, leader) and the overseeing bodies. */
export const PROJECT_PARTIES: readonly Role[] = [...DEPARTMENT, ...OVERSIGHT];
/** Who may see a project: its parties, the assigned experts and third-party evaluators. */
export const PROJECT_VIEWERS: readonly Role[] = [...PROJECT_PARTIES, 'expert', 'third_party_evaluator'];
