import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getRulebook } from '../rules/index.ts';
import {
  availableResourceActions,
  canEdit,
  canRead,
  catalogScope,
  defaultOwner,
  requiredCloudApprovals,
  resourceActionCheck,
} from './access.ts';
import { catalogRulesFor } from './commands/rules.ts';

const EDU = { role: 'dept_staff', organisationId: 'edu', jurisdictionId: 'DT' };
const AUTHORITY = { role: 'authority_reviewer', organisationId: 'centre', jurisdictionId: 'DT' };
const FINANCE = { role: 'finance_officer', organisationId: 'finance', jurisdictionId: 'DT' };
const EXPERT = { role: 'expert', organisationId: 'experts', jurisdictionId: 'DT' };

describe('catalog scope', () => {
  test('SC-10 a department reads and edits its own entries; the authority its whole jurisdiction; nothing crosses jurisdictions', () => {
    const dept = catalogScope([EDU]);
    const authority = catalogScope([AUTHORITY]);
    const own = { organisationId: 'edu', jurisdictionId: 'DT' };
    const other = { organisationId: 'health', jurisdictionId: 'DT' };
    const abroad = { organisationId: 'sc-edu', jurisdictionId: 'SC' };
    assert.deepEqual([canRead(dept, own), canRead(dept, other), canRead(dept, abroad)], [true, false, false]);
    assert.deepEqual([canEdit(dept, own), canEdit(dept, other)], [true, false]);
    assert.deepEqual([canRead(authority, other), canEdit(authority, other)], [true, true]);
    assert.deepEqual([canRead(authority, abroad), canEdit(authority, abroad)], [false, false]);
  });

  test('finance reads the jurisdiction and approves the cloud catalog but edits nothing; experts read only the cloud catalog', () => {
    const finance = catalogScope([FINANCE]);
    assert.equal(canRead(finance, { organisationId: 'edu', jurisdictionId: 'DT' }), true);
    assert.equal(canEdit(finance, { organisationId: 'edu', jurisdictionId: 'DT' }), false);
    assert.deepEqual(finance.financeJurisdictions, ['DT']);
    const expert = catalogScope([EXPERT]);
    assert.equal(canRead(expert, { organisationId: 'edu', jurisdictionId: 'DT' }), false);
    assert.deepEqual(expert.cloudJurisdictions, ['DT']);
    assert.equal(defaultOwner([EXPERT]), undefined);
    assert.equal(defaultOwner([AUTHORITY, EDU]), 'edu', 'a department assignment comes first');
  });
});

describe('resource lifecycle actions (注册 → 审核 → 发布 → 下架)', () => {
  const resource = (
    state: 'registered' | 'under_review' | 'published' | 'withdrawn',
    submittedBy: string | null = null,
  ) => ({
    organisationId: 'edu',
    jurisdictionId: 'DT',
    state,
    submittedBy,
  });

  test('XZ-08a the department submits, the authority publishes, returns and withdraws', () => {
    const dept = catalogScope([EDU]);
    const authority = catalogScope([AUTHORITY]);
    assert.deepEqual(availableResourceActions(dept, 'u1', resource('registered')), ['submit']);
    assert.deepEqual(availableResourceActions(dept, 'u1', resource('under_review', 'u1')), []);
    assert.deepEqual(availableResourceActions(authority, 'u2', resource('under_review', 'u1')), [
      'publish',
      'return',
    ]);
    assert.deepEqual(availableResourceActions(authority, 'u2', resource('published', 'u1')), ['withdraw']);
    assert.deepEqual(availableResourceActions(dept, 'u1', resource('withdrawn', 'u1')), ['submit']);
    const wrongState = resourceActionCheck(authority, 'u2', resource('registered'), 'withdraw');
    assert.equal(wrongState.ok, false);
    assert.equal(wrongState.ok === false && wrongState.reason, 'state');
  });

  test('SECURITY-16 a submitter cannot approve the resource they submitted', () => {
    const authority = catalogScope([AUTHORITY]);
    const check = resourceActionCheck(authority, 'u2', resource('under_review', 'u2'), 'publish');
    assert.equal(check.ok === false && check.reason, 'own_submission');
    assert.equal(resourceActionCheck(authority, 'u3', resource('under_review', 'u2'), 'publish').ok, true);
  });
});

describe('cloud catalog approval', () => {
  test('SC-12 SC needs the authority and finance; DT-13 elsewhere the authority alone', () => {
    // The rule is the rulebook's (Rulebook.catalog.cloudCatalog), read through catalogRulesFor.
    const approvals = (code: string | null) => requiredCloudApprovals(catalogRulesFor(code));
    assert.deepEqual(approvals('SC'), { approvers: ['authority', 'finance'], article: 'SC-12' });
    assert.deepEqual(approvals('SC-XX').approvers, ['authority', 'finance']);
    assert.deepEqual(approvals('DT'), { approvers: ['authority'], article: 'DT-13' });
    assert.deepEqual(approvals('XZ'), { approvers: ['authority'] }, 'XZ is silent: no article cited');
    assert.deepEqual(approvals(null).approvers, ['authority']);
    assert.equal(getRulebook('SC').catalog?.cloudCatalog?.compiler, 'sc_digital_center');
  });
});
