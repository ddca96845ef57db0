import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { deriveRulebook } from './derive.ts';
import { getRulebook } from './index.ts';
import { sharingOpinionArticle } from './review.ts';

describe('review opinion requirements', () => {
  test('SC-09a: SC asks for a sharing-analysis opinion, the other rulebooks do not', () => {
    assert.equal(sharingOpinionArticle(getRulebook('SC')), 'SC-09a');
    for (const code of ['DT', 'JC', 'XZ']) assert.equal(sharingOpinionArticle(getRulebook(code)), undefined);
  });

  test('a rulebook derived from SC (a county under 朔城区) asks for it as SC does', () => {
    const derived = deriveRulebook(getRulebook('SC'), [], {
      id: 'SC-X',
      jurisdictionCode: '140602-X',
      name: '派生规则',
      version: 1,
      effectiveFrom: '2026-01-01',
    });
    assert.equal(derived.id, 'SC-X');
    assert.equal(sharingOpinionArticle(derived), 'SC-09a');
  });
});
