/**
 * Request validation: one Ajv for bodies that never coerces types or strips unknown fields
 * (a wrong type or an unknown field is a 400), one for query strings and params that coerces
 * "10" to 10 as URLs require. Both reject additional properties where the schema says so.
 */
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler, FastifySerializerCompiler } from 'fastify';

// ajv-formats ships CommonJS; its default export arrives wrapped under Node ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: false,
    removeAdditional: false,
    useDefaults: true,
    coerceTypes: coerce ? 'array' : false,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

const strictAjv = makeAjv(false);
const coercingAjv = makeAjv(true);

/**
 * Compiled code depends only on the schema, and the schemas are module-level constants (or built
 * alike on every start), so each is compiled once per process: by object identity, else by its
 * JSON text. A second app in the same process (tests, several per shard) then builds in a fraction
 * of the time, and two routes sharing a schema share its compiled code.
 */
class CompileCache<T> {
  private readonly byObject = new WeakMap<object, T>();
  private readonly byText = new Map<string, T>();

  get(schema: object, compile: () => T): T {
    let compiled = this.byObject.get(schema);
    if (compiled) return compiled;
    const text = JSON.stringify(schema);
    compiled = this.byText.get(text);
    if (!compiled) {
      compiled = compile();
      this.byText.set(text, compiled);
    }
    this.byObject.set(schema, compiled);
    return compiled;
  }
}

const strictValidators = new CompileCache<ValidateFunction>();
const coercingValidators = new CompileCache<ValidateFunction>();

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const body = httpPart === 'body';
  const ajv = body ? strictAjv : coercingAjv;
  const validate = (body ? strictValidators : coercingValidators).get(schema as object, () =>
    ajv.compile(schema as object),
  );
  return (data: unknown) => {
    const ok = validate(data);
    return ok
      ? { value: data }
      : { error: Object.assign(new Error('validation'), { validation: validate.errors }) };
  };
};

// Fastify's own response serializer (fast-json-stringify), resolved from fastify's folder so that it
// is exactly the version fastify would use; compiled once per schema like the validators. The app
// registers no shared schemas, so no external schemas are passed (as fastify's default does then).
type SerializerFactory = (
  externalSchemas: Record<string, unknown>,
  options: Record<string, unknown>,
) => (route: { schema: unknown }) => (data: unknown) => string;
const { SerializerSelector } = createRequire(import.meta.resolve('fastify'))(
  '@fastify/fast-json-stringify-compiler',
) as { SerializerSelector: () => SerializerFactory };
const buildSerializer = SerializerSelector()({}, {});
const serializers = new CompileCache<(data: unknown) => string>();

export const serializerCompiler: FastifySerializerCompiler<unknown> = ({ schema }) =>
  serializers.get(schema as object, () => buildSerializer({ schema }));

const TYPE_NAMES: Record<string, string> = {
  string: '字符串',
  number: '数字',
  integer: '整数',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  null: '空值',
};

/** The field a validation error is about, as a dotted path (`budget.years.0.amount`). */
export function errorField(error: ErrorObject): string | undefined {
  const base = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const params = error.params as Record<string, unknown>;
  const child =
    (params.missingProperty as string | undefined) ?? (params.additionalProperty as string | undefined);
  if (child) return base ? `${base}.${child}` : child;
  return base || undefined;
}

/** A Chinese message for the first validation error. */
export function validationMessage(error: ErrorObject, context: string): string {
  const field = errorField(error) ?? context;
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `缺少必填字段：${field}`;
    case 'additionalProperties':
      return `不允许的字段：${field}`;
    case 'type':
      return `字段 ${field} 类型错误，应为${TYPE_NAMES[String(p.type)] ?? String(p.type)}`;
    case 'minLength':
      return `字段 ${field} 长度不能少于 ${p.limit} 个字符`;
    case 'maxLength':
      return `字段 ${field} 长度不能超过 ${p.limit} 个字符`;
    case 'minimum':
    case 'exclusiveMinimum':
      return `字段 ${field} 不能小于 ${p.limit}`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `字段 ${field} 不能大于 ${p.limit}`;
    case 'minItems':
      return `字段 ${field} 至少需要 ${p.limit} 项`;
    case 'maxItems':
      return `字段 ${field} 最多 ${p.limit} 项`;
    case 'format':
      return `字段 ${field} 格式不正确（应为 ${String(p.format)}）`;
    case 'pattern':
      return `字段 ${field} 格式不正确`;
    case 'enum':
    case 'const':
    case 'anyOf':
    case 'oneOf':
      return `字段 ${field} 的取值不在允许范围内`;
    default:
      return `字段 ${field} 不合法`;
  }
}
