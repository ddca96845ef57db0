/**
 * 一数一源 (SC-26), pure over plain data: `findSingleSourceConflicts` — the same data item registered by
 * two departments within resources of the same subject, with the earlier provider proposed as the
 * single source.
 */
import { parseResourceCode } from './codes.ts';
import { canonicalItemName, diceBound, NEAR_SAME_THRESHOLD, normaliseName, similarity } from './dedupe.ts';

export interface SingleSourceResource {
  id: string;
  /** The resource's own code (full code). */
  code: string;
  /** 关联资源代码: its codes in the 基础 / 主题 catalogues. */
  relatedCodes?: readonly string[];
  name: string;
  /** The providing department (name or id; compared after `normaliseName`). */
  provider: string;
  /** When the resource was registered (注册); decides the proposed single source. */
  registeredAt: Date | string;
  dataItems: readonly { name: string }[];
}

export interface SingleSourceEntry {
  resourceId: string;
  resourceCode: string;
  resourceName: string;
  provider: string;
  itemName: string;
  registeredAt: string;
}

export interface SingleSourceConflict {
  article: 'SC-26';
  /** The item name as the proposed source registered it. */
  itemName: string;
  /** The subject keys the matched resources share (see `subjectKeys`). */
  subjects: string[];
  /** The distinct providers, earliest registration first; the first is the proposed source. */
  departments: string[];
  proposedSource: SingleSourceEntry;
  /** Every matched (resource, item), earliest registration first. */
  resources: SingleSourceEntry[];
  /** The lowest similarity of a matched item to the group's central item (1 = same name). */
  score: number;
  /** Chinese text for the notice to the departments and the authority. */
  message: string;
}

/**
 * The subject keys of a resource: for each of its codes (own code and 关联资源代码) that parses, the
 * 类 + 项 (3 digits) of a 主题 code — the 主题 is the 项 — and the 类 + 项 + 目 (6 digits) of a 基础 or
 * 部门 code. Two resources are "of the same subject" when they share a key. A 部门 resource of one
 * department therefore meets another department's only through a shared 基础 / 主题 关联资源代码.
 */
export function subjectKeys(resource: Pick<SingleSourceResource, 'code' | 'relatedCodes'>): string[] {
  const keys = new Set<string>();
  for (const raw of [resource.code, ...(resource.relatedCodes ?? [])]) {
    const parsed = parseResourceCode(raw);
    if (!parsed.ok) continue;
    const { prefix, classDigit } = parsed.code;
    keys.add(classDigit === '2' ? prefix.slice(0, 3) : prefix.slice(0, 6));
  }
  return [...keys].sort();
}

function toInstant(value: Date | string, what: string): number {
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(time)) throw new RangeError(`${what}的登记时间无效：${String(value)}`);
  return time;
}

interface ItemNode {
  index: number;
  resource: SingleSourceResource;
  provider: string;
  itemName: string;
  canonical: string;
  time: number;
  subjects: string[];
}

