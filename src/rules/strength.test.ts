/**
 * Gate strength (issue 13): every gate of the four rulebooks says whether its article is absolute
 * or softened, and the softened ones are exactly those whose wording allows an exception
 * ("一般", "原则上"). Only a softened gate can be overridden.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUILT_IN_RULEBOOKS, getRulebook, loadRulebook, overridable } from './index.ts';

const SOFTENED_WORDING = /原则上|一般不予/;

test('every built-in gate states its strength, softened exactly where the text says 一般 or 原则上', () => {
  for (const rulebook of BUILT_IN_RULEBOOKS) {
    for (const gate of rulebook.gates) {
      assert.ok(gate.strength, `${gate.id} states absolute or softened`);
      const expected = SOFTENED_WORDING.test(gate.reason) ? 'softened' : 'absolute';
      assert.equal(gate.strength, expected, `${gate.id}: ${gate.reason}`);
    }
  }
});

test('no disbursement gate of the four texts is softened: 不得拨付 / 不再拨付 / 暂停拨付 are absolute', () => {
  for (const rulebook of BUILT_IN_RULEBOOKS) {
    for (const gate of rulebook.gates) {
      if (gate.actions.some((a) => a === 'disburse_construction' || a === 'disburse_om'))
        assert.equal(gate.strength, 'absolute', gate.id);
    }
  }
});

test('overridable: only softened results; a gate without strength reads as absolute', () => {
  assert.equal(overridable({ strength: 'softened' }), true);
  assert.equal(overridable({ strength: 'absolute' }), false);
  const dt = getRulebook('DT');
  const copy = structuredClone(dt);
  delete copy.gates[0].strength;
  const loaded = loadRulebook(JSON.parse(JSON.stringify(copy)));
  assert.equal(loaded.gates[0].strength, undefined);
  assert.throws(() =>
    loadRulebook(JSON.parse(JSON.stringify({ ...dt, gates: [{ ...dt.gates[0], strength: 'maybe' }] }))),
  );
});

test('a derived rulebook may state a gate’s strength where its text differs (DT-37)', async () => {
  const { deriveRulebook } = await import('./index.ts');
  const base = getRulebook('DT');
  const meta = { jurisdictionCode: '140221', name: '测试县规则集', version: 1, effectiveFrom: '2026-01-01' };
  const derived = deriveRulebook(
    base,
    [{ op: 'set_gate_strength', gateId: 'dt.gate.sharing_om', strength: 'softened' }],
    meta,
  );
  assert.equal(derived.gates.find((g) => g.id === 'dt.gate.sharing_om')?.strength, 'softened');
  assert.equal(base.gates.find((g) => g.id === 'dt.gate.sharing_om')?.strength, 'absolute');
  assert.throws(() =>
    deriveRulebook(base, [{ op: 'set_gate_strength', gateId: 'dt.gate.none', strength: 'softened' }], meta),
  );
});
