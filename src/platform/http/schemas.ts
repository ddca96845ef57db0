/** Schemas shared by all routes: the error contract, ids, paging. */
import { Type } from 'typebox';

/** The one error contract (issue 2): a stable code, a Chinese message, the field and the article. */
export const ErrorBody = Type.Object(
  {
    code: Type.String({ description: '稳定的错误码，如 VALIDATION_FAILED、FUNDS_BLOCKED' }),
    message: Type.String({ description: '中文错误说明' }),
    field: Type.Optional(Type.String({ description: '出错的字段' })),
    article: Type.Optional(Type.String({ description: '拒绝所依据的条款编号，如 DT-11' })),
    requestId: Type.Optional(Type.String()),
  },
  { additionalProperties: false, $id: 'ErrorBody', title: '错误' },
);

export const Uuid = Type.String({ format: 'uuid' });

/** The largest value of a PostgreSQL integer column: every number an input schema accepts fits (issue 9 item 9). */
export const PG_INT_MAX = 2_147_483_647;
/** Bounds for an input number whose own range the domain checks with its own message. */
export const PG_INT_RANGE = { minimum: -PG_INT_MAX, maximum: PG_INT_MAX } as const;
/** An optimistic-lock version in a request. */
export const VersionInput = Type.Integer({
  minimum: 1,
  maximum: PG_INT_MAX,
  description: '当前版本号（乐观锁）',
});
export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

/** Error responses every protected route can give. */
export const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
  429: ErrorBody,
} as const;

export const Paging = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
};

export const NoContent = Type.Null({ description: '无内容' });
