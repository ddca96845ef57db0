import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  applicationBody,
  budgetProblem,
  diffValueText,
  EMPTY_APPLICATION,
  formatYuan,
  fromFen,
  labelOf,
  toFen,
  wanHint,
  yearsTotal,
} from './logic.ts';

describe('money in yuan strings', () => {
  it('converts exactly between yuan and fen', () => {
    assert.equal(toFen('1280000.5'), 128000050n);
    assert.equal(toFen('0.01'), 1n);
    assert.equal(toFen('1.234'), null);
    assert.equal(toFen('-1'), null);
    assert.equal(fromFen(128000050n), '1280000.50');
    assert.equal(formatYuan('1280000.5'), '1,280,000.50 元');
  });

  it('DT-09a checks that the budget by year adds up to the total, without floating point', () => {
    assert.equal(
      budgetProblem('0.3', [
        { year: 2026, amount: '0.1' },
        { year: 2027, amount: '0.2' },
      ]),
      null,
    );
    assert.match(budgetProblem('100', [{ year: 2026, amount: '99.99' }]) ?? '', /不一致/);
    assert.match(
      budgetProblem('100', [
        { year: 2026, amount: '50' },
        { year: 2026, amount: '50' },
      ]) ?? '',
      /重复/,
    );
    assert.equal(budgetProblem('100', []), null);
  });
});

describe('the application body', () => {
  it('drops empty rows and keeps the stored phone when editing with it left empty', () => {
    const body = applicationBody(
      {
        ...EMPTY_APPLICATION,
        name: ' 项目 ',
        totalBudget: '100',
        budgetByYear: [{ year: 2026, amount: '' }],
        performanceTargets: [{ indicator: '', target: '' }],
        projectOwner: { name: '王敏', title: '', phone: '' },
      },
      true,
    );
    assert.equal(body.name, '项目');
    assert.deepEqual(body.budgetByYear, []);
    assert.deepEqual(body.performanceTargets, []);
    assert.equal('projectOwner' in body, false);
    const created = applicationBody(
      { ...EMPTY_APPLICATION, projectOwner: { name: '王敏', title: '', phone: '' } },
      false,
    );
    assert.deepEqual(created.projectOwner, { name: '王敏', title: '', phone: '' });
  });
});

/** Options as GET /api/projects/meta gives them (useProjectMeta maps code to value). */
const PROJECT_TYPES = [
  { value: 'new', label: '新建' },
  { value: 'upgrade', label: '升级改造' },
];

describe('labels', () => {
  it('shows codes in Chinese and diff values as text', () => {
    assert.equal(labelOf(PROJECT_TYPES, 'upgrade'), '升级改造');
    assert.equal(diffValueText(true), '是');
    assert.equal(diffValueText(null), '—');
    assert.equal(
      diffValueText({ fileName: '建议书.pdf', sm3: 'abcdef0123456789' }),
      '建议书.pdf（SM3 abcdef012345…）',
    );
  });
});

describe('amounts in 元 with a 万元 hint and a running total (issue 17 item 13)', () => {
  it('shows 万元 (to the 元) and adds up the valid years', () => {
    assert.equal(wanHint('1280000'), '合 128 万元');
    assert.equal(wanHint('1280000.5'), '合 128 万元', 'the hint is to the 元');
    assert.equal(wanHint('12345.67'), '合 1.2345 万元');
    assert.equal(wanHint('abc'), null);
    assert.equal(yearsTotal([{ amount: '700000' }, { amount: '500000.5' }, { amount: 'x' }]), '1200000.50');
  });
});
