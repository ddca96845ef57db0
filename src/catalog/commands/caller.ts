/**
 * Who runs a catalog command, and the error that carries every entry problem of validate.ts (the
 * HTTP layer answers it with 400, the first problem's field, message and article, and the full list).
 */

import type { Actor } from '../../platform/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { DomainError, forbidden, invalid, notFound } from '../../platform/errors.ts';
import {
  type CatalogScope,
  canEdit,
  canRead,
  catalogScope,
  defaultOwner,
  type ScopeAssignment,
} from '../access.ts';
import type { CatalogProblem } from '../model.ts';
import { type OrganisationInfo, organisationInfo } from '../store/lookups.ts';

export interface Caller {
  userId: string;
  username: string;
  displayName: string;
  assignments: ScopeAssignment[];
  scope: CatalogScope;
  now: Date;
}

export function callerOf(actor: Actor, now: Date): Caller {
  return {
    userId: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    assignments: actor.assignments,
    scope: catalogScope(actor.assignments),
    now,
  };
}

export class CatalogProblemsError extends DomainError {
  readonly problems: CatalogProblem[];

  constructor(problems: CatalogProblem[]) {
    const first = problems[0];
    super(
      'invalid',
      first.code,
      problems.length === 1 ? first.message : `${first.message}（另有 ${problems.length - 1} 处问题）`,
      {
        ...(first.field ? { field: first.field } : {}),
        ...(first.article ? { article: first.article } : {}),
      },
    );
    this.name = 'CatalogProblemsError';
    this.problems = problems;
  }
}

/** The checked value, or a CatalogProblemsError with every problem. */
export function valueOrProblems<T>(result: { value: T | null; problems: CatalogProblem[] }): T {
  if (result.value === null || result.problems.length > 0) {
    throw new CatalogProblemsError(
      result.problems.length > 0 ? result.problems : [{ field: '', code: 'INVALID', message: '数据无效' }],
    );
  }
  return result.value;
}

/**
 * The organisation a new or moved entry belongs to: the one named, else the caller's own. A
 * department names only itself; the authority any organisation of its jurisdiction.
 */
export async function resolveOwner(
  q: Queryable,
  caller: Caller,
  organisationId: string | undefined,
  field: string,
): Promise<OrganisationInfo> {
  const id = organisationId ?? defaultOwner(caller.assignments);
  if (!id) throw forbidden('当前角色不能登记目录条目', 'CATALOG_NO_OWNER');
  const organisation = await organisationInfo(q, id);
  if (!organisation) throw invalid('ORGANISATION_NOT_FOUND', '所选单位不存在', { field });
  if (
    !canEdit(caller.scope, { organisationId: organisation.id, jurisdictionId: organisation.jurisdictionId })
  ) {
    // A refusal names no field: it tells nothing about the organisation beyond "not yours".
    throw forbidden('只能登记本单位的目录条目；主管部门可登记本辖区各单位的目录条目', 'CATALOG_OUT_OF_SCOPE');
  }
  return organisation;
}

/** A draft with `changes` applied: undefined keeps the current value, null clears it. */
export function mergeDraft(
  current: Readonly<Record<string, unknown>>,
  changes: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/**
 * A filter on an organisation the caller does not read is a 404, as the organisation's entries
 * would be: a list never confirms what lies outside the caller's scope.
 */
export async function assertReadableOrganisation(
  q: Queryable,
  caller: Caller,
  id: string | undefined,
): Promise<void> {
  if (id === undefined) return;
  const organisation = await organisationInfo(q, id);
  if (
    !organisation ||
    !canRead(caller.scope, { organisationId: id, jurisdictionId: organisation.jurisdictionId })
  ) {
    throw notFound('单位不存在或无权查看');
  }
}
