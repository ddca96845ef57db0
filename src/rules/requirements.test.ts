/**
 * Every requirement id a rulebook cites must exist in requirements.tsv, with the same document and
 * article. The test reads the file (tests may do I/O; src/rules may not).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BUILT_IN_RULEBOOKS } from './index.ts';
import type { Predicate, Rulebook } from './model.ts';

const CANDIDATES = ['../../docs/requirements.tsv', '../../../shared/spec/requirements.tsv'].map((p) =>
  fileURLToPath(new URL(p, import.meta.url)),
);

interface Requirement {
  doc: string;
  article: string;
}

function readRequirements(): Map<string, Requirement> {
  const path = CANDIDATES.find((p) => existsSync(p));
  assert.ok(path, `requirements.tsv not found in ${CANDIDATES.join(' or ')}`);
  const rows = readFileSync(path, 'utf8').trim().split('\n').slice(1);
  return new Map(
    rows.map((line) => {
      const [id, doc, article] = line.split('\t');
      return [id, { doc, article }];
    }),
  );
}

/** Every (where, id) citation in a rulebook. */
function citations(rb: Rulebook): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const cite = (where: string, ids: readonly string[]) => {
    for (const id of ids) out.push([where, id]);
  };
  for (const o of rb.organisations) {
    cite(`org ${o.key}`, o.articles);
    for (const t of o.terms) cite(`org ${o.key} term ${t.term}`, t.articles);
  }
  for (const r of rb.roles) cite(`role ${r.code}`, r.articles);
  for (const step of rb.workflow.stages.flatMap((s) => s.steps)) {
    cite(`step ${step.id}`, step.articles);
    for (const m of step.materials) cite(`material ${step.id}/${m.code}`, m.articles);
  }
  for (const d of rb.deadlines) {
    cite(`deadline ${d.id}`, d.articles);
    if (d.extension) cite(`deadline ${d.id} extension`, d.extension.articles);
  }
  for (const g of rb.gates) cite(`gate ${g.id}`, g.articles);
  return out;
}

function predicates(rb: Rulebook): Predicate[] {
  const steps = rb.workflow.stages.flatMap((s) => s.steps);
  return [
    ...steps.flatMap((s) => (s.condition ? [s.condition] : [])),
    ...steps.flatMap((s) => s.materials.flatMap((m) => (m.condition ? [m.condition] : []))),
    ...rb.gates.flatMap((g) => (g.appliesWhen ? [g.appliesWhen, g.passWhen] : [g.passWhen])),
  ];
}

describe('requirement ids', () => {
  const requirements = readRequirements();

  test('every requirement id cited by a rulebook exists in requirements.tsv and belongs to its document', () => {
    for (const rb of BUILT_IN_RULEBOOKS) {
      for (const [where, id] of citations(rb)) {
        const req = requirements.get(id);
        assert.ok(req, `${rb.id} ${where} cites ${id}, which is not in requirements.tsv`);
        assert.equal(req.doc, rb.id, `${rb.id} ${where} cites ${id} of another document`);
      }
    }
  });

  test('each rulebook article table matches requirements.tsv (id and article label) and is complete', () => {
    for (const rb of BUILT_IN_RULEBOOKS) {
      for (const a of rb.articles) {
        assert.equal(requirements.get(a.id)?.article, a.label, `${rb.id} ${a.id}`);
      }
      const expected = [...requirements].filter(([, r]) => r.doc === rb.id).map(([id]) => id);
      assert.deepEqual(
        rb.articles.map((a) => a.id),
        expected,
        rb.id,
      );
    }
  });

  test('every step, material, deadline and gate carries at least one id and a summary', () => {
    for (const rb of BUILT_IN_RULEBOOKS) {
      const rules = [
        ...rb.workflow.stages.flatMap((s) => s.steps),
        ...rb.workflow.stages.flatMap((s) => s.steps.flatMap((st) => st.materials)),
        ...rb.deadlines,
        ...rb.gates,
      ];
      for (const rule of rules) {
        assert.ok(rule.articles.length > 0, `${rb.id} ${JSON.stringify(rule).slice(0, 60)}`);
        assert.ok(rule.summary.trim().length > 0);
      }
    }
  });

  test('UI texts are Chinese: step, gate, material and deadline names, reasons and obligations', () => {
    const han = /\p{Script=Han}/u;
    for (const rb of BUILT_IN_RULEBOOKS) {
      const texts = [
        ...rb.workflow.stages.flatMap((s) => [
          s.name,
          ...s.steps.flatMap((st) => [st.name, ...st.outcomes.map((o) => o.name)]),
        ]),
        ...rb.workflow.stages.flatMap((s) => s.steps.flatMap((st) => st.materials.map((m) => m.name))),
        ...rb.gates.flatMap((g) => [g.name, g.reason]),
        ...rb.deadlines.flatMap((d) => [d.name, d.obligation, d.consequence.text]),
        ...rb.roles.map((r) => r.name),
        ...rb.organisations.map((o) => o.name),
      ];
      for (const t of texts) assert.ok(han.test(t), `${rb.id}: "${t}" is not Chinese`);
    }
  });

  test('conditions are data: every predicate of every rulebook survives JSON', () => {
    for (const rb of BUILT_IN_RULEBOOKS) {
      for (const p of predicates(rb)) assert.deepEqual(JSON.parse(JSON.stringify(p)), p);
    }
  });
});
