/**
 * Who may act on a project, read from the rulebook (never from a hard-coded list of bodies).
 *
 * A step's actor is a canonical role within a rulebook organisation (`{ role: 'approver', org:
 * 'dt_approval_bureau' }`). This module binds a rulebook organisation to an organisation of the
 * platform for a project's jurisdiction:
 *  - a generic department (市直部门, 区直部门, 项目使用单位) is the project's own department;
 *  - other generic organisations (contractors, evaluators) bind to no one here: they are assigned;
 *  - a named body (市行政审批局, 局党组, 市政府 …) is looked up in the project's jurisdiction and then
 *    its ancestors (XZ's 市政务信息管理局 and 市政府 sit in the city above the bureau): the nearest
 *    organisation of the same kind whose name ends with the rulebook's name for it (or one of the
 *    text's own words for it; 人民政府 and 政府 are the same), else — when the rulebook has only one
 *    body of that kind — the single organisation of that kind at the nearest level that has one.
 * Pure: the directory of jurisdictions and organisations is a parameter.
 */
import { DEPARTMENT } from '../access/index.ts';
import type { Rulebook, Organisation as RulebookOrganisation, Step } from '../rules/index.ts';

export interface DirectoryJurisdiction {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  rulebookCode: string | null;
}

export interface DirectoryOrganisation {
  id: string;
  name: string;
  kind: string;
  jurisdictionId: string;
  parentId: string | null;
}

export interface Directory {
  jurisdictions: readonly DirectoryJurisdiction[];
  organisations: readonly DirectoryOrganisation[];
}

/** The project as far as actor resolution needs it. */
export interface ProjectParties {
  jurisdictionId: string;
  ownerOrganisationId: string;
  coBuilderIds: readonly string[];
}

/** One role a user holds (structurally an identity Assignment). */
export interface HeldRole {
  role: string;
  organisationId: string;
}

/** The jurisdiction and its ancestors, nearest first. */
export function jurisdictionChain(directory: Directory, jurisdictionId: string): DirectoryJurisdiction[] {
  const byId = new Map(directory.jurisdictions.map((j) => [j.id, j]));
  const chain: DirectoryJurisdiction[] = [];
  let current = byId.get(jurisdictionId);
  while (current && !chain.includes(current)) {
    chain.push(current);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return chain;
}

/** The jurisdiction and all below it. */
export function jurisdictionSubtree(directory: Directory, jurisdictionId: string): string[] {
  const out = [jurisdictionId];
  for (let i = 0; i < out.length; i++) {
    for (const j of directory.jurisdictions) if (j.parentId === out[i] && !out.includes(j.id)) out.push(j.id);
  }
  return out;
}

/** Names compared the way people write them: width folded, spaces dropped, 人民政府 = 政府. */
export function normaliseOrgName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/人民政府/g, '政府');
}

function namesOf(org: RulebookOrganisation): string[] {
  const names = [org.name, ...(org.textWording ? [org.textWording] : []), ...org.terms.map((t) => t.term)];
  return [...new Set(names.map(normaliseOrgName))].filter((n) => n.length >= 2);
}

/**
 * The platform organisation that plays the named rulebook organisation `key` for projects of
 * jurisdiction `jurisdictionId`; null when the rulebook organisation is generic or nobody matches
 * unambiguously.
 */
export function bindNamedOrganisation(
  rulebook: Rulebook,
  key: string,
  jurisdictionId: string,
  directory: Directory,
): string | null {
  const org = rulebook.organisations.find((o) => o.key === key);
  if (!org || org.generic) return null;
  const chain = jurisdictionChain(directory, jurisdictionId);
  const names = namesOf(org);
  const sameKind = (jId: string) =>
    directory.organisations.filter((o) => o.kind === org.kind && o.jurisdictionId === jId);
  for (const level of chain) {
    const matches = sameKind(level.id).filter((o) => names.some((n) => normaliseOrgName(o.name).endsWith(n)));
    if (matches.length === 1) return matches[0].id;
    if (matches.length > 1) return null;
  }
  const kindIsUnique =
    rulebook.organisations.filter((o) => o.kind === org.kind && !o.generic && o.key !== key).length === 0;
  if (!kindIsUnique) return null;
  for (const level of chain) {
    const candidates = sameKind(level.id);
    if (candidates.length === 1) return candidates[0].id;
    if (candidates.length > 1) return null;
  }
  return null;
}

/** Every named organisation of the rulebook bound for the jurisdiction: rulebook key → organisation id. */
export function bindAll(
  rulebook: Rulebook,
  jurisdictionId: string,
  directory: Directory,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const org of rulebook.organisations) {
    const id = bindNamedOrganisation(rulebook, org.key, jurisdictionId, directory);
    if (id) out.set(org.key, id);
  }
  return out;
}

/** The platform organisations that may act for rulebook organisation `key` on this project. */
export function organisationsFor(
  rulebook: Rulebook,
  key: string,
  project: ProjectParties,
  bindings: ReadonlyMap<string, string>,
): string[] {
  const org = rulebook.organisations.find((o) => o.key === key);
  if (!org) return [];
  if (org.generic) return org.kind === 'department' ? [project.ownerOrganisationId] : [];
  const bound = bindings.get(key);
  return bound ? [bound] : [];
}

/** The user's roles that may act on `step` of this project (role and organisation both match). */
export function actingRoles(
  held: readonly HeldRole[],
  rulebook: Rulebook,
  step: Step,
  project: ProjectParties,
  bindings: ReadonlyMap<string, string>,
): HeldRole[] {
  const orgs = organisationsFor(rulebook, step.actor.org, project, bindings);
  return held.filter((h) => h.role === step.actor.role && orgs.includes(h.organisationId));
}

/** Roles that see projects only when assigned (experts, evaluators) or not at all here (contractors). */
export const ASSIGNED_ONLY_ROLES: readonly string[] = [
  'expert',
  'third_party_evaluator',
  'contractor',
  'supervisor',
];
export const DEPARTMENT_ROLES: readonly string[] = DEPARTMENT;

export type Party = 'department' | 'oversight';

/**
 * How a user relates to a project through their roles:
 *  - `department`: a department role in the owner or a co-building department, or in a named body
 *    the rulebook makes the applicant side (XZ's 数据中心 prepares the application);
 *  - `oversight`: any other business role in a named body of the project's rulebook (authority,
 *    approval bureau, finance, leadership bodies — also those of a parent jurisdiction).
 * Experts, evaluators, contractors and supervisors are never parties by role (only by assignment).
 */
export function partiesOf(
  held: readonly HeldRole[],
  project: ProjectParties,
  bindings: ReadonlyMap<string, string>,
): Set<Party> {
  const parties = new Set<Party>();
  const bound = new Set(bindings.values());
  for (const h of held) {
    if (ASSIGNED_ONLY_ROLES.includes(h.role)) continue;
    const dept = DEPARTMENT_ROLES.includes(h.role);
    if (
      dept &&
      (h.organisationId === project.ownerOrganisationId || project.coBuilderIds.includes(h.organisationId))
    ) {
      parties.add('department');
    } else if (bound.has(h.organisationId)) {
      parties.add(dept ? 'department' : 'oversight');
    }
  }
  return parties;
}

/** The Chinese name of a step's actor: the organisation's and the role's local names. */
export function actorLabel(rulebook: Rulebook, step: Step): string {
  const org = rulebook.organisations.find((o) => o.key === step.actor.org)?.name ?? step.actor.org;
  const role = rulebook.roles.find((r) => r.code === step.actor.role)?.name ?? step.actor.role;
  return role.startsWith(org) ? role : `${org}（${role}）`;
}
