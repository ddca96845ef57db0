/** The building blocks of the operations schemas: strict objects, dates, texts and paged lists. */
import { type TSchema, Type } from 'typebox';
import { Nullable, strict, VersionInput } from '../../platform/http/schemas.ts';

export const Text = (max: number, description?: string) =>
  Type.String({ minLength: 1, maxLength: max, ...(description ? { description } : {}) });
export const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
export const Instant = Type.String({ format: 'date-time', description: 'ISO 8601 时间（含时区）' });
export const Version = VersionInput;

export const S = Type.String();
export const N = Nullable;
/** A stored time: a Date from the database, serialized as ISO 8601 (fast-json-stringify). */
export const Time = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
export const Int = Type.Integer();
export const paged = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Int, limit: Int, offset: Int }, strict);
