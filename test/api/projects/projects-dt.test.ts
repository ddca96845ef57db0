/**
 * DT (大同市): plan entry → application → 数字政府服务中心 five-dimension review (with a 退回 and a
 * resubmission whose diff the reviewer sees) → 备案 with the numbered, SM2-signed 合理性审查意见备案
 * 证明 → 市行政审批局 立项; 立项 before the certificate is refused with DT-09c; a system not in the
 * catalog stops the application with DT-11.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { docxDocumentXml, wordParagraphs } from '../../../src/platform/documents/test-support.ts';
import {
  applicationBody,
  approvedPlanEntry,
  catalogSystem,
  decide,
  draftProject,
  expectStatus,
  FIVE_OPINIONS,
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

describe('DT: from plan to 立项', () => {
  let projectId = '';
  let certificateId = '';

  // DT 第十一条 only requires the *project* to be entered in the platform; "systems listed in the
  // catalog first" is SC 第十条 / XZ 第八条. The old refusal here was wrong: in DT it is a warning.
  test('DT-09a/DT-11 an application naming a system that is not in the catalog is warned (全口径统一管理), not refused', async () => {
    const staff = await sessions.as('dt.staff');
    const { id } = await draftProject(staff, {
      name: '未列入目录系统的项目',
      systems: [{ systemId: null, name: '全新的教育大脑系统', relation: 'builds' }],
    });
    await uploadMissing(staff, id);
    const draft = (await staff.request('GET', `/api/projects/${id}`)).json();
    const register = draft.workflow.openSteps.find(
      (s: { stepId: string }) => s.stepId === 'dt.plan.register',
    );
    const warning = register.gates.find((g: { gateId: string }) => g.gateId === 'dt.gate.systems_catalog');
    assert.deepEqual([warning.passed, warning.severity, warning.article], [false, 'warn', 'DT-11']);
    const res = await staff.request('POST', `/api/projects/${id}/submit`);
    expectStatus(res, 200, 'submit');
    assert.equal(res.json().state, 'in_review');
    const entries = (await staff.request('GET', `/api/projects/${id}/timeline`)).json().items as {
      stepId: string | null;
      details: { warnings?: { gateId: string; article: string }[] } | null;
    }[];
    const registered = entries.find((a) => a.stepId === 'dt.plan.register');
    assert.deepEqual(
      registered?.details?.warnings?.map((w) => [w.gateId, w.article]),
      [['dt.gate.systems_catalog', 'DT-11']],
    );
  });

  test('DT-08/DT-09a/DT-09b/DT-09c a planned project walks from plan entry to 立项 through 数字政府服务中心 and 行政审批局', async () => {
    const entryId = await approvedPlanEntry(
      sessions,
      'dt.reviewer',
      'dt.gov',
      '大同市教育局',
      '智慧教育平台升级',
    );
    const staff = await sessions.as('dt.staff');
    const systemId = await catalogSystem(ctx, staff, 'DT', '大同市教育局');
    const { id, body } = await draftProject(staff, {
      planEntryId: entryId,
      systems: [{ systemId, name: null, relation: 'changes' }],
    });
    projectId = id;
    assert.equal(body.state, 'draft');
    assert.equal(body.planned, true);
    assert.match(String(body.code), /^DT-2026-\d{4}$/);

    // Submitting without the materials the rulebook asks for is refused with the article.
    const early = await staff.request('POST', `/api/projects/${id}/submit`);
    expectStatus(early, 422, 'early submit');
    assert.equal(early.json().code, 'MATERIALS_MISSING');
    assert.equal(early.json().article, 'DT-09a');

    await uploadMissing(staff, id);
    const submitted = await staff.request('POST', `/api/projects/${id}/submit`);
    expectStatus(submitted, 200, 'submit');
    assert.equal(submitted.json().state, 'in_review');
    assert.deepEqual(openStepIds(submitted.json()), ['dt.review.assessment']);

    // The reviewer scores the five dimensions and sends it back to the applicant.
    const reviewer = await sessions.as('dt.reviewer');
    expectStatus(
      await reviewer.request('PUT', `/api/projects/${id}/review`, { opinions: FIVE_OPINIONS }),
      200,
      'review',
    );
    const returned = await reviewer.request('POST', `/api/projects/${id}/steps/dt.review.assessment/return`, {
      to: 'applicant',
      reason: '请细化分年度预算',
    });
    expectStatus(returned, 200, 'return');
    assert.equal(returned.json().state, 'returned');

    // The applicant changes the budget and resubmits; the reviewer sees the change field by field.
    const current = (await staff.request('GET', `/api/projects/${id}`)).json();
    const updated = await staff.request('PATCH', `/api/projects/${id}`, {
      budgetByYear: [
        { year: 2026, amount: '600000' },
        { year: 2027, amount: '600000' },
      ],
      version: current.version,
    });
    expectStatus(updated, 200, 'update');
    const again = await staff.request('POST', `/api/projects/${id}/submit`);
    expectStatus(again, 200, 'resubmit');
    assert.deepEqual(openStepIds(again.json()), ['dt.review.assessment']);
    const diff = (await reviewer.request('GET', `/api/projects/${id}/submissions/2`)).json();
    assert.equal(diff.previousSeq, 1);
    const budgetChange = diff.changes.find((c: { path: string }) => c.path === 'budgetByYear[2026].amount');
    assert.ok(budgetChange, JSON.stringify(diff.changes));
    assert.equal(budgetChange.before, '700000.00');
    assert.equal(budgetChange.after, '600000.00');
    assert.match(budgetChange.label, /分年度预算/);

    expectStatus(
      await decide(reviewer, id, 'dt.review.assessment', { opinion: '五个方面论证完成' }),
      200,
      'assessment',
    );

    // 立项 before the filing certificate: refused by the gate, with its article.
    const approver = await sessions.as('dt.approver');
    const tooEarly = await decide(approver, id, 'dt.filing_approval.establishment');
    expectStatus(tooEarly, 422, 'early establishment');
    assert.equal(tooEarly.json().article, 'DT-09c');
    assert.match(tooEarly.json().message, /备案证明/);

    const leader = await sessions.as('dt.authlead');
    const filed = await decide(leader, id, 'dt.review.filing', { opinion: '予以备案' });
    expectStatus(filed, 200, 'filing');
    assert.equal(filed.json().state, 'in_approval');
    assert.equal(filed.json().certificates.length, 1);
    assert.equal(filed.json().certificates[0].verified, true);
    assert.match(filed.json().certificates[0].number, /^同数政备〔2026〕1号$/);
    certificateId = filed.json().certificates[0].id;

    const established = await decide(approver, id, 'dt.filing_approval.establishment', {
      opinion: '准予立项',
    });
    expectStatus(established, 200, 'establishment');
    assert.equal(established.json().state, 'established');

    const timeline = (await staff.request('GET', `/api/projects/${id}/timeline`)).json().items;
    const kinds = timeline.map((t: { kind: string }) => t.kind);
    assert.ok(kinds.includes('returned'));
    const decisions = timeline.filter(
      (t: { kind: string; signed: boolean }) => t.kind === 'step' && t.signed,
    );
    assert.ok(decisions.length >= 3);
    assert.ok(decisions.every((t: { verified: boolean }) => t.verified === true));
    assert.ok(timeline.some((t: { voided: boolean }) => t.voided));
  });

  test('DT-09b the filing certificate .docx carries the number, the date and the five opinions', async () => {
    const staff = await sessions.as('dt.staff');
    const res = await staff.request(
      'GET',
      `/api/projects/${projectId}/certificates/${certificateId}/download?format=docx`,
    );
    expectStatus(res, 200, 'download');
    assert.match(String(res.headers['content-disposition']), /^attachment;/);
    const text = wordParagraphs(docxDocumentXml(res.rawPayload)).join('\n');
    assert.match(text, /合理性审查意见备案证明/);
    assert.match(text, /同数政备〔2026〕1号/);
    assert.match(text, /大同市数字政府服务中心/);
    for (const label of ['需求合理性', '建设集约性', '方案可行性', '预算合理性', '绩效目标合理性']) {
      assert.match(text, new RegExp(label));
    }
    for (const o of Object.values(FIVE_OPINIONS)) assert.ok(text.includes(o.opinion), o.opinion);
    assert.match(text, /大同市行政审批服务管理局/);
  });

  test('DT-09b 不予备案 needs reasons, ends the chain and issues a signed refusal notice', async () => {
    const entryId = await approvedPlanEntry(
      sessions,
      'dt.reviewer',
      'dt.gov',
      '大同市教育局',
      '重复建设项目',
    );
    const staff = await sessions.as('dt.staff');
    const systemId = await catalogSystem(ctx, staff, 'DT', '大同市教育局');
    const { id } = await draftProject(staff, {
      planEntryId: entryId,
      systems: [{ systemId, name: null, relation: 'changes' }],
    });
    await uploadMissing(staff, id);
    expectStatus(await staff.request('POST', `/api/projects/${id}/submit`), 200, 'submit');
    const reviewer = await sessions.as('dt.reviewer');
    expectStatus(
      await reviewer.request('PUT', `/api/projects/${id}/review`, { opinions: FIVE_OPINIONS }),
      200,
      'review',
    );
    expectStatus(await decide(reviewer, id, 'dt.review.assessment'), 200, 'assessment');
    const leader = await sessions.as('dt.authlead');
    const noReason = await decide(leader, id, 'dt.review.filing', { outcome: 'filing_refused', opinion: '' });
    expectStatus(noReason, 400, 'no reason');
    assert.equal(noReason.json().code, 'REASON_REQUIRED');
    const refused = await decide(leader, id, 'dt.review.filing', {
      outcome: 'filing_refused',
      opinion: '不予备案',
      reasons: ['与市级平台功能重复，应复用现有系统'],
    });
    expectStatus(refused, 200, 'refused');
    assert.equal(refused.json().state, 'refused');
    assert.deepEqual(openStepIds(refused.json()), []);
    const notice = refused.json().certificates[0];
    assert.equal(notice.kind, 'refusal');
    assert.equal(notice.verified, true);
    assert.match(notice.number, /^同数政不备〔2026〕\d+号$/);
    const docx = await staff.request('GET', `/api/projects/${id}/certificates/${notice.id}/download`);
    expectStatus(docx, 200, 'notice');
    const text = wordParagraphs(docxDocumentXml(docx.rawPayload)).join('\n');
    assert.match(text, /不予备案通知书/);
    assert.match(text, /与市级平台功能重复/);
  });

  test('DT-09a the budget by year must add up to the total', async () => {
    const staff = await sessions.as('dt.staff');
    const res = await staff.request(
      'POST',
      '/api/projects',
      applicationBody({ totalBudget: '1000000', budgetByYear: [{ year: 2026, amount: '999999.99' }] }),
    );
    expectStatus(res, 400, 'budget');
    assert.equal(res.json().code, 'BUDGET_MISMATCH');
    assert.equal(res.json().field, 'budgetByYear');
  });

  test('DT-10 resources and systems are catalog entries: an unknown id is refused', async () => {
    const staff = await sessions.as('dt.staff');
    const res = await staff.request(
      'POST',
      '/api/projects',
      applicationBody({
        resources: [{ resourceId: '00000000-0000-4000-8000-000000000001', relation: 'uses' }],
      }),
    );
    expectStatus(res, 400, 'unknown resource');
    assert.equal(res.json().code, 'CATALOG_ENTRY_NOT_FOUND');
    assert.equal(res.json().field, 'resources');
  });

  test('mass assignment of the state or an approver is rejected', async () => {
    const staff = await sessions.as('dt.staff');
    const res = await staff.request('POST', '/api/projects', applicationBody({ state: 'established' }));
    expectStatus(res, 400, 'mass');
    assert.equal(res.json().field, 'state');
    const detail = (await staff.request('GET', `/api/projects/${projectId}`)).json();
    const patch = await staff.request('PATCH', `/api/projects/${projectId}`, {
      approverId: staff.userId,
      version: detail.version,
    });
    expectStatus(patch, 400, 'mass patch');
  });
});

describe('project options for the web pages', () => {
  test('GET /api/projects/meta gives every project enumeration with its Chinese label', async () => {
    const staff = await sessions.as('dt.staff');
    const res = await staff.request('GET', '/api/projects/meta');
    expectStatus(res, 200, 'meta');
    const meta = res.json();
    const label = (list: { code: string; label: string }[], code: string) =>
      list.find((o) => o.code === code)?.label;
    assert.equal(label(meta.types, 'upgrade'), '升级改造');
    assert.equal(label(meta.states, 'established'), '已立项');
    assert.equal(label(meta.declarations, 'onCloud'), '部署在政务云平台');
    assert.deepEqual(
      meta.reviewDimensions.map((d: { label: string }) => d.label),
      ['需求合理性', '建设集约性', '方案可行性', '预算合理性', '绩效目标合理性'],
    );
    assert.equal(label(meta.planKinds, 'annual'), '年度计划');
    assert.equal(meta.declarations.length, 13);
  });
});
