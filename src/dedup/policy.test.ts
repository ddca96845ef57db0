import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from '../platform/errors.ts';
import type { IndexDoc } from './engine/search-index.ts';
import { requireAcknowledged, scopeCap, scopeFilter } from './policy.ts';

const doc = (over: Partial<IndexDoc>): IndexDoc => ({
  kind: 'system',
  id: 'x',
  jurisdictionId: 'city',
  name: '',
  text: '',
  items: [],
  ...over,
});

test('scope: the jurisdiction chain only, projects of the last five years, not the project itself nor its systems', () => {
  const filter = scopeFilter({
    jurisdictionIds: ['county', 'city'],
    year: 2026,
    projectId: 'p1',
    ownSystemIds: ['s1'],
  });
  assert.equal(filter(doc({ jurisdictionId: 'city' })), true);
  assert.equal(filter(doc({ jurisdictionId: 'other-city' })), false);
  assert.equal(filter(doc({ id: 's1' })), false, 'the system the project builds or changes');
  assert.equal(filter(doc({ kind: 'project', id: 'p1' })), false, 'itself');
  assert.equal(filter(doc({ kind: 'project', id: 'p2', year: 2022 })), true, 'five years: 2022–2026');
  assert.equal(filter(doc({ kind: 'project', id: 'p3', year: 2021 })), false);
});

test('cap: an upgrade-only project holds system and other upgrade hits at partial; lists and shared systems stay high', () => {
  const upgrade = scopeCap({ jurisdictionIds: [], year: 2026, ownSystemIds: ['s1'], upgradeOnly: true });
  assert.equal(upgrade(doc({ kind: 'system' })), 'partial');
  assert.equal(upgrade(doc({ kind: 'negative' })), 'high');
  assert.equal(upgrade(doc({ kind: 'unified' })), 'high');
  assert.equal(upgrade(doc({ kind: 'project', systemIds: ['s2'], upgradeOnly: true })), 'partial');
  assert.equal(
    upgrade(doc({ kind: 'project', systemIds: ['s1'], upgradeOnly: true })),
    'high',
    'same system',
  );
  const building = scopeCap({ jurisdictionIds: [], year: 2026, upgradeOnly: false });
  assert.equal(building(doc({ kind: 'system' })), 'high');
  assert.equal(building(doc({ kind: 'project', upgradeOnly: true })), 'high');
});

test('the review concludes only when every high hit is acknowledged; partial hits need nothing', () => {
  requireAcknowledged([{ level: 'partial', name: 'a', acknowledgedAt: null }], 'DT-09b');
  requireAcknowledged([{ level: 'high', name: 'a', acknowledgedAt: new Date() }], 'DT-09b');
  assert.throws(
    () =>
      requireAcknowledged(
        [
          { level: 'high', name: '居家养老服务管理系统', acknowledgedAt: null },
          { level: 'high', name: 'b', acknowledgedAt: new Date() },
        ],
        'DT-09b',
      ),
    (e: unknown) =>
      e instanceof DomainError &&
      e.code === 'DEDUP_HIGH_UNACKNOWLEDGED' &&
      e.article === 'DT-09b' &&
      e.field === 'dedup' &&
      /居家养老服务管理系统/.test(e.message) &&
      !/“b”/.test(e.message),
  );
});
