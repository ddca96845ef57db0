/**
 * Request validation: one Ajv for bodies that never coerces types or strips unknown fields
 * (a wrong type or an unknown field is a 400), one for query strings and params that coerces
 * "10" to 10 as URLs require. Both reject additional properties where the schema says so.
 */
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

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

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? strictAjv : coercingAjv;
  const validate = ajv.compile(schema as object);
  return (data: unknown) => {
    const ok = validate(data);
    return ok
      ? { value: data }
      : { error: Object.assign(new Error('validation'), { validation: validate.errors }) };
  };
};

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
