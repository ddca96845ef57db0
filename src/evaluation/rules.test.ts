import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evalCaller, notOwnOrganisation } from './rules.ts';

const actor = (organisationId: string, role: string) =>
  ({
    userId: 'u1',
    username: 'u',
    displayName: '测试',
    assignments: [{ role, organisationId, jurisdictionId: 'j1' }],
  }) as unknown as Parameters<typeof evalCaller>[0];

test('nobody scores, checks or closes what belongs to their own organisation', () => {
  const caller = evalCaller(actor('data-center', 'authority_reviewer'), new Date('2027-01-11T02:00:00Z'));
  assert.equal(caller.today, '2027-01-11');
  assert.throws(
    () => notOwnOrganisation(caller, 'data-center', 'XZ-25'),
    (e: { code: string; article: string; kind: string }) =>
      e.code === 'EVAL_OWN_DEPARTMENT' && e.article === 'XZ-25' && e.kind === 'forbidden',
  );
  assert.doesNotThrow(() => notOwnOrganisation(caller, 'road-centre', 'XZ-25'));
});
