/**
 * Expert identities per project at rest (SECURITY.md 30, issue 9 item 11): the assignment row holds
 * the expert's user id only as an SM4 envelope plus a blind index; the expert still sees, and gives
 * a signed opinion on, the assigned project through indexed lookups; another expert does not; and
 * rows written before migration 0014 (plaintext user_id) are encrypted by the start-up pass.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { isEnvelope } from '../../../src/platform/crypto/sm4.ts';
import { queryRows } from '../../../src/platform/db/client.ts';
import { encryptLegacyExpertIdentities, expertIndex } from '../../../src/review/index.ts';
import {
  approvedPlanEntry,
  catalogSystem,
  draftProject,
  EXTRA_PASSWORD,
  expectStatus,
  extraUser,
  organisationId,
  Sessions,
  setupProjects,
  uploadMissing,
} from '../../factories/projects.ts';
import type { TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let sessions: Sessions;

interface RawAssignment {
  id: string;
  project_id: string;
  user_id: string | null;
  user_enc: string | null;
  user_index: string | null;
}

const rawRows = (projectId: string) =>
  queryRows<RawAssignment>(
    ctx.database.db,
    sql`select id, project_id, user_id, user_enc, user_index from project_expert_assignments where project_id = ${projectId}`,
  );

/** A submitted, planned DT project of 大同市教育局 waiting for the review. */
async function submittedProject(name: string): Promise<string> {
  const entryId = await approvedPlanEntry(sessions, 'dt.reviewer', 'dt.gov', '大同市教育局', name);
  const staff = await sessions.as('dt.staff');
  const systemId = await catalogSystem(ctx, staff, 'DT', '大同市教育局');
  const { id } = await draftProject(staff, {
    name,
    planEntryId: entryId,
    systems: [{ systemId, name: null, relation: 'changes' }],
  });
  await uploadMissing(staff, id);
  expectStatus(await staff.request('POST', `/api/projects/${id}/submit`), 200, 'submit');
  return id;
}

const visibleIds = async (username: string, password?: string) =>
  (await (await sessions.as(username, password)).request('GET', '/api/projects'))
    .json()
    .items.map((p: { id: string }) => p.id);

before(async () => {
  ctx = await setupProjects();
  sessions = new Sessions(ctx);
});
after(async () => {
  await ctx.close();
});

