import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DomainError } from '../platform/errors.ts';
import { createRegistry, getRulebook, listRulebooks, rulebookForDate, rulebookVersionFor } from './index.ts';
import type { Rulebook } from './model.ts';

describe('rulebook registry', () => {
  test('the four built-in rulebooks are listed with their effective dates', () => {
    const list = listRulebooks();
    assert.deepEqual(
      list.map((r) => [r.id, r.version, r.effectiveFrom]),
      [
        ['DT', 1, '2022-02-20'],
        ['SC', 1, '2020-07-29'],
        ['JC', 1, '2022-07-12'],
        ['XZ', 1, '2022-05-16'],
      ],
    );
    assert.equal(getRulebook('XZ').regulation.docNumber, '忻交发〔2022〕81号');
  });

  test('an unknown rulebook, version or a date before it took effect is NOT_FOUND', () => {
    assert.throws(
      () => getRulebook('ZZ'),
      (e: unknown) => e instanceof DomainError && e.kind === 'not_found',
    );
    assert.throws(
      () => getRulebook('DT', 9),
      (e: unknown) => e instanceof DomainError && e.kind === 'not_found',
    );
    assert.throws(
      () => rulebookForDate('DT', '2022-02-19'),
      (e: unknown) => e instanceof DomainError && e.code === 'RULEBOOK_NOT_IN_FORCE',
    );
    assert.equal(rulebookForDate('DT', '2022-02-20').version, 1);
    assert.equal(rulebookVersionFor('JC', '2026-05-01'), 1);
  });

  test('DT-37 a new version applies from its effective date; earlier projects keep version 1', () => {
    const v1 = getRulebook('DT');
    const v2: Rulebook = { ...structuredClone(v1), version: 2, effectiveFrom: '2027-01-01' } as Rulebook;
    const registry = createRegistry([v1, v2]);
    assert.equal(registry.forDate('DT', '2026-12-31').version, 1);
    assert.equal(registry.forDate('DT', '2027-01-01').version, 2);
    assert.equal(registry.versionFor('DT', '2026-03-01'), 1);
    assert.equal(registry.get('DT').version, 2);
    assert.throws(
      () => createRegistry([v1, v1]),
      (e: unknown) => e instanceof DomainError && e.code === 'RULEBOOK_DUPLICATE',
    );
  });
});
