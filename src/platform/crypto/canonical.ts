import { CryptoError } from './errors.ts';

/**
 * Canonical JSON for signing and hashing: object keys sorted by UTF-16 code units, no whitespace,
 * strings and numbers serialised as JSON.stringify does. For the values it accepts the output is
 * the JSON Canonicalization Scheme (RFC 8785), so an external verifier can rebuild the signed bytes.
 *
 * Stricter than JSON.stringify where silence would weaken a signature: NaN/±Infinity, bigint,
 * functions, symbols, Map/Set/class instances without toJSON, cycles and a top-level undefined throw
 * instead of turning into null/{}; `undefined` object members are omitted and `undefined` array
 * items become null, as in JSON. Objects with toJSON (Date) are serialised through it.
 */
export function canonicalJson(value: unknown): string {
  const out = serialise(value, new Set<object>(), '$');
  if (out === undefined) throw unsupported('$', 'undefined');
  return out;
}

function serialise(value: unknown, seen: Set<object>, path: string): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw unsupported(path, String(value));
      return JSON.stringify(value);
    case 'undefined':
      return undefined;
    case 'object':
      return serialiseObject(value, seen, path);
    default:
      throw unsupported(path, typeof value);
  }
}

function serialiseObject(value: object, seen: Set<object>, path: string): string | undefined {
  const toJson: unknown = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJson === 'function') {
    return serialise(toJson.call(value), seen, path);
  }
  if (seen.has(value)) throw unsupported(path, 'circular reference');
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      // Array.from visits holes of sparse arrays (as undefined → null), unlike map.
      const items = Array.from(value, (item: unknown, i) => serialise(item, seen, `${path}[${i}]`) ?? 'null');
      return `[${items.join(',')}]`;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw unsupported(path, (value as { constructor?: { name?: string } }).constructor?.name ?? 'object');
    }
    const record = value as Record<string, unknown>;
    const members: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const member = serialise(record[key], seen, `${path}.${key}`);
      if (member !== undefined) members.push(`${JSON.stringify(key)}:${member}`);
    }
    return `{${members.join(',')}}`;
  } finally {
    seen.delete(value);
  }
}

function unsupported(path: string, what: string): CryptoError {
  return new CryptoError(
    'CANONICAL_JSON_UNSUPPORTED',
    `规范化 JSON 不支持该值 / canonical JSON cannot represent ${what} at ${path}`,
  );
}
