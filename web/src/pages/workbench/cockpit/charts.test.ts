import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type CockpitData,
  departmentOption,
  drillUrl,
  moneyOption,
  overdueOption,
  stateOption,
} from './charts.ts';

const DATA: CockpitData = {
  generatedAt: '2026-12-02T00:00:00.000Z',
  totals: { projects: 3, requested: '3000000.00', approved: '1000000.00' },
  byState: [
    { state: 'in_review', stateName: '审核中', count: 2 },
    { state: 'established', stateName: '已立项', count: 1 },
  ],
  byDepartment: [
    {
      organisationId: 'org-1',
      organisationName: '大同市教育局',
      total: 3,
      states: [
        { state: 'in_review', count: 2 },
        { state: 'established', count: 1 },
      ],
    },
  ],
  moneyByYear: [{ year: 2026, requested: '3000000.00', approved: '1000000.00' }],
  disbursedByYear: [
    { year: 2026, disbursed: '450000.00', count: 2, drill: '/projects/cockpit/disbursed?year=2026' },
  ],
  overdueObligations: [
    {
      kind: 'dt.deadline.contract_filing',
      kindName: '合同备案',
      organisationId: 'org-1',
      organisationName: '大同市教育局',
      count: 2,
      drill: '/projects/supervision?overdue=1&kind=dt.deadline.contract_filing&holderOrganisationId=org-1',
    },
  ],
  grades: [],
  openIncidents: { total: 0, drill: '/operations/incidents?status=open', byDepartment: [] },
};

describe('cockpit charts drill down to the filtered list', () => {
  it('each figure names the list behind it', () => {
    assert.equal(drillUrl({}), '/projects/list');
    assert.equal(stateOption(DATA).series[0].data[0].drill, '/projects/list?state=in_review');
    const dept = departmentOption(DATA);
    assert.deepEqual(
      dept.series.map((s) => s.data[0].drill),
      [
        '/projects/list?state=in_review&organisationId=org-1',
        '/projects/list?state=established&organisationId=org-1',
      ],
    );
    const money = moneyOption(DATA);
    assert.deepEqual(
      money.series.map((s) => s.data[0].value),
      [300, 100, 45],
      '万元',
    );
    assert.equal(money.series[2].data[0].drill, '/projects/cockpit/disbursed?year=2026');
    const overdue = overdueOption(DATA);
    assert.deepEqual(overdue.series[0].data[0], {
      value: 2,
      drill: '/projects/supervision?overdue=1&kind=dt.deadline.contract_filing&holderOrganisationId=org-1',
    });
  });
});
