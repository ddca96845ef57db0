/**
 * "Who may act" from the rulebook: each named body of the four rulebooks binds to the demo
 * organisation that plays it — XZ's 市政务信息管理局 and 市政府 in the parent jurisdiction — and a
 * generic department is the project's own department.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { demoDirectory } from '../../test/support/demo-directory.ts';
import { getRulebook } from '../rules/index.ts';
import {
  actingRoles,
  actorLabel,
  bindAll,
  bindNamedOrganisation,
  jurisdictionChain,
  normaliseOrgName,
  partiesOf,
} from './actors.ts';
import { stepInfo } from './workflow-state.ts';

const directory = demoDirectory();

describe('binding the rulebooks’ named bodies', () => {
  test('names are compared without width, spaces, and with 人民政府 = 政府', () => {
    assert.equal(normaliseOrgName('大同市 人民政府'), '大同市政府');
    assert.deepEqual(
      jurisdictionChain(directory, 'XZ').map((j) => j.code),
      ['XZ', 'XZS', 'SX'],
    );
  });

  test('DT-05a the DT bodies: authority, approval bureau, finance, city government, expert committee', () => {
    const b = bindAll(getRulebook('DT'), 'DT', directory);
    assert.equal(b.get('dt_authority'), '大同市数字政府服务中心');
    assert.equal(b.get('dt_approval_bureau'), '大同市行政审批服务管理局');
    assert.equal(b.get('dt_finance'), '大同市财政局');
    assert.equal(b.get('dt_city_government'), '大同市人民政府');
    assert.equal(b.get('dt_expert_committee'), '大同市政务信息化专家咨询委员会');
    assert.equal(b.has('dt_department'), false);
  });

  test('SC-04 two finance bodies are told apart by name', () => {
    const b = bindAll(getRulebook('SC'), 'SC', directory);
    assert.equal(b.get('sc_finance'), '朔城区财政局');
    assert.equal(b.get('sc_finance_review'), '朔城区财政评审中心');
    assert.equal(b.get('sc_district_government'), '朔城区人民政府');
  });

  test('JC-04/JC-05-1 the executive meeting binds as the only leadership body of JC', () => {
    const b = bindAll(getRulebook('JC'), 'JC', directory);
    assert.equal(b.get('jc_executive_meeting'), '城区人民政府常务会议');
    assert.equal(b.get('jc_authority'), '城区行政审批服务管理局（区政务信息管理局）');
  });

  test('XZ-07/XZ-10a XZ’s city bodies sit in the parent jurisdiction; 局党组 and 市政府 are told apart', () => {
    const rb = getRulebook('XZ');
    assert.equal(bindNamedOrganisation(rb, 'xz_party_group', 'XZ', directory), '中共忻州市交通运输局党组');
    assert.equal(bindNamedOrganisation(rb, 'xz_city_government', 'XZ', directory), '忻州市人民政府');
    assert.equal(bindNamedOrganisation(rb, 'xz_city_authority', 'XZ', directory), '忻州市政务信息管理局');
    assert.equal(bindNamedOrganisation(rb, 'xz_data_center', 'XZ', directory), '忻州市交通运输数据中心');
    // 市财政局 has no organisation in the demo: not bound to the bureau's 财务科 by kind alone.
    assert.equal(bindNamedOrganisation(rb, 'xz_city_finance', 'XZ', directory), null);
  });
});

describe('who acts on a step', () => {
  const project = {
    jurisdictionId: 'DT',
    ownerOrganisationId: '大同市教育局',
    coBuilderIds: ['大同市卫生健康委员会'],
  };

  test('DT-09c the establishment step is the approval bureau’s approver, nobody else', () => {
    const rb = getRulebook('DT');
    const b = bindAll(rb, 'DT', directory);
    const step = stepInfo(rb, 'dt.filing_approval.establishment')!.step;
    assert.equal(
      actingRoles([{ role: 'approver', organisationId: '大同市行政审批服务管理局' }], rb, step, project, b)
        .length,
      1,
    );
    assert.equal(
      actingRoles([{ role: 'approver', organisationId: '朔城区政务信息管理局' }], rb, step, project, b)
        .length,
      0,
    );
    assert.equal(
      actingRoles(
        [{ role: 'authority_reviewer', organisationId: '大同市数字政府服务中心' }],
        rb,
        step,
        project,
        b,
      ).length,
      0,
    );
    assert.equal(actorLabel(rb, step), '市行政审批局立项审批人员');
  });

  test('the application step is the owner department’s staff, not a co-builder’s', () => {
    const rb = getRulebook('DT');
    const b = bindAll(rb, 'DT', directory);
    const step = stepInfo(rb, 'dt.application.submit')!.step;
    assert.equal(
      actingRoles([{ role: 'dept_staff', organisationId: '大同市教育局' }], rb, step, project, b).length,
      1,
    );
    assert.equal(
      actingRoles([{ role: 'dept_staff', organisationId: '大同市卫生健康委员会' }], rb, step, project, b)
        .length,
      0,
    );
  });

  test('parties: owner and co-builder departments, the bound oversight bodies; never experts by role', () => {
    const b = bindAll(getRulebook('DT'), 'DT', directory);
    assert.deepEqual(
      [...partiesOf([{ role: 'dept_staff', organisationId: '大同市卫生健康委员会' }], project, b)],
      ['department'],
    );
    assert.deepEqual(
      [...partiesOf([{ role: 'dept_staff', organisationId: '大同市交通运输局' }], project, b)],
      [],
    );
    assert.deepEqual(
      [...partiesOf([{ role: 'approver', organisationId: '大同市行政审批服务管理局' }], project, b)],
      ['oversight'],
    );
    assert.deepEqual(
      [...partiesOf([{ role: 'expert', organisationId: '大同市政务信息化专家咨询委员会' }], project, b)],
      [],
    );
  });
});
