/**
 * Characters no field may carry (SECURITY.md 24–26): NUL, which PostgreSQL cannot store in text and
 * which truncates strings in C libraries and logs, and unpaired UTF-16 surrogates, which cannot be
 * encoded as UTF-8 and would be silently replaced. Checked in every body, query string and path
 * parameter after authentication and before schema validation; the answer is a 400 naming the field.
 */
import type { FastifyInstance } from 'fastify';
import { invalid } from '../errors.ts';

const NUL = String.fromCharCode(0);
// A surrogate that is not part of a pair.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const forbidden = (s: string) => s.includes(NUL) || LONE_SURROGATE.test(s);
const MAX_DEPTH = 64;

/** The dotted path of the first string (or key) with a forbidden character, or null. */
export function findForbiddenCharacter(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return forbidden(value) ? path || '(value)' : null;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return null;
  for (const [key, child] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (forbidden(key)) return at;
    const found = findForbiddenCharacter(child, at, depth + 1);
    if (found) return found;
  }
  return null;
}

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    for (const part of [req.params, req.query, req.body]) {
      const field = findForbiddenCharacter(part);
      if (field) {
        throw invalid('INVALID_CHARACTERS', '输入包含不允许的字符（空字符或无效的 Unicode 字符）', {
          field: field.slice(0, 100),
        });
      }
    }
  });
}
