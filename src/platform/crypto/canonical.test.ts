import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalJson } from './canonical.ts';
import { CryptoError } from './errors.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth and emits no whitespace', () => {
    const a = { b: 2, a: { y: [3, { d: 1, c: 2 }], x: null }, c: '中文' };
    const b = { c: '中文', a: { x: null, y: [3, { c: 2, d: 1 }] }, b: 2 };
    assert.equal(canonicalJson(a), '{"a":{"x":null,"y":[3,{"c":2,"d":1}]},"b":2,"c":"中文"}');
    assert.equal(canonicalJson(a), canonicalJson(b));
  });

  it('keeps array order (arrays are not sets)', () => {
    assert.notEqual(canonicalJson([1, 2]), canonicalJson([2, 1]));
  });

  it('matches the RFC 8785 (JCS) example of section 3.2.3', () => {
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],' +
        '"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    );
    assert.equal(
      canonicalJson(input),
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units', () => {
    assert.equal(
      canonicalJson({ '\u{1F600}': 1, '\uFB33': 2, a: 3, B: 4 }),
      '{"B":4,"a":3,"\u{1F600}":1,"\uFB33":2}', // U+D83D (surrogate) sorts before U+FB33
    );
  });

  it('treats undefined like JSON (omitted member, null array item) and serialises Dates via toJSON', () => {
    assert.equal(canonicalJson({ a: undefined, b: 1 }), '{"b":1}');
    // biome-ignore lint/suspicious/noSparseArray: sparse arrays must serialise like JSON
    assert.equal(canonicalJson([undefined, , 1]), '[null,null,1]');
    assert.equal(
      canonicalJson({ at: new Date('2025-06-14T08:00:00Z') }),
      '{"at":"2025-06-14T08:00:00.000Z"}',
    );
    assert.equal(canonicalJson(Object.assign(Object.create(null), { z: 1, y: 2 })), '{"y":2,"z":1}');
  });

  it('refuses values a signature must not silently lose', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const bad: unknown[] = [
      undefined,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      10n,
      () => 1,
      Symbol('s'),
      new Map([[1, 2]]),
      new Set([1]),
      cyclic,
      { nested: [Number.NaN] },
    ];
    for (const value of bad) {
      assert.throws(
        () => canonicalJson(value),
        (e: unknown) => e instanceof CryptoError && e.code === 'CANONICAL_JSON_UNSUPPORTED',
      );
    }
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { x: 1 };
    assert.equal(canonicalJson({ a: shared, b: shared }), '{"a":{"x":1},"b":{"x":1}}');
  });
});
