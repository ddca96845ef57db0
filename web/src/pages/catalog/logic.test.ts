import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../api/client.ts';
import {
  changes,
  cloudApprovalText,
  fieldErrors,
  fieldPath,
  fileNameFromDisposition,
  labelOf,
  problemsOf,
  rejectedUploadMessage,
} from './logic.ts';

describe('catalog page logic', () => {
  it('turns server field paths into form name paths', () => {
    assert.deepEqual(fieldPath('name'), ['name']);
    assert.deepEqual(fieldPath('dataItems[2].name'), ['dataItems', 2, 'name']);
    assert.deepEqual(fieldPath('dataItems[0]'), ['dataItems', 0]);
  });

  it('reads every problem of a 400, or the single field of the error contract', () => {
    const listed = new ApiError(400, {
      code: 'NO_SHARE_REASON_REQUIRED',
      message: 'x',
      problems: [
        {
          field: 'sharingConditions',
          code: 'NO_SHARE_REASON_REQUIRED',
          message: '须写明依据',
          article: 'SC-09b',
        },
        { field: 'dataItems[1].length', code: 'DATA_ITEM_LENGTH_REQUIRED', message: '须填写数据长度' },
      ],
    });
    const { fields, other } = fieldErrors(problemsOf(listed), ['sharingConditions', 'dataItems']);
    assert.deepEqual(fields, [
      { name: ['sharingConditions'], errors: ['须写明依据（SC-09b）'] },
      { name: ['dataItems', 1, 'length'], errors: ['须填写数据长度'] },
    ]);
    assert.deepEqual(other, []);
    const single = new ApiError(409, { code: 'DUPLICATE_NAME', message: '同名', field: 'name' });
    assert.deepEqual(problemsOf(single), [{ field: 'name', code: 'DUPLICATE_NAME', message: '同名' }]);
    const notOnForm = fieldErrors([{ field: 'code', code: 'X', message: '编码有误' }], ['name']);
    assert.deepEqual(notOnForm.other, ['编码有误']);
  });

  it('sends only changed fields, an emptied one as null', () => {
    assert.deepEqual(
      changes(
        { name: 'a', remarks: 'r', networks: ['extranet'] },
        { name: 'a', remarks: '', networks: ['extranet', 'internet'] },
      ),
      { remarks: null, networks: ['extranet', 'internet'] },
    );
  });

  it('reads the Chinese file name of a download', () => {
    const header = `attachment; filename="catalog-systems-errors.xlsx"; filename*=UTF-8''${encodeURIComponent('教育局-错误标注.xlsx')}`;
    assert.equal(fileNameFromDisposition(header, 'x.xlsx'), '教育局-错误标注.xlsx');
    assert.equal(fileNameFromDisposition('attachment; filename="a.xlsx"', 'x.xlsx'), 'a.xlsx');
    assert.equal(fileNameFromDisposition(null, 'x.xlsx'), 'x.xlsx');
  });

  it('names labels, rejected uploads and the approval state of a cloud item', () => {
    assert.equal(labelOf([{ code: 'retired', label: '已报废' }], 'retired'), '已报废');
    assert.equal(labelOf([], 'unknown'), 'unknown');
    assert.equal(rejectedUploadMessage(3), '3 行有错误，已下载标注文件');
    const base = {
      status: 'draft' as const,
      approvalsRequired: ['authority', 'finance'] as ('authority' | 'finance')[],
    };
    assert.equal(
      cloudApprovalText({ ...base, authorityApprovedAt: null, financeApprovedAt: null }),
      '待主管部门、财政部门审定',
    );
    assert.equal(
      cloudApprovalText({ ...base, authorityApprovedAt: '2026-01-01', financeApprovedAt: null }),
      '待财政部门审定（主管部门已审定）',
    );
  });
});