class UnionFind {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root];
    let node = i;
    while (this.parent[node] !== root) {
      const next = this.parent[node];
      this.parent[node] = root;
      node = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

const byRegistration = (a: ItemNode, b: ItemNode) =>
  a.time - b.time ||
  a.provider.localeCompare(b.provider) ||
  a.resource.id.localeCompare(b.resource.id) ||
  a.index - b.index;

/**
 * 一数一源 (SC-26): data items registered by different departments that describe the same thing.
 * Resources are compared only within a shared subject (`subjectKeys`); items are matched when
 * `similarity ≥ threshold` (default 0.8); items of one department are never matched with each other
 * alone. Matches form groups around a central item (the one with most cross-department matches,
 * earliest first); a group with at least two departments is a conflict, proposing the earliest
 * registered provider as the single source. Deterministic: same input, same output order.
 */
export function findSingleSourceConflicts(
  resources: readonly SingleSourceResource[],
  options: { threshold?: number } = {},
): SingleSourceConflict[] {
  const threshold = options.threshold ?? NEAR_SAME_THRESHOLD;
  const nodes: ItemNode[] = [];
  for (const resource of resources) {
    const time = toInstant(resource.registeredAt, `资源“${resource.name}”`);
    const subjects = subjectKeys(resource);
    if (subjects.length === 0) continue;
    const provider = normaliseName(resource.provider);
    for (const item of resource.dataItems) {
      const canonical = canonicalItemName(item.name);
      if (canonical === '') continue;
      nodes.push({ index: nodes.length, resource, provider, itemName: item.name, canonical, time, subjects });
    }
  }

  const sim = new Map<string, number>();
  const score = (a: ItemNode, b: ItemNode): number => {
    if (a.canonical === b.canonical) return 1;
    const left = normaliseName(a.itemName);
    const right = normaliseName(b.itemName);
    const key = left < right ? `${left}\u0000${right}` : `${right}\u0000${left}`;
    let value = sim.get(key);
    if (value === undefined) {
      value = similarity(a.itemName, b.itemName);
      sim.set(key, value);
    }
    return value;
  };

  // Candidate matches: cross-department pairs of items within a shared subject.
  const bySubject = new Map<string, ItemNode[]>();
  for (const node of nodes) {
    for (const subject of node.subjects) {
      const list = bySubject.get(subject) ?? [];
      list.push(node);
      bySubject.set(subject, list);
    }
  }
  const matches = new Map<number, Map<number, number>>();
  const link = (a: ItemNode, b: ItemNode, value: number) => {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ]) {
      const row = matches.get(x.index) ?? new Map<number, number>();
      row.set(y.index, value);
      matches.set(x.index, row);
    }
  };
  const components = new UnionFind(nodes.length);
  for (const list of bySubject.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        if (a.provider === b.provider) continue;
        if (a.canonical !== b.canonical && diceBound(a.canonical, b.canonical) < threshold) continue;
        const value = score(a, b);
        if (value >= threshold) {
          link(a, b, value);
          components.union(a.index, b.index);
        }
      }
    }
  }

  const groups = new Map<number, ItemNode[]>();
  for (const index of matches.keys()) {
    const root = components.find(index);
    const list = groups.get(root) ?? [];
    list.push(nodes[index]);
    groups.set(root, list);
  }

  const conflicts: SingleSourceConflict[] = [];
  for (const members of groups.values()) {
    let remaining = [...members].sort(byRegistration);
    while (remaining.length > 1) {
      const open = new Set(remaining.map((node) => node.index));
      const crossMatches = (node: ItemNode) =>
        [...(matches.get(node.index) ?? new Map<number, number>()).keys()].filter((i) => open.has(i)).length;
      let centre = remaining[0];
      for (const node of remaining) if (crossMatches(node) > crossMatches(centre)) centre = node;
      const group = remaining.filter(
        (node) =>
          node === centre ||
          (node.subjects.some((key) => centre.subjects.includes(key)) && score(centre, node) >= threshold),
      );
      remaining = remaining.filter((node) => !group.includes(node));
      const departments = [...new Set(group.map((node) => node.provider))];
      if (departments.length < 2 || crossMatches(centre) === 0) continue;
      conflicts.push(toConflict(group.sort(byRegistration), centre, score));
    }
  }
  return conflicts.sort(
    (a, b) =>
      a.proposedSource.registeredAt.localeCompare(b.proposedSource.registeredAt) ||
      a.itemName.localeCompare(b.itemName),
  );
}

function toConflict(
  group: ItemNode[],
  centre: ItemNode,
  score: (a: ItemNode, b: ItemNode) => number,
): SingleSourceConflict {
  const entry = (node: ItemNode): SingleSourceEntry => ({
    resourceId: node.resource.id,
    resourceCode: node.resource.code,
    resourceName: node.resource.name,
    provider: node.resource.provider,
    itemName: node.itemName,
    registeredAt: new Date(node.time).toISOString(),
  });
  const entries = group.map(entry);
  const source = entries[0];
  const seen = new Set<string>();
  const departments: string[] = [];
  for (const node of group) {
    if (seen.has(node.provider)) continue;
    seen.add(node.provider);
    departments.push(node.resource.provider);
  }
  const subjects = group
    .map((node) => node.subjects)
    .reduce((shared, list) => shared.filter((key) => list.includes(key)));
  const others = departments.slice(1);
  return {
    article: 'SC-26',
    itemName: source.itemName,
    subjects: subjects.length > 0 ? subjects : [...new Set(group.flatMap((node) => node.subjects))].sort(),
    departments,
    proposedSource: source,
    resources: entries,
    score: Math.min(...group.map((node) => score(centre, node))),
    message: `一数一源：${departments.join('、')}均登记了信息项“${source.itemName}”（${entries
      .map((e) => `${e.provider}《${e.resourceName}》“${e.itemName}”`)
      .join(
        '，',
      )}）。建议以最早登记的${source.provider}为唯一数据来源，${others.join('、')}通过共享获取，不再重复采集。`,
  };
}
