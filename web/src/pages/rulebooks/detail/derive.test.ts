import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RulebookDetail } from '../../../api/types.ts';
import { describeChange, toDeriveRequest } from './derive.ts';

const base = {
  code: 'DT',
  version: 1,
  deadlines: [{ id: 'dt.deadline.contract_filing', name: '合同备案' }],
  organisations: [{ key: 'dt_authority', name: '市数字政府服务中心' }],
  workflow: { stages: [{ steps: [{ id: 'dt.application.submit', name: '提交申请' }] }] },
} as unknown as RulebookDetail;

describe('the 派生新版本 form', () => {
  it('turns form values into the derive request, dropping incomplete changes', () => {
    const request = toDeriveRequest(base, {
      targetCode: 'DT-YG',
      name: ' 阳高县政务信息化项目规则集 ',
      jurisdictionCode: '140221',
      jurisdictionName: '阳高县',
      effectiveFrom: '2026-07-01',
      changes: [
        { op: 'set_deadline', deadlineId: 'dt.deadline.contract_filing', amount: 3, unit: 'working_days' },
        { op: 'rename_organisation', key: 'dt_authority', name: '县数字政府服务中心' },
        {
          op: 'add_material',
          stepId: 'dt.application.submit',
          code: 'county_form',
          materialName: '县级备案表',
          article: 'DT-37',
        },
        { op: 'remove_material', stepId: 'dt.application.submit' },
        {},
      ],
    });
    assert.equal(request.baseCode, 'DT');
    assert.equal(request.baseVersion, 1);
    assert.equal(request.name, '阳高县政务信息化项目规则集');
    assert.equal(request.regulation, undefined);
    assert.deepEqual(
      request.changes.map((c) => c.op),
      ['set_deadline', 'rename_organisation', 'add_material'],
    );
    const added = request.changes[2];
    assert.ok(added.op === 'add_material');
    assert.deepEqual(added.material.articles, ['DT-37']);
    assert.equal(added.material.requirement, 'required');
  });

  it('describes stored changes in Chinese with the rulebook’s names', () => {
    assert.equal(
      describeChange({ op: 'set_deadline', deadlineId: 'dt.deadline.contract_filing', amount: 3 }, base),
      '期限“合同备案”：时限改为 3',
    );
    assert.equal(
      describeChange({ op: 'remove_material', stepId: 'dt.application.submit', code: 'proposal' }, base),
      '“提交申请”删除材料 proposal',
    );
  });
});
