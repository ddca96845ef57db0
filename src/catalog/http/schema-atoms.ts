/** The building blocks of the catalog schemas: strict objects, nullable texts, enumerations documented by their codes, problems, paging. */
import { Type } from 'typebox';
import { Nullable, strict, VersionInput } from '../../platform/http/schemas.ts';
import { codesOf, type EnumList } from '../model.ts';

export const oneOf = (list: EnumList, description: string, maxLength = 40) =>
  Type.String({ maxLength, description: `${description}：${codesOf(list).join(' | ')}` });
export const text = (maxLength: number, description: string) => Type.String({ maxLength, description });
export const textList = (maxLength: number, description: string) =>
  Type.Array(Type.String({ maxLength }), { maxItems: 200, description });
export const optionalText = (maxLength: number, description: string) =>
  Type.Optional(Nullable(text(maxLength, `${description}（null 清除）`)));
export const IsoDate = Type.String({ maxLength: 40, description: 'YYYY-MM-DD' });
export const Id = Type.String({ format: 'uuid' });

export const VersionBody = VersionInput;

export const CatalogProblem = Type.Object(
  {
    field: Type.String(),
    code: Type.String(),
    message: Type.String(),
    article: Type.Optional(Type.String()),
  },
  strict,
);

/** 400 of a catalog entry: the first problem as the error contract, and every problem. */
export const ProblemsErrorBody = Type.Object(
  {
    code: Type.String(),
    message: Type.String(),
    field: Type.Optional(Type.String()),
    article: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    problems: Type.Optional(Type.Array(CatalogProblem)),
  },
  strict,
);

export const Xlsx = Type.Unsafe<Buffer>({
  type: 'string',
  format: 'binary',
  description: 'Excel 工作簿（.xlsx）',
});

/** A page of a list (`{ items, total }`), shared by every list (src/platform/http/schemas.ts). */
export { Paged } from '../../platform/http/schemas.ts';

/** Every field optional for the schema: a missing one is reported by validate.ts with its article. */
export const allOptional = (fields: Record<string, Parameters<typeof Type.Optional>[0]>) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Type.Optional(v)]));

/** A catalog entry near the one entered (same kind, similar name), for the duplicate warning. */
export const NearDuplicate = Type.Object(
  {
    id: Type.String(),
    code: Type.String(),
    name: Type.String(),
    organisationName: Type.String(),
    score: Type.Number(),
  },
  strict,
);
