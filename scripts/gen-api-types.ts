/**
 * `npm run gen:api-types`: writes web/src/api/schema.ts from the OpenAPI document the server serves at
 * /api/docs/json. The app is built the way tests build it (test/support/helper.ts `setup()`: PGlite from the
 * migrated template), the document is read with `app.swagger()` after `ready()`, and every operation
 * becomes one entry of `paths`: its path parameters, query, JSON body and the type of each response
 * status. Component schemas become `components['schemas']`. Output is sorted and formatted by Biome, so
 * the same server always produces the same bytes; test/arch/api-types.test.ts fails when the committed
 * file differs. Why a small generator and not openapi-typescript: docs/decisions/0006-generated-web-types.md.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMA_FILE = path.join(ROOT, 'web/src/api/schema.ts');
export const STALE_MESSAGE = 'web/src/api/schema.ts is stale: run npm run gen:api-types';

type Schema = {
  type?: string | string[];
  $ref?: string;
  nullable?: boolean;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  items?: Schema | Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  format?: string;
  description?: string;
};

interface Parameter {
  in: string;
  name: string;
  required?: boolean;
  description?: string;
  schema?: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  summary?: string;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const IDENTIFIER = /^([A-Za-z_$][\w$]*|[1-9][0-9]*)$/;

function key(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

function doc(text: string | undefined): string {
  if (!text) return '';
  return `/** ${text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */\n`;
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A TypeScript type expression for one schema (OpenAPI 3.0 dialect: `nullable`, `$ref` to components). */
export function typeOf(schema: Schema | boolean | undefined): string {
  if (schema === undefined || schema === true) return 'unknown';
  if (schema === false) return 'never';
  const base = baseType(schema);
  return schema.nullable && base !== 'null' && base !== 'unknown' ? `${base} | null` : base;
}

function union(parts: string[]): string {
  const unique = [...new Set(parts)];
  return unique.length === 1 ? unique[0] : unique.map((p) => (p.includes('=>') ? `(${p})` : p)).join(' | ');
}

function baseType(schema: Schema): string {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return `components['schemas'][${JSON.stringify(name)}]`;
  }
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return union(schema.enum.map((v) => JSON.stringify(v)));
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return union(alternatives.map((s) => typeOf(s)));
  if (schema.allOf) return schema.allOf.map((s) => wrap(typeOf(s))).join(' & ');
  if (Array.isArray(schema.type)) return union(schema.type.map((t) => baseType({ ...schema, type: t })));
  switch (schema.type) {
    case 'string':
      return schema.format === 'binary' ? 'Blob' : 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array': {
      if (Array.isArray(schema.items)) return `[${schema.items.map((s) => typeOf(s)).join(', ')}]`;
      return `${wrap(typeOf(schema.items))}[]`;
    }
    case 'object':
      return objectType(schema);
    default:
      return schema.properties ? objectType(schema) : 'unknown';
  }
}

/** Parenthesised when a union or intersection is at the top level (`(A | B)[]`, not `A | B[]`). */
function wrap(type: string): string {
  let depth = 0;
  for (const c of type) {
    if (c === '{' || c === '(' || c === '[' || c === '<') depth++;
    else if (c === '}' || c === ')' || c === ']' || c === '>') depth--;
    else if (depth === 0 && (c === '|' || c === '&')) return `(${type})`;
  }
  return type;
}

function objectType(schema: Schema): string {
  const properties = Object.entries(schema.properties ?? {});
  const extra = schema.additionalProperties;
  if (properties.length === 0) {
    if (extra === false) return 'Record<string, never>';
    return `Record<string, ${typeOf(extra === undefined ? true : extra)}>`;
  }
  const required = new Set(schema.required ?? []);
  const lines = properties.map(
    ([name, value]) =>
      `${doc(value.description)}${key(name)}${required.has(name) ? '' : '?'}: ${typeOf(value)};`,
  );
  if (extra !== undefined && extra !== false) lines.push('[key: string]: unknown;');
  return `{\n${lines.join('\n')}\n}`;
}

function parameterBlock(parameters: Parameter[], where: string): string {
  const list = parameters.filter((p) => p.in === where).sort((a, b) => byName(a.name, b.name));
  if (list.length === 0) return 'never';
  const lines = list.map(
    (p) =>
      `${doc(p.description)}${key(p.name)}${p.required || where === 'path' ? '' : '?'}: ${typeOf(p.schema)};`,
  );
  return `{\n${lines.join('\n')}\n}`;
}

function bodyType(operation: Operation): string {
  const content = operation.requestBody?.content;
  if (!content) return 'never';
  const json = content['application/json'];
  if (json) return typeOf(json.schema);
  if (content['multipart/form-data']) return 'FormData';
  return 'unknown';
}

function responseType(
  response: { content?: Record<string, { schema?: Schema }> },
  errorSchema: string,
): string {
  const content = response.content;
  if (!content) return 'undefined';
  const json = content['application/json'];
  if (!json) return 'Blob';
  if (errorSchema && JSON.stringify(json.schema) === errorSchema) return 'ApiErrorBody';
  return typeOf(json.schema);
}

/** The error contract every 4xx declares (the schema titled 错误), or undefined when there is none. */
function findErrorSchema(document: OpenApiDocument): Schema | undefined {
  for (const url of Object.keys(document.paths).sort(byName)) {
    for (const operation of Object.values(document.paths[url])) {
      const schema = operation.responses?.['400']?.content?.['application/json']?.schema;
      if (schema) return schema;
    }
  }
  return undefined;
}

/** The unformatted TypeScript source for a document. */
export function renderApiTypes(document: OpenApiDocument): string {
  const error = findErrorSchema(document);
  const errorJson = error ? JSON.stringify(error) : '';
  const out: string[] = [
    '/* biome-ignore-all lint/style/noExcessiveLinesPerFile: generated from the OpenAPI document */',
    '/**',
    ' * GENERATED by scripts/gen-api-types.ts from the OpenAPI document (`/api/docs/json`). Do not edit:',
    ' * run `npm run gen:api-types`. Typed helpers on top of it are in ./client.ts.',
    ' */',
    '',
    '/** The error contract of every 4xx/5xx answer. */',
    `export type ApiErrorBody = ${error ? typeOf(error) : 'never'};`,
    '',
  ];
  const schemas = Object.entries(document.components?.schemas ?? {}).sort(([a], [b]) => byName(a, b));
  out.push('export interface components {', 'schemas: {');
  for (const [name, schema] of schemas)
    out.push(`${doc(schema.description)}${key(name)}: ${typeOf(schema)};`);
  out.push('};', '}', '');
  out.push('export interface paths {');
  for (const url of Object.keys(document.paths).sort(byName)) {
    if (!url.startsWith('/api/')) continue;
    const operations = document.paths[url];
    out.push(`${key(url)}: {`);
    for (const method of METHODS) {
      const operation = operations[method];
      if (!operation) continue;
      const parameters = operation.parameters ?? [];
      out.push(`${doc(operation.summary)}${method}: {`);
      out.push(`params: ${parameterBlock(parameters, 'path')};`);
      out.push(`query: ${parameterBlock(parameters, 'query')};`);
      out.push(`body: ${bodyType(operation)};`);
      out.push('responses: {');
      const statuses = Object.keys(operation.responses ?? {}).sort(byName);
      for (const status of statuses) {
        out.push(`${key(status)}: ${responseType(operation.responses![status], errorJson)};`);
      }
      out.push('};', '};');
    }
    out.push('};');
  }
  out.push('}', '');
  return out.join('\n');
}

/** Formats TypeScript source with the repository's Biome settings (stdin, so nothing is written). */
export function formatWithBiome(source: string): string {
  const biome = path.join(ROOT, 'node_modules/.bin/biome');
  const result = spawnSync(biome, ['format', `--stdin-file-path=${SCHEMA_FILE}`], {
    cwd: ROOT,
    input: source,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`biome format failed: ${result.stderr || result.stdout}`);
  return result.stdout;
}

/** The formatted file for a document: what `npm run gen:api-types` writes. */
export function generateApiTypes(document: OpenApiDocument): string {
  return formatWithBiome(renderApiTypes(document));
}

/** Builds the app as tests do and reads its OpenAPI document. */
export async function loadOpenApiDocument(): Promise<OpenApiDocument> {
  const { setup } = await import('../test/support/helper.ts');
  const ctx = await setup();
  try {
    return ctx.app.swagger() as unknown as OpenApiDocument;
  } finally {
    await ctx.close();
  }
}

async function main(): Promise<void> {
  const text = generateApiTypes(await loadOpenApiDocument());
  fs.writeFileSync(SCHEMA_FILE, text);
  process.stdout.write(`wrote ${path.relative(ROOT, SCHEMA_FILE)} (${text.length} characters)\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
