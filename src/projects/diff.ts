/**
 * Field-by-field difference of two snapshots of an application (plain JSON: what was submitted
 * before and what is submitted now), for the reviewer's "what changed since last time" view and for
 * change requests. Pure: no I/O, no clock.
 *
 * Arrays of objects are matched by a stable key, not by position, so a reordered list is no change:
 * `budgetByYear[2026].amount`, `systems[sys-01].name`, `materials[M02]`. The key of each array comes
 * from `keys` (by the array's path pattern, e.g. `budgetByYear` → `year`, `systems[].modules` → `id`),
 * else from the first of `id`, `code`, `key` that every element has; arrays of objects with no key
 * are compared by position (`[0]`, `[1]`). Arrays of primitives are compared as sets (`tags[政务云]`),
 * unless their pattern is listed in `ordered`, which compares them by position.
 */

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | readonly JsonValue[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: JsonValue | undefined;
}

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface Change {
  /** Where: `name`, `budgetByYear[2026].amount`, `materials[M03]`. */
  readonly path: string;
  readonly kind: ChangeKind;
  /** Absent for `added`. */
  readonly before?: JsonValue;
  /** Absent for `removed`. */
  readonly after?: JsonValue;
}

/** A field name, or a function giving an element's key. */
export type KeySelector = string | ((element: JsonObject) => string | number);

export interface DiffOptions {
  /** Key selector per array pattern: `budgetByYear` → `'year'`, `systems[].modules` → `'id'`. */
  readonly keys?: Readonly<Record<string, KeySelector>>;
  /** Patterns of primitive arrays whose order matters. */
  readonly ordered?: readonly string[];
}

export class SnapshotDiffError extends Error {
  readonly path: string;
  constructor(path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = 'SnapshotDiffError';
    this.path = path;
  }
}

const DEFAULT_KEY_FIELDS = ['id', 'code', 'key'] as const;

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isArray(value: JsonValue | undefined): value is readonly JsonValue[] {
  return Array.isArray(value);
}

/** Deep equality of JSON values; object key order does not matter, absent equals undefined. */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (isArray(a) || isArray(b)) {
    return isArray(a) && isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!jsonEqual(a[key], b[key])) return false;
    return true;
  }
  return false;
}

