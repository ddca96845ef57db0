/** What every catalog route needs: the caller, paging, and the 400 that lists every entry problem. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CommandDeps } from '../../platform/command.ts';
import { unauthenticated } from '../../platform/errors.ts';
import { type Caller, CatalogProblemsError, callerOf } from '../commands/caller.ts';

export const TAGS = {
  systems: ['政务信息系统目录'],
  resources: ['信息资源目录'],
  cloud: ['政务云服务目录'],
};

export function callerFrom(req: FastifyRequest, deps: CommandDeps): Caller {
  if (!req.actor) throw unauthenticated();
  return callerOf(req.actor, deps.clock.now());
}

export function paging(query: { limit?: number; offset?: number }, limit = 50) {
  return { limit: query.limit ?? limit, offset: query.offset ?? 0 };
}

/**
 * A 400 of catalog entry rules carries the first problem as the error contract and every problem in
 * `problems`, so a form can mark each field; any other error goes on to the app's handler.
 */
export function answerProblems(scope: FastifyInstance): void {
  scope.setErrorHandler((err, req, reply) => {
    if (err instanceof CatalogProblemsError) {
      return reply.status(400).send({
        code: err.code,
        message: err.message,
        ...(err.field ? { field: err.field } : {}),
        ...(err.article ? { article: err.article } : {}),
        requestId: String(req.id),
        problems: err.problems.map((p) => ({
          field: p.field,
          code: p.code,
          message: p.message,
          ...(p.article ? { article: p.article } : {}),
        })),
      });
    }
    throw err;
  });
}
