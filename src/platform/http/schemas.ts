/** Schemas shared by all routes: the error contract, ids, paging, strict objects, literals, nullables. */
import {
  type TArray,
  type TInteger,
  type TLiteral,
  type TObject,
  type TSchema,
  type TUnion,
  Type,
} from 'typebox';

/** Objects reject unknown fields (mass assignment, SECURITY.md 15). */
export const strict = { additionalProperties: false } as const;
/** One of the given strings; typed as the union of the literals when the list is a constant tuple. */
export function Literals<const T extends readonly string[]>(values: T): TUnion<LiteralTuple<T>> {
  return Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<LiteralTuple<T>>;
}
type LiteralTuple<T extends readonly string[]> = T extends readonly [
  infer Head extends string,
  ...infer Rest extends readonly string[],
]
  ? [TLiteral<Head>, ...LiteralTuple<Rest>]
  : T extends readonly []
    ? []
    : [TLiteral<T[number]>];
/** The value or null. */
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

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

/**
 * The `limit`/`offset` fields of a list's query string, to spread into its `Type.Object`: out-of-range
 * paging is a 400 at its field, never clamped. Each list keeps its own bounds: `max` is the largest page,
 * `maxOffset` the furthest offset (default 1 000 000). With `defaultLimit` the fields default to that
 * page size and to offset 0; without it neither has a default (lists that answer everything when no
 * `limit` is given).
 */
export function pagingQuery(options: { max: number; defaultLimit?: number; maxOffset?: number }) {
  const { max, defaultLimit, maxOffset = 1_000_000 } = options;
  const paged = defaultLimit !== undefined;
  return {
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: max, ...(paged ? { default: defaultLimit } : {}) }),
    ),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: maxOffset, ...(paged ? { default: 0 } : {}) })),
  };
}

/** The paging of the lists without their own bounds: pages of 1–500 rows, 50 by default. */
export const Paging = pagingQuery({ max: 500, defaultLimit: 50 });

/**
 * A page of a list: the rows and how many match in all (`{ items, total }`); with `echo`, also the
 * `limit` and `offset` of the page served.
 */
export function Paged<T extends TSchema>(item: T): TObject<{ items: TArray<T>; total: TInteger }>;
export function Paged<T extends TSchema>(
  item: T,
  options: { echo: true },
): TObject<{ items: TArray<T>; total: TInteger; limit: TInteger; offset: TInteger }>;
export function Paged<T extends TSchema>(item: T, options?: { echo: true }) {
  const page = { items: Type.Array(item), total: Type.Integer() };
  return Type.Object(options?.echo ? { ...page, limit: Type.Integer(), offset: Type.Integer() } : page, {
    additionalProperties: false,
  });
}

export const NoContent = Type.Null({ description: '无内容' });
