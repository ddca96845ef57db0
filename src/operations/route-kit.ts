/**
 * What the operations route files share: the route options for a read, a write and a create (tags,
 * response and error schemas), and per-request helpers (caller, command context, paging).
 */
import type { FastifyRequest } from 'fastify';
import type { TSchema } from 'typebox';
import { commandContext } from '../identity/index.ts';
import type { CommandDeps } from '../platform/command.ts';
import { errors } from '../platform/http/schemas.ts';
import { callerOfContext } from './policy.ts';
import * as S from './schemas.ts';

export const TAGS = ['运行与安全'];

/** A read: 200 with `response`, the query or path parameters in `extra`. */
export function read<const E extends { querystring?: TSchema; params?: TSchema }, R extends TSchema>(
  summary: string,
  extra: E,
  response: R,
) {
  return { schema: { tags: TAGS, summary, ...extra, response: { 200: response, ...errors } } };
}

/** A write on `/:id` (or other `params`) answering 200 with `response` (default `{ ok: true }`). */
export function write<
  B extends TSchema,
  R extends TSchema = typeof S.Ok,
  P extends TSchema = typeof S.IdParams,
>(summary: string, body: B, options: { params?: P; response?: R } = {}) {
  const params = (options.params ?? S.IdParams) as P;
  const response = (options.response ?? S.Ok) as R;
  return { schema: { tags: TAGS, summary, params, body, response: { 200: response, ...errors } } };
}

/** A write on `/:id` that creates something, answering 201 with `response`. */
export function create<B extends TSchema, R extends TSchema>(summary: string, body: B, response: R) {
  return {
    schema: { tags: TAGS, summary, params: S.IdParams, body, response: { 201: response, ...errors } },
  };
}

/** Per-request helpers of the operations routes. */
export function routeKit(deps: CommandDeps) {
  return {
    caller: (req: FastifyRequest) => callerOfContext(deps, commandContext(req)),
    ctx: (req: FastifyRequest) => commandContext(req),
    page: (query: { limit?: number; offset?: number }) => ({
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    }),
    ok: { ok: true as const },
  };
}
