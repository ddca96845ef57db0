/**
 * Rows of other tables inside one statement (issue 11, read path): a correlated subquery builds
 * them as JSON (`json_build_object` / `json_agg`), and `decode` turns each back into exactly what a
 * plain drizzle select of the same columns returns. Values travel as the driver would receive them:
 * text for everything but JSON, booleans and 32-bit integers (which JSON carries losslessly), so
 * that each column's own `mapFromDriverValue` (instants, bigint money, dates) decodes them alike.
 */
import { type Column, getTableColumns, type SQL, sql, type Table } from 'drizzle-orm';

/** SQL types whose JSON form is the driver's value (everything else is sent as text). */
const AS_JSON = new Set(['json', 'jsonb', 'boolean', 'integer', 'smallint', 'serial', 'smallserial']);

type Columns = Record<string, Column>;
type Decoded<C extends Columns> = {
  [K in keyof C]: C[K]['_']['data'] | (C[K]['_']['notNull'] extends true ? never : null);
};

export interface JsonShape<C extends Columns> {
  /** `json_build_object('key', column, …)` of the columns. */
  object: SQL;
  decode(raw: Record<string, unknown>): Decoded<C>;
}

export function jsonShape<C extends Columns>(columns: C): JsonShape<C> {
  const entries = Object.entries(columns);
  const object = sql`json_build_object(${sql.join(
    entries.map(([key, column]) => {
      const type = column.getSQLType();
      const value = AS_JSON.has(type) || type.endsWith('[]') ? sql`${column}` : sql`${column}::text`;
      return sql`${sql.raw(`'${key}'`)}, ${value}`;
    }),
    sql`, `,
  )})`;
  return {
    object,
    decode(raw) {
      const row: Record<string, unknown> = {};
      for (const [key, column] of entries) {
        const value = raw[key];
        row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
      }
      return row as Decoded<C>;
    },
  };
}

/** All columns of a table, as `select()` returns them. */
export function tableShape<T extends Table>(table: T): JsonShape<T['_']['columns']> {
  return jsonShape(getTableColumns(table));
}

/** `coalesce((select json_agg(<object> order by …) from … where …), '[]')`: the rows as one JSON array. */
export function jsonArray(shape: JsonShape<Columns>, from: SQL, orderBy?: SQL): SQL {
  const order = orderBy ? sql` order by ${orderBy}` : sql``;
  return sql`coalesce((select json_agg(${shape.object}${order}) ${from}), '[]'::json)`;
}