const PLAIN = /^[^[\]."\s]+$/;

/** `[2026]`, or `["a b"]` when the key holds characters that would make the path ambiguous. */
function keySegment(key: string): string {
  return PLAIN.test(key) ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

/** `parent.field`, or `parent."a.b"` for a field name that is not plain. */
function fieldPath(parent: string, field: string): string {
  const segment = PLAIN.test(field) ? field : JSON.stringify(field);
  return parent ? `${parent}.${segment}` : segment;
}

interface Walk {
  readonly options: DiffOptions;
  readonly changes: Change[];
}

/** Elements by key, or undefined when some element has no usable key or two share one. */
function keyed(elements: readonly JsonValue[], selector: KeySelector): Map<string, JsonValue> | undefined {
  const map = new Map<string, JsonValue>();
  for (const element of elements) {
    if (!isObject(element)) return undefined;
    const key = typeof selector === 'function' ? selector(element) : element[selector];
    if (typeof key !== 'string' && typeof key !== 'number') return undefined;
    if (map.has(String(key))) return undefined;
    map.set(String(key), element);
  }
  return map;
}

function defaultSelector(elements: readonly JsonValue[]): KeySelector | undefined {
  if (elements.length === 0 || !elements.every(isObject)) return undefined;
  return DEFAULT_KEY_FIELDS.find((field) => keyed(elements, field) !== undefined);
}

/** Primitive elements by their text, or undefined when two are equal (or print alike, as 1 and "1"). */
function primitiveSet(elements: readonly JsonValue[]): Map<string, JsonValue> | undefined {
  const map = new Map<string, JsonValue>();
  for (const element of elements) {
    const key = typeof element === 'string' ? element : JSON.stringify(element);
    if (map.has(key)) return undefined;
    map.set(key, element);
  }
  return map;
}

function diffKeyedMaps(
  walk: Walk,
  path: string,
  pattern: string,
  before: Map<string, JsonValue>,
  after: Map<string, JsonValue>,
): void {
  for (const [key, value] of before) {
    const elementPath = `${path}${keySegment(key)}`;
    const now = after.get(key);
    if (now !== undefined) diffValues(walk, elementPath, `${pattern}[]`, value, now);
    else walk.changes.push({ path: elementPath, kind: 'removed', before: value });
  }
  for (const [key, value] of after) {
    if (!before.has(key))
      walk.changes.push({ path: `${path}${keySegment(key)}`, kind: 'added', after: value });
  }
}

function diffByPosition(
  walk: Walk,
  path: string,
  pattern: string,
  before: readonly JsonValue[],
  after: readonly JsonValue[],
): void {
  const length = Math.max(before.length, after.length);
  for (let i = 0; i < length; i++) {
    const elementPath = `${path}[${i}]`;
    if (i >= after.length) walk.changes.push({ path: elementPath, kind: 'removed', before: before[i] });
    else if (i >= before.length) walk.changes.push({ path: elementPath, kind: 'added', after: after[i] });
    else diffValues(walk, elementPath, `${pattern}[]`, before[i], after[i]);
  }
}

function diffArrays(
  walk: Walk,
  path: string,
  pattern: string,
  before: readonly JsonValue[],
  after: readonly JsonValue[],
): void {
  const configured = walk.options.keys?.[pattern];
  if (configured !== undefined) {
    const was = keyed(before, configured);
    const now = keyed(after, configured);
    if (!was || !now) {
      throw new SnapshotDiffError(
        path,
        'every element must be an object with its own key (missing or duplicate key)',
      );
    }
    diffKeyedMaps(walk, path, pattern, was, now);
    return;
  }
  const all = [...before, ...after];
  const selector = defaultSelector(before.length > 0 ? before : after);
  if (selector !== undefined && all.every(isObject)) {
    const was = keyed(before, selector);
    const now = keyed(after, selector);
    if (was && now) {
      diffKeyedMaps(walk, path, pattern, was, now);
      return;
    }
  }
  const primitive = all.every((element) => !isObject(element) && !isArray(element));
  if (primitive && !walk.options.ordered?.includes(pattern)) {
    const was = primitiveSet(before);
    const now = primitiveSet(after);
    if (was && now) {
      diffKeyedMaps(walk, path, pattern, was, now);
      return;
    }
  }
  diffByPosition(walk, path, pattern, before, after);
}

function diffObjects(walk: Walk, path: string, pattern: string, before: JsonObject, after: JsonObject): void {
  const keys = [...Object.keys(before), ...Object.keys(after).filter((key) => !Object.hasOwn(before, key))];
  for (const key of keys) {
    const childPath = fieldPath(path, key);
    const childPattern = fieldPath(pattern, key);
    const was = before[key];
    const now = after[key];
    if (was === undefined && now === undefined) continue;
    if (was === undefined) walk.changes.push({ path: childPath, kind: 'added', after: now });
    else if (now === undefined) walk.changes.push({ path: childPath, kind: 'removed', before: was });
    else diffValues(walk, childPath, childPattern, was, now);
  }
}

function diffValues(walk: Walk, path: string, pattern: string, before: JsonValue, after: JsonValue): void {
  if (isObject(before) && isObject(after)) diffObjects(walk, path, pattern, before, after);
  else if (isArray(before) && isArray(after)) diffArrays(walk, path, pattern, before, after);
  else if (!jsonEqual(before, after)) walk.changes.push({ path, kind: 'changed', before, after });
}

/**
 * The changes from `before` to `after`, in the order of `before`'s fields and elements (new ones
 * after them). Throws SnapshotDiffError when an array listed in `keys` has an element without a
 * key or two elements with the same key; for arrays keyed by default, such data is compared by
 * position instead.
 */
export function diffSnapshots(before: JsonObject, after: JsonObject, options: DiffOptions = {}): Change[] {
  const walk: Walk = { options, changes: [] };
  diffObjects(walk, '', '', before, after);
  return walk.changes;
}

// ---- labels ------------------------------------------------------------------------------------

export interface PathSegment {
  readonly field: string;
  /** Element keys that follow the field (`budgetByYear[2026]` → ['2026']). */
  readonly keys: readonly string[];
}

const TOKEN_SOURCE = /\[("(?:[^"\\]|\\.)*"|[^\]]*)\]|(?:^|\.)("(?:[^"\\]|\\.)*"|[^.[\]"]+)/.source;

function unquote(text: string): string {
  return text.startsWith('"') ? (JSON.parse(text) as string) : text;
}

/** Splits `systems[sys-01].modules[m1].name` into fields with their element keys. */
export function parsePath(path: string): PathSegment[] {
  const segments: { field: string; keys: string[] }[] = [];
  const token = new RegExp(TOKEN_SOURCE, 'y');
  while (token.lastIndex < path.length) {
    const match = token.exec(path);
    if (!match) throw new SnapshotDiffError(path, 'not a snapshot path');
    if (match[2] !== undefined) segments.push({ field: unquote(match[2]), keys: [] });
    else if (segments.length === 0) throw new SnapshotDiffError(path, 'a path starts with a field');
    else segments[segments.length - 1].keys.push(unquote(match[1]));
  }
  return segments;
}

/**
 * The Chinese label of a change's path, e.g. `budgetByYear[2026].amount` → `分年度预算（2026） › 金额`.
 * `labels` is keyed by the exact path, else by pattern (`budgetByYear[].amount`), else by
 * `*.field` for a field at any depth (`*.fileName`); a field without a label shows its own name.
 */
export function labelFor(path: string, labels: Readonly<Record<string, string>>): string {
  const own = (key: string) => (Object.hasOwn(labels, key) ? labels[key] : undefined);
  const exact = own(path);
  if (exact !== undefined) return exact;
  let pattern = '';
  const parts = parsePath(path).map((segment) => {
    pattern = fieldPath(pattern, segment.field);
    const label = own(pattern) ?? own(`*.${segment.field}`) ?? segment.field;
    pattern += '[]'.repeat(segment.keys.length);
    return label + segment.keys.map((key) => `（${key}）`).join('');
  });
  return parts.join(' › ');
}

/** Labels for the fields of an application snapshot as the platform names them (GLOSSARY.md). */
export const APPLICATION_FIELD_LABELS: Readonly<Record<string, string>> = {
  name: '项目名称',
  code: '项目编码',
  type: '项目类型',
  ownerDepartment: '申报单位',
  totalBudget: '项目总预算',
  budgetByYear: '分年度预算',
  'budgetByYear[].year': '年度',
  'budgetByYear[].amount': '金额',
  systems: '涉及信息系统',
  'systems[].name': '系统名称',
  materials: '申请材料',
  'materials[].fileName': '文件名',
  'materials[].sha256': '文件摘要',
};
