/**
 * A memo keyed by two objects and a string (pure, no I/O): the value computed for (`a`, `b`, `key`)
 * is kept as long as both objects live (weak maps: a new directory snapshot or rulebook registry
 * starts afresh, the old entries go with the old objects). Used where a value derives from a
 * per-app or per-snapshot object pair, e.g. a rulebook's bindings for a directory
 * (src/projects/queries/visibility.ts) or a caller's 待办 grants (src/workbench/task-grants.ts).
 */
export type WeakMemo<A extends object, B extends object, V> = (
  a: A,
  b: B,
  key: string,
  compute: () => V,
) => V;

export function weakMemo<A extends object, B extends object, V>(): WeakMemo<A, B, V> {
  const cache = new WeakMap<A, WeakMap<B, Map<string, V>>>();
  return (a, b, key, compute) => {
    let byB = cache.get(a);
    if (!byB) {
      byB = new WeakMap();
      cache.set(a, byB);
    }
    let byKey = byB.get(b);
    if (!byKey) {
      byKey = new Map();
      byB.set(b, byKey);
    }
    if (byKey.has(key)) return byKey.get(key) as V;
    const value = compute();
    byKey.set(key, value);
    return value;
  };
}
