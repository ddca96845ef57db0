/**
 * The web app's API types are generated (scripts/gen-api-types.ts): this regenerates them in memory
 * from the OpenAPI document of an app built like every test's and fails when the committed
 * web/src/api/schema.ts differs, i.e. a route schema changed without `npm run gen:api-types`.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import {
  generateApiTypes,
  type OpenApiDocument,
  renderApiTypes,
  SCHEMA_FILE,
  STALE_MESSAGE,
} from '../../scripts/gen-api-types.ts';
import { setup, type TestContext } from '../support/helper.ts';

describe('generated web API types', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await setup();
  });
  after(async () => {
    await ctx?.close();
  });

  test('web/src/api/schema.ts is what the OpenAPI document generates', () => {
    const expected = generateApiTypes(ctx.app.swagger() as unknown as OpenApiDocument);
    const committed = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
    if (committed === expected) return;
    // No diff dump (the file is large): the first differing line and what to do.
    const a = committed.split('\n');
    const b = expected.split('\n');
    let line = 0;
    while (line < a.length && a[line] === b[line]) line++;
    assert.fail(`${STALE_MESSAGE} (first difference at line ${line + 1}: ${JSON.stringify(b[line] ?? '')})`);
  });

  test('schemas become TypeScript: nullable, enums, records, optional properties, arrays of unions', () => {
    const text = renderApiTypes({
      paths: {
        '/api/x/{id}': {
          get: {
            parameters: [
              { in: 'path', name: 'id', schema: { type: 'string' } },
              { in: 'query', name: 'limit', schema: { type: 'integer' } },
            ],
            responses: {
              '200': {
                content: {
                  'application/json': {
                    schema: {
                      type: 'object',
                      required: ['a', 'b', 'c'],
                      properties: {
                        a: { type: 'string', nullable: true },
                        b: {
                          anyOf: [
                            { type: 'string', enum: ['x'] },
                            { type: 'string', enum: ['y'] },
                          ],
                        },
                        c: { type: 'object', additionalProperties: { type: 'boolean' } },
                        d: { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'integer' }] } },
                        e: {
                          type: 'array',
                          items: {
                            anyOf: [
                              { type: 'object', properties: { x: { type: 'string' } } },
                              { type: 'object', properties: { y: { type: 'string' } } },
                            ],
                          },
                        },
                      },
                    },
                  },
                },
              },
              '204': {},
            },
          },
        },
      },
    });
    assert.match(text, /params: \{\nid: string;\n\}/);
    assert.match(text, /query: \{\nlimit\?: number;\n\}/);
    assert.match(text, /a: string \| null;/);
    assert.match(text, /b: "x" \| "y";/);
    assert.match(text, /c: Record<string, boolean>;/);
    assert.match(text, /d\?: \(string \| number\)\[\];/);
    assert.match(text, /e\?: \(\{\nx\?: string;\n\} \| \{\ny\?: string;\n\}\)\[\];/);
    assert.match(text, /204: undefined;/);
  });
});
