/**
 * Writes in a bounded number of SQL statements (issue 11, ARCHITECTURE-TARGET M8: a workflow
 * decision ≤ 25): a review decision, its 撤回 and a new application, counted at the driver for the
 * whole request (session check, snapshot stamps, row locks, rulebook evaluation, open steps,
 * obligations, notifications, audit row). Transaction statements are counted where the driver
 * exposes them (PGlite); on a pg pool a transaction runs on a checked-out client the counter does not
 * see, so there the bound is a weaker check.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  applicationBody,
  draftProject,
  expectStatus,
  Sessions,
  setupProjects,
  uploadMissing,
} from '../../factories/projects.ts';
import type { TestContext } from '../../support/helper.ts';
import { statementCounter } from '../../support/statement-counter.ts';

let ctx: TestContext;
let sessions: Sessions;
let count: ReturnType<typeof statementCounter>;

before(async () => {
  ctx = await setupProjects();
  sessions = new Sessions(ctx);
  count = statementCounter(ctx.database, () => ctx.app.auditCheckpoint.flush());
});
after(async () => {
  await ctx.close();
});

/** An application outside the plan, submitted: 前置审查 (DT-12b) is open, as in the benchmark's pool. */
async function submitted(name: string): Promise<string> {
  const staff = await sessions.as('dt.staff');
  const { id } = await draftProject(staff, { name });
  await uploadMissing(staff, id);
  const res = await staff.request('POST', `/api/projects/${id}/submit`);
  expectStatus(res, 200, 'submit');
  const open = res.json().workflow.openSteps.map((s: { stepId: string }) => s.stepId);
  assert.ok(open.includes('dt.review.pre_review'), open.join(', '));
  return id;
}

describe('statements per write', () => {
  test('a review decision and its 撤回 stay within 25 statements; a new application within 25', async () => {
    const id = await submitted('写入语句计数测试项目');
    const reviewer = await sessions.as('dt.reviewer');
    const decision = await count(() =>
      reviewer.request('POST', `/api/projects/${id}/steps/dt.review.pre_review/decision`, {
        outcome: 'pre_review_passed',
        opinion: '材料齐全，同意进入合理性审核',
      }),
    );
    const withdrawal = await count(() =>
      reviewer.request('POST', `/api/projects/${id}/withdraw`, { reason: '误操作，撤回重新审查' }),
    );
    const staff = await sessions.as('dt.staff');
    const create = await count(async () => {
      const res = await staff.request(
        'POST',
        '/api/projects',
        applicationBody({ name: '写入语句计数新申报' }),
      );
      expectStatus(res, 201, 'create');
      return { statusCode: 200 };
    });
    for (const [write, n] of Object.entries({ decision, withdrawal, create }))
      assert.ok(n <= 25, `${write}: ${n} statements`);
  });
});
