/**
 * The project's own commands: create, update and submit the application (提交申请). The verbs on
 * the steps after it (decide, return, withdraw, reassign, urge, comment) are src/workflow's. Each
 * runs in one audited transaction that locks the project row (`projectCommand`) and lets the
 * rulebook decide who acts and whether the step is open.
 * This file holds what the commands of this folder (one per file) share.
 */

import type { ApplicationField } from '../../rules/index.ts';

export const REQUIRED_FIELD_CODES: Record<ApplicationField, string> = {
  projectOwner: 'PROJECT_OWNER_REQUIRED',
  performanceTargets: 'TARGETS_REQUIRED',
};