describe('expert identities (SECURITY.md 30)', () => {
  test('SECURITY-30 an expert assignment is stored as an SM4 envelope with a blind index; the expert sees and scores the project, another expert does not', async () => {
    const projectId = await submittedProject('专家身份加密验证项目');
    const reviewer = await sessions.as('dt.reviewer');
    const expert = await sessions.as('dt.expert');
    const other = await extraUser(ctx, sessions, 'expert', '大同市政务信息化专家咨询委员会');
    expectStatus(
      await reviewer.request('POST', '/api/experts', {
        userId: expert.userId,
        fields: ['information_systems'],
        employerOrganisationId: await organisationId(reviewer, '大同市政务信息化专家咨询委员会'),
        title: '教授',
      }),
      201,
      'pool',
    );
    expectStatus(
      await reviewer.request('POST', `/api/projects/${projectId}/experts`, {
        userId: expert.userId,
        kind: 'expert',
        field: 'information_systems',
      }),
      201,
      'assign',
    );

    const [row] = await rawRows(projectId);
    assert.equal(row.user_id, null, 'no plaintext user id');
    assert.ok(isEnvelope(row.user_enc));
    assert.match(row.user_index ?? '', /^[0-9a-f]{64}$/);
    assert.equal(row.user_index, expertIndex(ctx.keyring, expert.userId));
    assert.ok(!JSON.stringify(row).replace(row.project_id, '').includes(expert.userId));
    // The project's history names the expert only inside an envelope; the authority's timeline opens it.
    const actions = await queryRows<{ details: string }>(
      ctx.database.db,
      sql`select details::text as details from project_actions where project_id = ${projectId} and kind = 'expert_assigned'`,
    );
    assert.equal(actions.length, 1);
    assert.ok(!actions[0].details.includes(expert.userId), 'no plaintext user id in the action');
    const timeline = (await reviewer.request('GET', `/api/projects/${projectId}/timeline`)).json().items as {
      kind: string;
      details: { userId?: string } | null;
    }[];
    const assigned = timeline.find((t) => t.kind === 'expert_assigned');
    assert.equal(assigned?.details?.userId, expert.userId, 'the oversight sees who was assigned');
    // The database refuses a row that carries the plaintext next to the envelope.
    await assert.rejects(
      ctx.database.db.execute(
        sql`update project_expert_assignments set user_id = ${expert.userId} where id = ${row.id}`,
      ),
    );

    // A second assignment of the same expert is found through the index.
    const again = await reviewer.request('POST', `/api/projects/${projectId}/experts`, {
      userId: expert.userId,
      kind: 'expert',
      field: 'information_systems',
    });
    expectStatus(again, 409, 'duplicate');
    assert.equal(again.json().code, 'ALREADY_ASSIGNED');

    assert.deepEqual(await visibleIds('dt.expert'), [projectId]);
    expectStatus(await expert.request('GET', `/api/projects/${projectId}`), 200, 'expert reads');
    const tasks = (await expert.request('GET', '/api/tasks')).json().items;
    assert.ok(
      tasks.some(
        (t: { kind: string; projectId: string }) => t.kind === 'expert_opinion' && t.projectId === projectId,
      ),
    );
    const opinion = await expert.request('POST', `/api/projects/${projectId}/expert-opinion`, {
      opinion: '方案可行',
      conclusion: 'agree',
    });
    expectStatus(opinion, 200, 'opinion');
    const own = opinion.json().items;
    assert.equal(own.length, 1);
    assert.equal(own[0].userId, expert.userId);
    assert.equal(own[0].verified, true);

    const list = (await reviewer.request('GET', `/api/projects/${projectId}/experts`)).json().items;
    assert.equal(list.length, 1);
    assert.equal(list[0].userId, expert.userId);
    assert.equal(list[0].name, '吴教授（专家咨询委员会）');
    assert.equal(list[0].verified, true);

    assert.deepEqual(await visibleIds(other.username, EXTRA_PASSWORD), []);
    const stranger = await sessions.as(other.username, EXTRA_PASSWORD);
    expectStatus(await stranger.request('GET', `/api/projects/${projectId}`), 404, 'other expert reads');
    expectStatus(
      await stranger.request('POST', `/api/projects/${projectId}/expert-opinion`, {
        opinion: '冒名意见',
        conclusion: 'agree',
      }),
      404,
      'other expert opinion',
    );
  });

  test('SECURITY-30 a plaintext assignment written before migration 0014 is encrypted by the start-up pass, once', async () => {
    const projectId = await submittedProject('存量专家指派加密项目');
    const reviewer = await sessions.as('dt.reviewer');
    const legacy = await extraUser(ctx, sessions, 'expert', '大同市政务信息化专家咨询委员会');
    await ctx.database.db.execute(sql`insert into project_expert_assignments
      (project_id, user_id, kind, field, assigned_by, assigned_at)
      values (${projectId}, ${legacy.userId}, 'expert', null, ${reviewer.userId}, now())`);
    assert.equal((await rawRows(projectId))[0].user_id, legacy.userId);

    assert.equal(await encryptLegacyExpertIdentities(ctx.deps, ctx.keyring), 1);
    const [row] = await rawRows(projectId);
    assert.equal(row.user_id, null);
    assert.ok(isEnvelope(row.user_enc));
    assert.equal(row.user_index, expertIndex(ctx.keyring, legacy.userId));
    assert.deepEqual(await visibleIds(legacy.username, EXTRA_PASSWORD), [projectId]);
    const list = (await reviewer.request('GET', `/api/projects/${projectId}/experts`)).json().items;
    assert.deepEqual(
      list.map((a: { userId: string }) => a.userId),
      [legacy.userId],
    );

    assert.equal(await encryptLegacyExpertIdentities(ctx.deps, ctx.keyring), 0, 'idempotent');
    const audited = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from audit_events where action = 'review.expert_identity_encrypt'`,
    );
    assert.equal(audited[0].n, 1);
  });
});
