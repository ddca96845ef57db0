/**
 * JC (晋城市城区) problems and rectification on a stored project (JC-05-7): the district authority
 * orders the 项目实施单位 to rectify within a time limit; the department cannot order itself; a
 * refusal (拒不整改) sets the facts that close the funds gate, citing JC-05-7.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  approvedPlanEntry,
  draftProject,
  expectStatus,
  Sessions,
  setupProjects,
  uploadMissing,
} from '../../factories/projects.ts';
import type { TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let sessions: Sessions;
before(async () => {
  ctx = await setupProjects();
  sessions = new Sessions(ctx);
});
after(async () => {
  await ctx.close();
});

describe('JC: problems and rectification', () => {
  test('JC-05-7 a refused rectification order closes the funds gate of a stored project', async () => {
    const entryId = await approvedPlanEntry(sessions, 'jc.reviewer', 'jc.gov', '城区教育局', '教育资源平台');
    const staff = await sessions.as('jc.staff');
    const { id } = await draftProject(staff, {
      name: '城区教育资源平台项目',
      planEntryId: entryId,
      budgetByYear: [],
      declarations: {
        interoperable: true,
        isStandaloneBigData: false,
        higherLevelCoBuild: false,
        inDistrictBudget: true,
      },
    });
    await uploadMissing(staff, id);
    expectStatus(await staff.request('POST', `/api/projects/${id}/submit`), 200, 'submit');
    const url = `/api/projects/${id}/rectifications`;
    const order = { problemKind: 'approval_violation', description: '未按过审方案建设', workingDays: 10 };
    expectStatus(await staff.request('POST', url, order), 403, 'the department orders itself');
    const reviewer = await sessions.as('jc.reviewer');
    const ordered = await reviewer.request('POST', url, order);
    expectStatus(ordered, 201, 'order');
    const duty = (await staff.request('GET', `/api/obligations?projectId=${id}&kind=rectification`)).json();
    assert.equal(duty.total, 1);
    assert.deepEqual(duty.items[0].articles, ['JC-05-7']);
    const gate = (g: { gateId: string }) => g.gateId === 'jc.gate.rectification';
    assert.equal((await staff.request('GET', url)).json().fundsGates.find(gate).passed, true);
    expectStatus(
      await reviewer.request('POST', `${url}/${ordered.json().id}/decision`, {
        outcome: 'refused',
        note: '限期内拒不整改',
        version: 1,
      }),
      200,
      'refused',
    );
    const view = (await staff.request('GET', url)).json();
    assert.equal(view.items[0].state, 'refused');
    const closed = view.fundsGates.find(gate);
    assert.equal(closed.passed, false);
    assert.equal(closed.article, 'JC-05-7');
  });
});
