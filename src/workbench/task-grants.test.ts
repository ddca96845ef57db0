/**
 * 待办's grants (task-grants.ts) say exactly what actingRoles (src/projects/actors.ts) says project by project:
 * for every demo organisation and role, every rulebook, every jurisdiction and owner, a step is
 * granted if and only if the role may act on it for that project — the SQL of 待办 joins with the
 * grants instead of asking actingRoles per row (issue 11).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { demoDirectory } from '../../test/support/demo-directory.ts';
import { ROLE_CODES } from '../platform/vocabulary.ts';
import { actingRoles, bindAll, reviewStep, stepInfo, stepsOf, type WorkflowEnv } from '../projects/index.ts';
import { BUILT_IN_RULEBOOKS, createRegistry, getRulebook } from '../rules/index.ts';
import { taskGrants, taskKindOf } from './task-grants.ts';

const directory = demoDirectory();
const registry = createRegistry(BUILT_IN_RULEBOOKS);
const env = { catalog: { registry } } as unknown as WorkflowEnv;

describe('待办 grants', () => {
  test('a step is granted exactly when the role may act on it for the project (every demo body and role)', () => {
    let granted = 0;
    let refused = 0;
    for (const org of directory.organisations) {
      for (const role of ROLE_CODES) {
        const assignment = { role, organisationId: org.id, jurisdictionId: org.jurisdictionId };
        const grants = taskGrants(env, directory, [assignment]);
        for (const summary of registry.list()) {
          const rulebook = registry.get(summary.id, summary.version);
          const steps = stepsOf(rulebook).filter(
            (s) => s.step.actor.role === role && stepInfo(rulebook, s.step.id) === s,
          );
          if (steps.length === 0) continue;
          for (const j of directory.jurisdictions) {
            const bindings = bindAll(rulebook, j.id, directory);
            const departments = directory.organisations.filter(
              (o) => o.jurisdictionId === j.id && o.kind === 'department',
            );
            for (const owner of [org, ...departments.slice(0, 2)]) {
              const parties = { jurisdictionId: j.id, ownerOrganisationId: owner.id, coBuilderIds: [] };
              for (const { step } of steps) {
                const expected = actingRoles([assignment], rulebook, step, parties, bindings).length > 0;
                const same = (g: { code: string; version: number; stepId: string }) =>
                  g.code === rulebook.id && g.version === rulebook.version && g.stepId === step.id;
                const actual =
                  grants.owner.some((g) => g.scope === owner.id && same(g)) ||
                  grants.bound.some((g) => g.scope === j.id && same(g));
                assert.equal(
                  actual,
                  expected,
                  `${org.name} ${role} ${rulebook.id} ${j.id} ${owner.name} ${step.id}`,
                );
                if (expected) granted++;
                else refused++;
              }
            }
          }
        }
      }
    }
    // Both answers occur many times (the comparison is not vacuous).
    assert.ok(granted > 100 && refused > 100, `${granted} granted, ${refused} refused`);
  });

  test('nobody is granted a step of a contractor or evaluator (assigned, not bound)', () => {
    for (const summary of registry.list()) {
      const rulebook = registry.get(summary.id, summary.version);
      const assigned = new Set(
        rulebook.organisations.filter((o) => o.generic && o.kind !== 'department').map((o) => o.key),
      );
      for (const org of directory.organisations) {
        const grants = taskGrants(
          env,
          directory,
          ROLE_CODES.map((role) => ({ role, organisationId: org.id, jurisdictionId: org.jurisdictionId })),
        );
        for (const g of [...grants.owner, ...grants.bound]) {
          if (g.code !== rulebook.id || g.version !== rulebook.version) continue;
          const step = stepInfo(rulebook, g.stepId)?.step;
          assert.ok(step && !assigned.has(step.actor.org), `${org.name} ${g.stepId}`);
        }
      }
    }
  });

  test('the review step, the deadlines of granted steps and the task kinds', () => {
    const dt = getRulebook('DT');
    const reviewer = taskGrants(env, directory, [
      { role: 'authority_reviewer', organisationId: '大同市数字政府服务中心', jurisdictionId: 'DT' },
    ]);
    const review = reviewStep(dt);
    assert.ok(review);
    assert.ok(reviewer.reviews.some((r) => r.code === 'DT' && r.stepId === review.id));
    const reviewGrant = reviewer.bound.find((g) => g.code === 'DT' && g.stepId === review.id);
    assert.equal(reviewGrant?.kind, 'review');
    assert.equal(reviewGrant?.scope, 'DT');
    // Only deadlines of steps the caller is granted (or the review step) count towards overdue.
    const mine = new Set([...reviewer.bound.map((g) => `${g.code}@${g.stepId}`), `DT@${review.id}`]);
    for (const d of reviewer.deadlines)
      assert.ok(mine.has(`${d.code}@${d.stepId}`) || d.stepId === review.id);
    const info = stepInfo(dt, review.id);
    assert.ok(info);
    assert.equal(taskKindOf(dt, info), 'review');
    const applicant = stepsOf(dt).find((s) => s.stage === 'application');
    assert.ok(applicant);
    assert.equal(taskKindOf(dt, applicant), 'application');
  });
});
