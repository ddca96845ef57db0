/**
 * The plan chains of the rulebooks bound to the demo directory (issue 10 item 11): XZ 第六条 goes to
 * the bureau's 局党组 and then the city's 市政务信息管理局; a DT county plan goes to the county's own
 * authority (never the city's for the first step) and then the city authority; JC has no chain.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { demoDirectory } from '../../test/support/demo-directory.ts';
import type { Directory } from '../projects/actors.ts';
import { getRulebook } from '../rules/index.ts';
import { homeJurisdictionId, pendingStep, planChain } from './chain.ts';

const directory = demoDirectory({
  jurisdictions: [{ id: 'DT-XR', code: 'DT-XR', name: '大同市新荣区', parentId: 'DT', rulebookCode: 'DT' }],
  organisations: [
    {
      id: '新荣区数字政府服务中心',
      name: '新荣区数字政府服务中心',
      kind: 'authority',
      jurisdictionId: 'DT-XR',
      parentId: null,
    },
  ],
});

const bound = (code: string, plan: { jurisdictionId: string; scope: string }) =>
  planChain(getRulebook(code), directory, plan)?.map((c) => [c.step.id, c.organisationIds]) ?? null;

describe('plan chains from the rulebooks', () => {
  test('XZ-06 局党组同意, then 市政务信息管理局审查备案 one level up', () => {
    assert.deepEqual(bound('XZ', { jurisdictionId: 'XZ', scope: 'jurisdiction' }), [
      ['xz.plan_chain.party_group', ['中共忻州市交通运输局党组']],
      ['xz.plan_chain.city_filing', ['忻州市政务信息管理局']],
    ]);
    const chain = planChain(getRulebook('XZ'), directory, { jurisdictionId: 'XZ', scope: 'jurisdiction' })!;
    assert.equal(chain[1].step.canRefuse, true);
    assert.equal(chain[0].step.canRefuse, false);
  });

  test('DT-08 the city plan goes to 市人民政府; a county plan to its own authority, then the city authority', () => {
    assert.equal(homeJurisdictionId(directory, 'DT-XR'), 'DT');
    assert.deepEqual(bound('DT', { jurisdictionId: 'DT', scope: 'jurisdiction' }), [
      ['dt.plan_chain.city_government', ['大同市人民政府']],
    ]);
    assert.deepEqual(bound('DT', { jurisdictionId: 'DT-XR', scope: 'department' }), [
      ['dt.plan_chain.county_authority', ['新荣区数字政府服务中心']],
      ['dt.plan_chain.city_filing', ['大同市数字政府服务中心']],
    ]);
    // A city department's plan keeps the platform's default (filing with the city authority).
    assert.equal(bound('DT', { jurisdictionId: 'DT', scope: 'department' }), null);
  });

  test('DT-08 a county without an authority of its own has nobody for the first step (never the city’s)', () => {
    const bare: Directory = {
      ...directory,
      organisations: directory.organisations.filter((o) => o.jurisdictionId !== 'DT-XR'),
    };
    const chain = planChain(getRulebook('DT'), bare, { jurisdictionId: 'DT-XR', scope: 'jurisdiction' })!;
    assert.deepEqual(chain[0].organisationIds, []);
  });

  test('SC-07 the district plan goes to 区人民政府; JC has no plan article, so no chain', () => {
    assert.deepEqual(bound('SC', { jurisdictionId: 'SC', scope: 'jurisdiction' }), [
      ['sc.plan_chain.district_government', ['朔城区人民政府']],
    ]);
    assert.equal(bound('JC', { jurisdictionId: 'JC', scope: 'jurisdiction' }), null);
  });

  test('a plan submitted before chains existed waits at the first step', () => {
    const chain = planChain(getRulebook('XZ'), directory, { jurisdictionId: 'XZ', scope: 'jurisdiction' })!;
    assert.equal(pendingStep(chain, null), 0);
    assert.equal(pendingStep(chain, 'xz.plan_chain.city_filing'), 1);
  });
});
