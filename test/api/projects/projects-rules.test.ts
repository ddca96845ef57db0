/**
 * Rule fidelity on stored projects (issue 10): what each text says and no more — the project model
 * of DT 第三条, the 非涉密 scope of SC/JC/XZ, and the application fields each text demands.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  applicationBody,
  decide,
  draftProject,
  expectStatus,
  openStepIds,
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

describe('DT 第三条: the project model', () => {
  test('DT-03a/DT-03b/DT-03c every project type, category and funding mode of 第三条 is stored and named; others are refused', async () => {
    const staff = await sessions.as('dt.staff');
    const cases = [
      ['new', '新建', 'application_system', 'government_investment'],
      ['expansion', '扩建', 'network_infrastructure', 'joint_construction'],
      ['upgrade', '升级改造', 'data_resource', 'purchase_of_services'],
      ['maintenance', '运行维护', 'information_security', 'funded_om'],
    ] as const;
    for (const [type, typeName, category, fundingMode] of cases) {
      const { id } = await draftProject(staff, { name: `第三条${type}项目`, type, category, fundingMode });
      const detail = (await staff.request('GET', `/api/projects/${id}`)).json();
      assert.deepEqual([detail.type, detail.category, detail.fundingMode], [type, category, fundingMode]);
      assert.equal(detail.typeName, typeName);
      assert.ok(detail.categoryName.length > 0 && detail.fundingModeName.length > 0);
    }
    for (const field of ['type', 'category', 'fundingMode']) {
      const res = await staff.request('POST', '/api/projects', applicationBody({ [field]: 'other' }));
      expectStatus(res, 400, field);
    }
  });
});

describe('scope: 非涉密 projects only (SC 第二条, JC 三, XZ 第三条)', () => {
  test('SC-02/JC-03/XZ-02 a classified project is refused in SC, JC and XZ with the article and where to go instead; DT has no such limit', async () => {
    for (const [user, article] of [
      ['sc.staff', 'SC-02'],
      ['jc.staff', 'JC-03'],
      ['xz.staff', 'XZ-02'],
    ] as const) {
      const staff = await sessions.as(user);
      const res = await staff.request('POST', '/api/projects', applicationBody({ classified: true }));
      expectStatus(res, 422, user);
      assert.equal(res.json().code, 'PROJECT_CLASSIFIED');
      assert.equal(res.json().article, article);
      assert.equal(res.json().field, 'classified');
      assert.match(res.json().message, /非涉密/);
      assert.match(res.json().message, /保密/);
    }
    // A draft cannot be turned classified later either.
    const sc = await sessions.as('sc.staff');
    const { id, body } = await draftProject(sc, { classified: false });
    const patched = await sc.request('PATCH', `/api/projects/${id}`, {
      classified: true,
      version: body.version,
    });
    expectStatus(patched, 422, 'patch');
    assert.equal(patched.json().article, 'SC-02');
    assert.equal((await sc.request('GET', `/api/projects/${id}`)).json().classified, false);

    // DT 第二条/第三条 do not limit the scope to non-classified projects: the flag is recorded.
    const dt = await sessions.as('dt.staff');
    const { id: dtId } = await draftProject(dt, { classified: true });
    assert.equal((await dt.request('GET', `/api/projects/${dtId}`)).json().classified, true);
  });
});

describe('fields demanded at submission, per text', () => {
  test('SC-15/JC-05-4 a named 项目责任人 is demanded in SC and JC; DT and XZ texts do not demand one', async () => {
    const sc = await sessions.as('sc.staff');
    const { id: scId } = await draftProject(sc, { projectOwner: null });
    await uploadMissing(sc, scId);
    const scRes = await sc.request('POST', `/api/projects/${scId}/submit`);
    expectStatus(scRes, 400, 'sc');
    assert.equal(scRes.json().code, 'PROJECT_OWNER_REQUIRED');
    assert.equal(scRes.json().article, 'SC-15');
    assert.equal(scRes.json().field, 'projectOwner');

    const jc = await sessions.as('jc.staff');
    const { id: jcId } = await draftProject(jc, { projectOwner: null, budgetByYear: [] });
    await uploadMissing(jc, jcId);
    const jcRes = await jc.request('POST', `/api/projects/${jcId}/submit`);
    expectStatus(jcRes, 400, 'jc');
    assert.equal(jcRes.json().article, 'JC-05-4');
    assert.equal(
      (await jc.request('GET', `/api/projects/${jcId}`)).json().requiredFields.join(),
      'projectOwner',
    );

    const dt = await sessions.as('dt.staff');
    const { id: dtId } = await draftProject(dt, { projectOwner: null });
    await uploadMissing(dt, dtId);
    const dtRes = await dt.request('POST', `/api/projects/${dtId}/submit`);
    expectStatus(dtRes, 200, 'dt');
    assert.equal(dtRes.json().projectOwner, null);

    const xz = await sessions.as('xz.staff');
    const { id: xzId } = await draftProject(xz, { projectOwner: null });
    await uploadMissing(xz, xzId);
    expectStatus(
      await (await sessions.as('xz.dcstaff')).request('POST', `/api/projects/${xzId}/submit`),
      200,
      'xz',
    );
  });

  test('JC-05-4 绩效目标 are optional in JC (no review weighs them); DT-09b demands them where the review does', async () => {
    const jc = await sessions.as('jc.staff');
    const { id: jcId } = await draftProject(jc, { performanceTargets: [], budgetByYear: [] });
    await uploadMissing(jc, jcId);
    expectStatus(await jc.request('POST', `/api/projects/${jcId}/submit`), 200, 'jc');

    const dt = await sessions.as('dt.staff');
    const { id: dtId } = await draftProject(dt, { performanceTargets: [] });
    await uploadMissing(dt, dtId);
    const dtRes = await dt.request('POST', `/api/projects/${dtId}/submit`);
    expectStatus(dtRes, 400, 'dt');
    assert.equal(dtRes.json().code, 'TARGETS_REQUIRED');
    assert.equal(dtRes.json().article, 'DT-09b');
  });
});

describe('catalog rules come from the jurisdiction’s rulebook', () => {
  const system = (name: string, extra: Record<string, unknown> = {}) => ({
    name,
    purpose: '支撑业务办理与统计分析',
    status: 'in_operation',
    deployment: 'city_cloud',
    networks: ['extranet'],
    mlpsLevel: 2,
    projectRefs: [],
    resourceCodes: [],
    sharedOnPlatform: true,
    sharedResourceCount: 2,
    cloudMigration: 'migrated',
    cloudMigrationDate: '2024-06-30',
    ...extra,
  });
  const problemsOf = (body: { problems?: { field: string; article?: string; message: string }[] }) =>
    (body.problems ?? []).map((p) => `${p.field} ${p.article ?? ''}`);

  test('XZ-28/XZ-10b/SC-11c/DT-12d the 已上云 clouds, the off-cloud ground and the body that consents to a 专网 differ per jurisdiction', async () => {
    const xz = await sessions.as('xz.staff');
    const district = await xz.request(
      'POST',
      '/api/catalog/systems',
      system('公路巡检区级云系统', { deployment: 'district_cloud' }),
    );
    expectStatus(district, 400, 'xz district cloud');
    assert.deepEqual(problemsOf(district.json()), ['cloudMigration XZ-28']);
    const exempt = await xz.request(
      'POST',
      '/api/catalog/systems',
      system('公路巡检机房系统', {
        deployment: 'own_machine_room',
        cloudMigration: 'exempt',
        cloudMigrationDate: undefined,
      }),
    );
    expectStatus(exempt, 400, 'xz exempt');
    assert.deepEqual(problemsOf(exempt.json()), ['cloudExemptionReason XZ-28']);
    const xzNetwork = await xz.request(
      'POST',
      '/api/catalog/systems',
      system('公路专网系统', { networks: ['dedicated'] }),
    );
    expectStatus(xzNetwork, 400, 'xz network');
    assert.match(xzNetwork.json().message, /经市政务信息管理局并经市政府同意/);
    assert.equal(xzNetwork.json().article, 'XZ-10b');

    const sc = await sessions.as('sc.staff');
    const scNetwork = await sc.request(
      'POST',
      '/api/catalog/systems',
      system('教育专网系统', { networks: ['dedicated'] }),
    );
    expectStatus(scNetwork, 400, 'sc network');
    assert.match(scNetwork.json().message, /经区人民政府同意/);
    assert.equal(scNetwork.json().article, 'SC-11c');
    for (const [name, extra] of [
      ['教育区级云系统', { deployment: 'district_cloud' }],
      [
        '教育机房系统',
        { deployment: 'own_machine_room', cloudMigration: 'exempt', cloudMigrationDate: undefined },
      ],
    ] as const) {
      expectStatus(await sc.request('POST', '/api/catalog/systems', system(name, extra)), 201, name);
    }

    const jc = await sessions.as('jc.staff');
    expectStatus(
      await jc.request(
        'POST',
        '/api/catalog/systems',
        system('城区教育专网系统', { networks: ['dedicated'] }),
      ),
      201,
      'jc network: the JC text sets no 专网 rule',
    );
  });
});

describe('SC 第十四条: nationally or provincially funded projects are 记录在案', () => {
  test('SC-14 a project funded by the nation or province is recorded by the district authority after its upward application, without district 立项', async () => {
    const staff = await sessions.as('sc.staff');
    const { id } = await draftProject(staff, {
      name: '国家教育数字化战略行动试点项目',
      declarations: { interoperable: true, onExtranet: true, onCloud: true, higherLevelFunded: true },
    });
    const draft = (await staff.request('GET', `/api/projects/${id}`)).json();
    const upward = draft.applicationMaterials.find((m: { code: string }) => m.code === 'upward_application');
    assert.equal(upward?.required, true, 'the upward application documents are asked for');
    await uploadMissing(staff, id);
    const submitted = await staff.request('POST', `/api/projects/${id}/submit`);
    expectStatus(submitted, 200, 'submit');
    assert.deepEqual(openStepIds(submitted.json()), ['sc.review.record']);

    const reviewer = await sessions.as('sc.reviewer');
    const recorded = await decide(reviewer, id, 'sc.review.record', { opinion: '项目资料已报送，记录在案' });
    expectStatus(recorded, 200, 'record');
    assert.equal(recorded.json().state, 'recorded');
    assert.equal(recorded.json().stateName, '已记录在案');
    assert.deepEqual(openStepIds(recorded.json()), []);
    const steps = recorded.json().workflow.steps as { stepId: string; status: string }[];
    assert.equal(steps.find((s) => s.stepId === 'sc.filing_approval.establishment')?.status, 'not_reached');
    const approver = await sessions.as('sc.approver');
    const establish = await decide(approver, id, 'sc.filing_approval.establishment', { opinion: '批准立项' });
    assert.ok([409, 422].includes(establish.statusCode), `no district 立项: ${establish.body}`);
    assert.equal((await staff.request('GET', `/api/projects/${id}`)).json().state, 'recorded');

    // A district-funded project passes the record step by: the ordinary chain applies.
    const { id: other } = await draftProject(staff, { name: '区级教育资源平台项目' });
    await uploadMissing(staff, other);
    const normal = await staff.request('POST', `/api/projects/${other}/submit`);
    expectStatus(normal, 200, 'normal submit');
    const normalSteps = normal.json().workflow.steps as { stepId: string; status: string }[];
    assert.equal(normalSteps.find((s) => s.stepId === 'sc.review.record')?.status, 'skipped');
    assert.notDeepEqual(openStepIds(normal.json()), ['sc.review.record']);
  });
});
