/**
 * The edge where domain errors become HTTP responses. One contract for every error:
 * { code, message (Chinese), field?, article?, requestId }. 5xx bodies never carry details.
 */
import type { ErrorObject } from 'ajv';
import type { FastifyError, FastifyInstance } from 'fastify';
import { DomainError, type ErrorKind } from '../errors.ts';
import { errorField, validationMessage } from './validation.ts';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  refused: 422,
  rate_limited: 429,
  unavailable: 503,
};

export function statusFor(kind: ErrorKind): number {
  return STATUS[kind];
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError & { validation?: ErrorObject[] }, req, reply) => {
    const requestId = String(req.id);
    if (err instanceof DomainError) {
      return reply.status(STATUS[err.kind]).send({
        code: err.code,
        message: err.message,
        ...(err.field ? { field: err.field } : {}),
        ...(err.article ? { article: err.article } : {}),
        requestId,
      });
    }
    if (err.validation && err.validation.length > 0) {
      const first = err.validation[0];
      const context = err.validationContext ?? 'body';
      const field = errorField(first);
      return reply.status(400).send({
        code: 'VALIDATION_FAILED',
        message: `请求参数不合法：${validationMessage(first, context)}`,
        ...(field ? { field } : {}),
        requestId,
      });
    }
    const status = err.statusCode ?? 500;
    if (status === 429) {
      return reply.status(429).send({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试', requestId });
    }
    if (status === 415) {
      return reply
        .status(415)
        .send({ code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的请求内容类型', requestId });
    }
    if (status === 413) {
      return reply.status(413).send({ code: 'PAYLOAD_TOO_LARGE', message: '请求内容过大', requestId });
    }
    if (status >= 400 && status < 500) {
      // Malformed JSON, bad content length and similar client errors from Fastify itself.
      return reply.status(400).send({ code: 'BAD_REQUEST', message: '请求格式不正确', requestId });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ code: 'INTERNAL', message: '服务器内部错误，请稍后重试', requestId });
  });
}
